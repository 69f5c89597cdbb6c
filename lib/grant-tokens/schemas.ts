import { z } from "zod";
import { audienceSchema } from "@/lib/resource-servers/schemas";
import { MAX_GRANT_TOKEN_LENGTH } from "./grant-token-format";

export const issueTokenBody = z
  .strictObject({ audience: audienceSchema.meta({ description: "The resource server the token is for; the token carries only the grant's scopes that this resource server enforces" }) })
  .meta({ id: "IssueGrantToken" });

export const issuedTokenSchema = z
  .object({
    access_token: z.string().meta({ description: "An RFC 9068 JWT (typ at+jwt, EdDSA) for the resource server named in `audience`" }),
    token_type: z.literal("Bearer"),
    expires_in: z.number().int().meta({ description: "Seconds until it expires: at most 300, and never after the grant" }),
    scope: z.string().meta({ description: "The scopes in the token, space-separated" }),
  })
  .meta({ id: "IssuedGrantToken" });

export const introspectBody = z
  .strictObject({
    token: z.string().min(1).max(MAX_GRANT_TOKEN_LENGTH),
    token_type_hint: z.string().max(64).optional().meta({ description: "Accepted as RFC 7662 allows; Baton introspects only its grant tokens" }),
  })
  .meta({ id: "IntrospectionRequest" });

const activeIntrospection = z.object({
  active: z.literal(true),
  scope: z.string(),
  exp: z.number().int(),
  iat: z.number().int(),
  sub: z.string().meta({ description: "The agent id" }),
  aud: z.string(),
  act: z.object({ sub: z.string() }).optional().meta({ description: "The person the agent acts for (RFC 8693)" }),
  grant_id: z.string(),
  client_id: z.string(),
  iss: z.string(),
  jti: z.string(),
  token_type: z.literal("Bearer"),
});

export const introspectionSchema = z
  .union([activeIntrospection, z.strictObject({ active: z.literal(false) })])
  .meta({ id: "Introspection", description: "RFC 7662: the claims of a live token, or only {\"active\": false} for anything else" });

export type IssuedTokenDto = z.infer<typeof issuedTokenSchema>;
export type IntrospectionDto = z.infer<typeof introspectionSchema>;
