export const dynamic = "force-dynamic";

/**
 * Named in the authorization-server metadata because OAuth clients (the MCP SDK among them) expect an
 * authorization endpoint, but Baton has no interactive flow: agents get tokens at the token endpoint,
 * with a workload identity token. Every request is answered with that, as an RFC 6749 error.
 */
export function GET() {
  return Response.json(
    {
      error: "unsupported_response_type",
      error_description: "Baton issues agent tokens only at /api/v1/token: exchange a workload identity token (RFC 7523 or RFC 8693)",
    },
    { status: 400, headers: { "Cache-Control": "no-store" } },
  );
}
