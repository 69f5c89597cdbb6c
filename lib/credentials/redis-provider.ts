import { createClient } from "redis";
import { classifyDriverError, type CredentialProviderDriver, type PrincipalToMint, type ProviderConnection } from "./provider";

/** Redis: an ACL user (`ACL SETUSER … on >password <rule>`); at the end `off`, `CLIENT KILL USER`, `ACL DELUSER`. */
export function redisProvider(connection: ProviderConnection, name: string): CredentialProviderDriver {
  type Send = (args: string[]) => Promise<unknown>;
  async function withClient<T>(work: (send: Send, transaction: (commands: string[][]) => Promise<unknown>) => Promise<T>): Promise<T> {
    const client = createClient({
      socket: { host: connection.host, port: connection.port, connectTimeout: 3000, reconnectStrategy: false },
      username: connection.user || undefined,
      password: connection.password ?? undefined,
    });
    client.on("error", () => {});
    try {
      await client.connect();
    } catch (error) {
      throw classifyDriverError(error, name);
    }
    try {
      return await work(
        (args) => client.sendCommand(args),
        (commands) => commands.reduce((multi, command) => multi.addCommand(command), client.multi()).exec(),
      );
    } catch (error) {
      throw classifyDriverError(error, name);
    } finally {
      client.destroy();
    }
  }

  return {
    kind: "redis",
    atomic: true,
    async check() {
      await withClient(async (send) => {
        await send(["ACL", "WHOAMI"]);
        await send(["ACL", "USERS"]);
      });
    },
    async issue(principal: PrincipalToMint) {
      const tokens = principal.privileges.flatMap((privilege) => (privilege.type === "redis-acl" ? privilege.tokens : []));
      // One command: Redis applies all of it or, on a bad rule, none of it. Each token is its own argument.
      await withClient((send) => send(["ACL", "SETUSER", principal.username, "reset", "resetchannels", "on", `>${principal.password}`, ...tokens]));
      return { host: connection.host, port: connection.port };
    },
    async revoke(username) {
      // One transaction, one round trip, no window for a new login between the steps: `off` (creating the
      // user if it was already gone, so CLIENT KILL USER cannot fail), its connections killed, the user deleted.
      await withClient((_send, transaction) =>
        transaction([
          ["ACL", "SETUSER", username, "off"],
          ["CLIENT", "KILL", "USER", username],
          ["ACL", "DELUSER", username],
        ]),
      );
    },
    async list(prefix) {
      return withClient(async (send) => ((await send(["ACL", "USERS"])) as string[]).filter((user) => user.startsWith(prefix)));
    },
    async close() {},
  };
}
