/** How a key is named on screen: its public prefix, never any of the secret. */
export const agentKeyLabel = (prefix: string) => `baton_${prefix}_…`;
