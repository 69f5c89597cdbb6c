import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface HashableEvent {
  seq: bigint;
  id: string;
  at: Date;
  actorKind: string;
  actorId: string | null;
  action: string;
  subjectKind: string;
  subjectId: string;
  agentId?: string | null;
  data: JsonValue;
}

/** JSON with object keys sorted at every depth, so the same value always serialises the same way (JSONB reorders keys). */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key]!)}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

/** h = SHA-256(prevHash ‖ canonical(event)): editing, deleting or reordering any event breaks every later link. */
export function hashEvent(prevHash: string, event: HashableEvent): string {
  const fields: JsonValue[] = [
    event.seq.toString(),
    event.id,
    event.at.toISOString(),
    event.actorKind,
    event.actorId,
    event.action,
    event.subjectKind,
    event.subjectId,
    event.data,
  ];
  // Appended only when set, so events written before the column existed keep their hashes.
  if (event.agentId) fields.push(event.agentId);
  const canonical = canonicalJson(fields);
  return createHash("sha256").update(prevHash).update("\n").update(canonical).digest("hex");
}
