export const SERVER_KINDS = ["bare-node", "pdp-warm-cache", "pdp-cache-off", "fastify-jose-casbin"] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];
