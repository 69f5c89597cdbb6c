import net from "node:net";
import { classifyDriverError, ProviderRefusedError, type CredentialProviderDriver, type PrincipalToMint, type ProviderConnection } from "./provider";
import type { RabbitPermission } from "./privilege-grammar";

/** RabbitMQ, through the management HTTP API: a user tagged with Baton's marker, permissions per vhost; at the end the user is deleted and its connections closed. */
export function rabbitmqProvider(connection: ProviderConnection, name: string): CredentialProviderDriver {
  const base = (connection.managementUrl ?? `http://${connection.host}:15672`).replace(/\/+$/, "");
  const authorization = `Basic ${Buffer.from(`${connection.user}:${connection.password ?? ""}`).toString("base64")}`;

  /** The management API answers a 5xx now and then under churn: try again twice before calling the server unavailable. */
  async function call(method: string, path: string, body?: unknown): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      const response = await callOnce(method, path, body);
      if (response.status < 500 || attempt === 3) return checked(response, method, path);
      await response.text().catch(() => "");
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }

  async function callOnce(method: string, path: string, body?: unknown): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${base}/api${path}`, {
        method,
        headers: { authorization, ...(body !== undefined && { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(5000),
      });
    } catch (error) {
      throw classifyDriverError(error instanceof Error && error.cause ? error.cause : error, name);
    }
    return response;
  }

  async function checked(response: Response, method: string, path: string): Promise<Response> {
    if (response.status >= 500) {
      const text = await response.text().catch(() => "");
      throw classifyDriverError(
        new Error(`connect: the management API answered ${response.status} to ${method} ${path.split("/").slice(0, 2).join("/")}: ${text.slice(0, 200)}`),
        name,
      );
    }
    if (response.status >= 400 && response.status !== 404) {
      const text = await response.text().catch(() => "");
      throw new ProviderRefusedError(`${name} refused ${method} ${path.split("/").slice(0, 2).join("/")}: ${response.status} ${text.slice(0, 200)}`);
    }
    return response;
  }
  const segment = encodeURIComponent;

  /** The AMQP port agents will connect to answers (the management API is not all there is). */
  function amqpReachable(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: connection.host, port: connection.port, timeout: 3000 });
      socket.once("connect", () => (socket.destroy(), resolve()));
      socket.once("error", (error) => reject(classifyDriverError(error, name)));
      socket.once("timeout", () => (socket.destroy(), reject(classifyDriverError(new Error("connect timed out"), name))));
    });
  }

  function mergedPermissions(principal: PrincipalToMint): Map<string, Omit<RabbitPermission, "type" | "vhost">> {
    const byVhost = new Map<string, Omit<RabbitPermission, "type" | "vhost">>();
    const either = (a: string, b: string) => (a === "^$" ? b : b === "^$" ? a : `(?:${a})|(?:${b})`);
    for (const privilege of principal.privileges) {
      if (privilege.type !== "rabbitmq") continue;
      const before = byVhost.get(privilege.vhost);
      byVhost.set(
        privilege.vhost,
        before
          ? {
              configure: either(before.configure, privilege.configure),
              write: either(before.write, privilege.write),
              read: either(before.read, privilege.read),
            }
          : { configure: privilege.configure, write: privilege.write, read: privilege.read },
      );
    }
    return byVhost;
  }

  async function revoke(username: string) {
    const user = await call("GET", `/users/${segment(username)}`);
    if (user.status === 404) return;
    await call("DELETE", `/users/${segment(username)}`);
    // Connection tracking (not the statistics database), so a connection opened a moment ago is closed too.
    await call("DELETE", `/connections/username/${segment(username)}`);
  }

  return {
    kind: "rabbitmq",
    atomic: false,
    async check() {
      await amqpReachable();
      const response = await call("GET", "/whoami");
      if (response.status !== 200) throw new ProviderRefusedError(`${name} refused: the management API answered ${response.status}`);
      const whoami = (await response.json()) as { tags?: string | string[] };
      const tags = Array.isArray(whoami.tags) ? whoami.tags : String(whoami.tags ?? "").split(",");
      if (!tags.includes("administrator")) throw new ProviderRefusedError(`${name} refused: the user ${connection.user} is not an administrator`);
    },
    async issue(principal: PrincipalToMint) {
      const permissions = mergedPermissions(principal);
      let vhost: string | undefined;
      try {
        await call("PUT", `/users/${segment(principal.username)}`, { password: principal.password, tags: principal.marker });
        for (const [name, permission] of permissions) {
          vhost ??= name;
          const response = await call("PUT", `/permissions/${segment(name)}/${segment(principal.username)}`, permission);
          if (response.status === 404) throw new ProviderRefusedError(`${name}: no vhost ${name}`);
        }
      } catch (error) {
        await revoke(principal.username).catch(() => {});
        throw error;
      }
      return { host: connection.host, port: connection.port, ...(vhost !== undefined && { vhost }) };
    },
    revoke,
    async list(prefix) {
      const response = await call("GET", "/users");
      const users = (await response.json()) as { name: string }[];
      return users.map((user) => user.name).filter((user) => user.startsWith(prefix));
    },
    async close() {},
  };
}
