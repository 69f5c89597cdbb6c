import { formatDuration } from "@/lib/kernel/duration";

/** Something an audit event mentions, by the name a person knows it by, linked to its page where it has one. */
export interface NamedRef {
  id: string | null;
  label: string;
  href: string | null;
}

/** One "name: value" line of an event's details; the value's parts are text or links. */
export interface DetailLine {
  name: string;
  parts: NamedRef[];
}

export interface EventRefs {
  actorKind: string;
  actorId: string | null;
  subjectKind: string;
  subjectId: string;
  agentId: string | null;
  data: unknown;
}

/** Ids Baton issues for things people know by name; any other string in an event stays as written. */
const NAMEABLE_ID = /^(usr|agt|inc|grt|req|grp|scp|whe|sch)_[0-9a-z]{26}$/;

export const isNameableId = (value: unknown): value is string => typeof value === "string" && NAMEABLE_ID.test(value);

/** Every nameable id a page of events mentions: actors, subjects, agents and ids inside the data (one level of arrays deep). */
export function mentionedIds(events: readonly EventRefs[]): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown) => {
    if (isNameableId(value)) ids.add(value);
    else if (Array.isArray(value)) value.forEach(visit);
  };
  for (const event of events) {
    [event.actorId, event.subjectId, event.agentId].forEach(visit);
    if (event.data && typeof event.data === "object" && !Array.isArray(event.data)) Object.values(event.data).forEach(visit);
  }
  return [...ids];
}

const plain = (label: string): NamedRef => ({ id: null, label, href: null });
const named = (id: string, names: ReadonlyMap<string, NamedRef>): NamedRef => names.get(id) ?? { id, label: id, href: null };

/** Who acted: a person's or agent's name; the system or an integration by its kind. */
export function actorRef(event: EventRefs, names: ReadonlyMap<string, NamedRef>): NamedRef {
  if (event.actorId && (event.actorKind === "USER" || event.actorKind === "AGENT")) return named(event.actorId, names);
  return plain(event.actorId ? `${event.actorKind.toLowerCase()} ${event.actorId}` : event.actorKind.toLowerCase());
}

/** What the event is about, as "grant to deploy-bot" or "incident Checkout down"; kinds Baton cannot name keep their id. */
export function subjectRef(event: EventRefs, names: ReadonlyMap<string, NamedRef>): NamedRef {
  const ref = names.get(event.subjectId);
  const kind = event.subjectKind.replaceAll("_", " ");
  return ref ? { ...ref, label: `${kind} ${ref.label}` } : plain(`${kind} ${event.subjectId}`);
}

/** `durationSeconds` → "duration", `approverIds` → "approvers": field names read as words. */
function fieldName(key: string): string {
  const words = key
    .replace(/Seconds$/, "")
    .replace(/Ids$/, "s")
    .replace(/Id$/, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase();
  return words || key;
}

function valueParts(key: string, value: unknown, names: ReadonlyMap<string, NamedRef>): NamedRef[] {
  if (Array.isArray(value)) return value.flatMap((item) => valueParts(key, item, names));
  if (isNameableId(value)) return [named(value, names)];
  if (typeof value === "number" && key.endsWith("Seconds")) return [plain(formatDuration(value))];
  if (value !== null && typeof value === "object") return [plain(JSON.stringify(value))];
  return [plain(String(value))];
}

/**
 * An event's data as short lines for people: ids replaced by linked names, seconds written as durations
 * ("30 min"), empty values left out. The raw JSON stays available beside it for auditors.
 */
export function describeEventData(data: unknown, names: ReadonlyMap<string, NamedRef>): DetailLine[] {
  if (data === null || data === undefined) return [];
  if (typeof data !== "object" || Array.isArray(data)) return [{ name: "data", parts: [plain(JSON.stringify(data))] }];
  return Object.entries(data)
    .filter(([, value]) => value !== null && value !== "" && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => ({ name: fieldName(key), parts: valueParts(key, value, names) }));
}
