import { route } from "@/lib/api/route-table";
import { systemClock } from "@/lib/kernel/clock";
import { AppError } from "@/lib/kernel/errors";
import { exchangeGrantToken } from "@/lib/grant-tokens/exchange-grant-token";
import { OAuthError } from "@/lib/grant-tokens/token-exchange-format";
import { tokenIssuer } from "@/lib/grant-tokens/token-issuer";
import { authenticate, bearerToken } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { clientAddress } from "@/lib/http/client-address";
import { exchangeWorkloadToken, isWorkloadTokenRequest } from "@/lib/workload-identity/exchange-workload-token";

// RFC 6749 §5.1: token responses, successful or not, are never cached.
const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };

const spec = route("post", "/api/v1/token");

/**
 * The token endpoint: RFC 8693 token exchange of a grant (agent key as actor), and workload identity
 * federation (RFC 7523 or RFC 8693 with a workload JWT). Not wrapped by apiRoute: OAuth clients expect
 * RFC 6749 errors (`oauthErrors`), not problem+json.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const form = await readJsonBody(request, { acceptsForm: spec.acceptsForm, examinedOnly: spec.examinedOnly }).catch((error: unknown) => {
      // An over-long body is still 413 (as on every other route), in the RFC 6749 error shape.
      throw new OAuthError(
        "invalid_request",
        error instanceof Error ? error.message : "The body could not be read",
        error instanceof AppError ? error.status : 400,
      );
    });
    const fields = typeof form === "object" && form !== null ? (form as Record<string, unknown>) : {};
    if (isWorkloadTokenRequest(fields)) {
      const issued = await exchangeWorkloadToken({ form: fields, issuer: tokenIssuer(request), clientAddress: clientAddress(request), clock: systemClock });
      return Response.json(issued, { headers: NO_STORE });
    }
    const token = await exchangeGrantToken({
      form,
      authorizationPresent: bearerToken(request) !== null,
      authenticate: (actorToken) => authenticate(request, systemClock, actorToken ?? bearerToken(request)),
      issuer: tokenIssuer(request),
      clock: systemClock,
    });
    return Response.json(token, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof OAuthError)
      return Response.json({ error: error.error, error_description: error.description }, { status: error.status, headers: { ...NO_STORE, ...error.headers } });
    const reference = crypto.randomUUID();
    console.error(`[baton] token exchange failed (reference ${reference})`, error);
    return Response.json({ error: "server_error", error_description: `Something went wrong. Reference ${reference}.` }, { status: 500, headers: NO_STORE });
  }
}
