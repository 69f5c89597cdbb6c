import { AppError } from "@/lib/kernel/errors";
import { constraintsSchema, MAX_CONSTRAINTS, type Constraint, type Constraints } from "@/lib/kernel/authorization-details";
import { locationCoversResource } from "./covers-call";

const asResource = (location: string) => {
  const colon = location.indexOf(":");
  return { type: location.slice(0, colon), id: location.slice(colon + 1) };
};

/** `tenant:*` covers `tenant:acme` and itself; `tenant:acme` covers only itself. */
export const locationCoversLocation = (outer: string, inner: string): boolean => outer === inner || locationCoversResource(outer, asResource(inner));

/** An absent list allows anything; a present one allows only what it names. */
const listCovers = (outer: readonly string[] | undefined, inner: readonly string[] | undefined, covers: (o: string, i: string) => boolean) =>
  outer === undefined || (inner !== undefined && inner.every((value) => outer.some((allowed) => covers(allowed, value))));

/** Every call `inner` covers, `outer` covers too. */
export function entryCoversEntry(outer: Constraint, inner: Constraint): boolean {
  const same = (o: string, i: string) => o === i;
  return (
    listCovers(outer.scopes, inner.scopes, same) &&
    listCovers(outer.locations, inner.locations, locationCoversLocation) &&
    listCovers(outer.actions, inner.actions, same)
  );
}

/**
 * The entries of `narrowed` that are not at least as restrictive as `requested` (an entry is, when one
 * requested entry covers it). Unconstrained (null) covers everything, so adding constraints to an
 * unconstrained request is narrowing, and dropping them is not.
 */
export function widenedEntries(requested: Constraints | null, narrowed: Constraints | null): number[] {
  if (narrowed === null) return requested === null ? [] : [-1];
  if (requested === null) return [];
  return narrowed.flatMap((entry, index) => (requested.some((outer) => entryCoversEntry(outer, entry)) ? [] : [index]));
}

/** 400 naming the entry when an approver's narrowing would widen what was requested. */
export function checkNarrowing(requested: Constraints | null, narrowed: Constraints, field = "authorizationDetails"): void {
  const widened = widenedEntries(requested, narrowed);
  if (widened.length)
    throw new AppError("BAD_REQUEST", "Constraints can only be narrowed: each entry must fall within one of the requested entries", {
      errors: widened.map((index) => ({ field: `${field}.${index}`, message: "is not within any requested entry" })),
    });
}

/** 400 naming the entry whose `scopes` names a scope that is not among `scopes`. */
export function checkConstraintScopes(constraints: Constraints | null | undefined, scopes: readonly string[], field = "authorizationDetails"): void {
  const errors = (constraints ?? []).flatMap((entry, index) => {
    const stray = (entry.scopes ?? []).filter((scope) => !scopes.includes(scope));
    return stray.length ? [{ field: `${field}.${index}.scopes`, message: `names ${stray.join(", ")}, which the request does not ask for` }] : [];
  });
  if (errors.length) throw new AppError("BAD_REQUEST", "A constraint applies to a scope that is not requested", { errors });
}

function intersectLists(a: string[] | undefined, b: string[] | undefined, covers: (o: string, i: string) => boolean): string[] | undefined | null {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const both = [...new Set([...a.filter((value) => b.some((o) => covers(o, value))), ...b.filter((value) => a.some((o) => covers(o, value)))])];
  // The pairs where one side has `tenant:*` and the other `tenant:acme` leave the narrower one; drop what another value already covers.
  const kept = both.filter((value) => !both.some((other) => other !== value && covers(other, value)));
  return kept.length ? kept : null;
}

/** The calls both entries cover, as one entry; null when there are none. */
export function intersectEntries(a: Constraint, b: Constraint): Constraint | null {
  const same = (o: string, i: string) => o === i;
  const scopes = intersectLists(a.scopes, b.scopes, same);
  const locations = intersectLists(a.locations, b.locations, locationCoversLocation);
  const actions = intersectLists(a.actions, b.actions, same);
  if (scopes === null || locations === null || actions === null) return null;
  return { type: a.type, ...(locations && { locations }), ...(actions && { actions }), ...(scopes && { scopes }) };
}

/** The calls both lists cover: null (unconstrained) is the identity; an empty list covers nothing. */
export function intersectConstraints(a: Constraints | null, b: Constraints | null): Constraints | null {
  if (a === null) return b;
  if (b === null) return a;
  const pairs = a.flatMap((left) => b.map((right) => intersectEntries(left, right))).filter((entry): entry is Constraint => entry !== null);
  // An entry another one covers adds nothing; of equal entries, the first stays.
  return pairs.filter(
    (entry, index) => !pairs.some((other, j) => j !== index && entryCoversEntry(other, entry) && (j < index || !entryCoversEntry(entry, other))),
  );
}

/**
 * The constraints a grant gets: the requested ones, narrowed by every counted approval that narrowed
 * them — each approval restricts, as scope narrowing does. 400 when together they leave no call, or
 * more entries than a grant may carry.
 */
export function combineNarrowing(requested: Constraints | null, narrowings: readonly (Constraints | null)[]): Constraints | null {
  const combined = narrowings.reduce<Constraints | null>((acc, narrowing) => intersectConstraints(acc, narrowing), requested);
  if (combined !== null && combined.length === 0)
    throw new AppError("BAD_REQUEST", "The approvals' constraints together leave no call to allow", {
      errors: [{ field: "authorizationDetails", message: "leaves nothing in common with earlier approvals" }],
    });
  if (combined !== null && !constraintsSchema.safeParse(combined).success)
    throw new AppError("BAD_REQUEST", `The approvals' constraints together exceed what a grant may carry (${MAX_CONSTRAINTS} entries); narrow to fewer`, {
      errors: [{ field: "authorizationDetails", message: "combines with earlier approvals into more than a grant may carry" }],
    });
  return combined;
}
