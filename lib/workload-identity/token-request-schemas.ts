import { z } from "zod";
import { idOf } from "@/lib/kernel/common-schemas";
import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT_TYPE } from "@/lib/grant-tokens/token-exchange-format";
import { JWT_BEARER_GRANT_TYPE, MAX_WORKLOAD_TOKEN_LENGTH, WORKLOAD_SUBJECT_TOKEN_TYPES } from "./workload-token-format";

const workloadToken = z
  .string()
  .min(1)
  .meta({ description: `The platform-signed workload JWT (at most ${MAX_WORKLOAD_TOKEN_LENGTH} characters)` });
const common = {
  resource: z.string().min(1).max(500).optional().meta({
    description: "RFC 8707: the resource the token is for — Baton's URL (the agent API, the default) or <Baton URL>/api/mcp (the MCP server)",
  }),
  audience: z.string().min(1).max(500).optional().meta({ description: "Accepted as a synonym of resource" }),
  client_id: idOf("agt").optional().meta({ description: "The agent, when the workload identity is bound to several" }),
  scope: z.string().max(200).optional().meta({ description: "baton:agent (the only scope), or absent" }),
};

/** RFC 8693 with a workload JWT as subject token. */
export const workloadTokenExchangeBody = z
  .object({
    grant_type: z.literal(TOKEN_EXCHANGE_GRANT_TYPE),
    subject_token: workloadToken,
    subject_token_type: z.enum(WORKLOAD_SUBJECT_TOKEN_TYPES),
    requested_token_type: z.literal(ACCESS_TOKEN_TYPE).optional(),
    ...common,
  })
  .meta({ id: "WorkloadTokenExchangeRequest", description: "RFC 8693: exchange a workload identity token for an agent access token" });

/** RFC 7523 with the workload JWT as assertion. */
export const jwtBearerGrantBody = z
  .object({ grant_type: z.literal(JWT_BEARER_GRANT_TYPE), assertion: workloadToken, ...common })
  .meta({ id: "JwtBearerGrantRequest", description: "RFC 7523: a workload identity token as authorization grant, for an agent access token" });

export const agentAccessTokenSchema = z
  .object({
    access_token: z.string().meta({ description: "An RFC 9068 JWT for the agent API or the MCP server; use it as Bearer wherever an agent key works" }),
    issued_token_type: z.literal(ACCESS_TOKEN_TYPE),
    token_type: z.literal("Bearer"),
    expires_in: z.number().int().meta({ description: "Seconds until it expires: at most 900" }),
    scope: z.string(),
  })
  .meta({ id: "AgentAccessToken" });

export type AgentAccessTokenDto = z.infer<typeof agentAccessTokenSchema>;
