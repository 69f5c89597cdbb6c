import { ulid } from "ulid";

export const ID_PREFIXES = {
  user: "usr",
  group: "grp",
  account: "acc",
  resourceServer: "rsv",
  personalToken: "pat",
  oneTimeToken: "ott",
  agent: "agt",
  agentKey: "key",
  scope: "scp",
  request: "req",
  approval: "apv",
  grant: "grt",
  incident: "inc",
  incidentIntegration: "itg",
  event: "evt",
  webhookEndpoint: "whe",
  webhookDelivery: "msg",
  policySetVersion: "pol",
  policyProposal: "ppr",
  schedule: "sch",
  workloadIssuer: "wli",
  federatedIdentity: "fid",
  credentialProvider: "cpr",
  issuedCredential: "crd",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

/** A prefixed, time-ordered id such as `req_01jd3…`: the prefix tells a reader what it names. */
export function newId(kind: IdKind): string {
  return `${ID_PREFIXES[kind]}_${ulid().toLowerCase()}`;
}
