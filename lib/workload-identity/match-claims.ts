/** `*` matches any run of characters (also none); everything else matches itself. */
export function globMatches(pattern: string, value: string): boolean {
  if (!pattern.includes("*")) return pattern === value;
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("[\\s\\S]*");
  return new RegExp(`^${source}$`).test(value);
}

/** A claim as text, if it is a string, number or boolean; objects and arrays never match a pattern. */
function claimText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

/** Whether a verified token's claims satisfy a federated identity: its subject (if set) and every claim pattern. */
export function identityMatches(identity: { subject: string | null; claims: Record<string, string> }, claims: Record<string, unknown>): boolean {
  if (identity.subject !== null) {
    const sub = claimText(claims.sub);
    if (sub === null || !globMatches(identity.subject, sub)) return false;
  }
  return Object.entries(identity.claims).every(([name, pattern]) => {
    const value = Object.hasOwn(claims, name) ? claimText(claims[name]) : null;
    return value !== null && globMatches(pattern, value);
  });
}
