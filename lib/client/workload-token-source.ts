import { readFile } from "node:fs/promises";
import { agentAccessTokenSchema } from "@/lib/workload-identity/token-request-schemas";
import { JWT_BEARER_GRANT_TYPE } from "@/lib/workload-identity/workload-token-format";
import type { HttpFetch } from "./node-http-fetch";

/** An access token is replaced this long before it expires, so no call goes out with one about to die. */
const RENEW_BEFORE_MS = 60_000;

/**
 * Agent access tokens from the workload identity token in a file (a Kubernetes projected service-account
 * token, a GitHub Actions ID token written by the workflow, a SPIFFE JWT-SVID): read afresh whenever a
 * new access token is needed — the platform rotates the file — and exchanged at Baton's token endpoint
 * (RFC 7523). A workload token is exchanged once; while the file still holds the one already exchanged,
 * its access token is used until it expires.
 */
export function workloadTokenSource(options: { baseUrl: string; idTokenFile: string; fetch: HttpFetch; now?: () => number }) {
  const now = options.now ?? Date.now;
  let current: { idToken: string; accessToken: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function renew(): Promise<string> {
    let idToken: string;
    try {
      idToken = (await readFile(options.idTokenFile, "utf8")).trim();
    } catch (error) {
      throw new Error(`BATON_ID_TOKEN_FILE: ${options.idTokenFile} cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`, { cause: error });
    }
    if (!idToken) throw new Error(`BATON_ID_TOKEN_FILE: ${options.idTokenFile} is empty`);
    if (current && current.idToken === idToken) {
      if (current.expiresAt > now()) return current.accessToken;
      throw new Error(`BATON_ID_TOKEN_FILE: ${options.idTokenFile} still holds the identity token already exchanged; its platform has not renewed it`);
    }
    const url = `${options.baseUrl.replace(/\/+$/, "")}/api/v1/token`;
    const answer = await options.fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({ grant_type: JWT_BEARER_GRANT_TYPE, assertion: idToken }).toString(),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await answer.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (!answer.ok) {
      const refusal = json as { error?: unknown; error_description?: unknown } | undefined;
      throw new Error(
        `Baton refused the identity token (${answer.status} ${String(refusal?.error ?? "")}): ${String(refusal?.error_description ?? text.slice(0, 200))}`,
      );
    }
    const issued = agentAccessTokenSchema.safeParse(json);
    if (!issued.success) throw new Error(`POST ${url} answered something other than an access token`);
    current = { idToken, accessToken: issued.data.access_token, expiresAt: now() + issued.data.expires_in * 1000 };
    return current.accessToken;
  }

  return (): Promise<string> => {
    if (current && current.expiresAt - RENEW_BEFORE_MS > now()) return Promise.resolve(current.accessToken);
    pending ??= renew().finally(() => (pending = undefined));
    return pending;
  };
}
