import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callResourceSchema } from "@/lib/constraints/schemas";
import { actionOfScope, coversCall, type ConstrainedCall } from "@/lib/constraints/covers-call";
import {
  checkConstraintScopes,
  checkNarrowing,
  combineNarrowing,
  entryCoversEntry,
  intersectConstraints,
  widenedEntries,
} from "@/lib/constraints/narrow-constraints";
import { storedConstraints } from "@/lib/constraints/stored-constraints";
import { constraintsSchema, type Constraint, type Constraints } from "@/lib/kernel/authorization-details";
import { AppError } from "@/lib/kernel/errors";

const entry = (fields: Omit<Constraint, "type"> = {}): Constraint => ({ type: "baton_constraint", ...fields });
const acme = { type: "tenant", id: "acme" };
const globex = { type: "tenant", id: "globex" };
const read = "crm.customers:read";
const write = "crm.customers:write";

function fieldsOf(run: () => void): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return (error.details.errors ?? []).map((e) => e.field);
    throw error;
  }
  return [];
}

describe("the constraint format", () => {
  it("accepts baton_constraint entries and refuses other types, unknown fields, bad locations and empty lists, naming the field", () => {
    expect(
      constraintsSchema.safeParse([entry({ locations: ["tenant:acme", "repo:org/name:main", "tenant:*"], actions: ["read"], scopes: [read] })]).success,
    ).toBe(true);
    const path = (value: unknown) => constraintsSchema.safeParse(value).error?.issues.map((issue) => issue.path.join("."));
    expect(path([{ type: "payment_initiation" }])).toEqual(["0.type"]);
    expect(path([entry(), { ...entry(), extra: 1 }])).toEqual(["1"]);
    expect(path([entry({ locations: ["acme"] })])).toEqual(["0.locations.0"]);
    expect(path([entry({ locations: ["tenant:ac*me"] })])).toEqual(["0.locations.0"]);
    expect(path([entry({ locations: ["tenant:a cme"] })])).toEqual(["0.locations.0"]);
    expect(path([entry({ actions: [] })])).toEqual(["0.actions"]);
    expect(path([entry({ actions: ["read", "read"] })])).toEqual(["0.actions"]);
    expect(path([])).toEqual([""]);
    expect(path(Array.from({ length: 21 }, () => entry()))).toEqual([""]);
    // However many entries and values, the list stays small enough for a grant token.
    const wide = Array.from({ length: 20 }, () => entry({ locations: Array.from({ length: 20 }, (_, i) => `tenant:${"x".repeat(100)}${i}`) }));
    expect(path(wide)).toEqual([""]);
  });

  it("bounds a call's resource: strict, sized, flat properties", () => {
    expect(callResourceSchema.safeParse({ type: "tenant", id: "acme", properties: { plan: "gold", seats: 3, trial: false } }).success).toBe(true);
    expect(callResourceSchema.safeParse({ type: "tenant", id: "acme", owner: "x" }).success).toBe(false);
    expect(callResourceSchema.safeParse({ type: "tenant", id: "*" }).success).toBe(false);
    expect(callResourceSchema.safeParse({ type: "Tenant", id: "acme" }).success).toBe(false);
    expect(callResourceSchema.safeParse({ type: "tenant", id: "x".repeat(129) }).success).toBe(false);
    expect(callResourceSchema.safeParse({ type: "tenant", id: "acme", properties: { nested: { a: 1 } } }).success).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`p${i}`, i]));
    expect(callResourceSchema.safeParse({ type: "tenant", id: "acme", properties: many }).success).toBe(false);
  });

  it("reads a stored value that is not of the format as covering nothing", () => {
    expect(storedConstraints(null)).toBeNull();
    expect(storedConstraints([entry({ locations: ["tenant:acme"] })])).toEqual([entry({ locations: ["tenant:acme"] })]);
    expect(storedConstraints([{ type: "other" }])).toEqual([]);
    expect(coversCall(storedConstraints({ locations: "tenant:acme" }), { scope: read, resource: acme })).toBe(false);
  });
});

describe("coversCall", () => {
  it("allows anything without constraints, and ignores the resource then", () => {
    expect(coversCall(null, { scope: read })).toBe(true);
    expect(coversCall(null, { scope: read, resource: globex })).toBe(true);
  });

  it("matches a location to a resource by type and id, and <type>:* to every id of that type", () => {
    const constraints = [entry({ locations: ["tenant:acme"] })];
    expect(coversCall(constraints, { scope: read, resource: acme })).toBe(true);
    expect(coversCall(constraints, { scope: read, resource: globex })).toBe(false);
    expect(coversCall(constraints, { scope: read, resource: { type: "org", id: "acme" } })).toBe(false);
    expect(coversCall(constraints, { scope: read })).toBe(false);
    const wildcard = [entry({ locations: ["tenant:*"] })];
    expect(coversCall(wildcard, { scope: read, resource: globex })).toBe(true);
    expect(coversCall(wildcard, { scope: read, resource: { type: "repo", id: "globex" } })).toBe(false);
    expect(coversCall([entry({ locations: ["repo:org/a:main"] })], { scope: read, resource: { type: "repo", id: "org/a:main" } })).toBe(true);
  });

  it("compares actions with context.action, else the scope key's last part", () => {
    const constraints = [entry({ actions: ["read"] })];
    expect(actionOfScope(read)).toBe("read");
    expect(actionOfScope("logs.read")).toBe("logs.read");
    expect(coversCall(constraints, { scope: read })).toBe(true);
    expect(coversCall(constraints, { scope: write })).toBe(false);
    expect(coversCall(constraints, { scope: write, action: "read" })).toBe(true);
    expect(coversCall(constraints, { scope: read, action: "delete" })).toBe(false);
  });

  it("applies an entry only to the scopes it names: a scope no entry applies to is outside", () => {
    const constraints = [entry({ scopes: [read], locations: ["tenant:acme"] }), entry({ scopes: [write], locations: ["tenant:*"], actions: ["write"] })];
    expect(coversCall(constraints, { scope: read, resource: acme })).toBe(true);
    expect(coversCall(constraints, { scope: read, resource: globex })).toBe(false);
    expect(coversCall(constraints, { scope: write, resource: globex })).toBe(true);
    expect(coversCall(constraints, { scope: "logs.read", resource: acme })).toBe(false);
  });
});

describe("narrowing", () => {
  it("accepts entries within a requested one, and adding constraints to an unconstrained request", () => {
    const requested = [entry({ locations: ["tenant:*"], actions: ["read", "write"] })];
    expect(widenedEntries(requested, [entry({ locations: ["tenant:acme"], actions: ["read"] })])).toEqual([]);
    expect(widenedEntries(requested, [entry({ locations: ["tenant:acme"], actions: ["read"], scopes: [read] })])).toEqual([]);
    expect(widenedEntries(null, [entry({ locations: ["tenant:acme"] })])).toEqual([]);
  });

  it("refuses widening, naming the entry: a wider location, a new action, dropping a limit, removing all constraints", () => {
    const requested = [entry({ locations: ["tenant:acme"], actions: ["read"] })];
    expect(
      fieldsOf(() =>
        checkNarrowing(requested, [entry({ locations: ["tenant:acme"], actions: ["read"] }), entry({ locations: ["tenant:*"], actions: ["read"] })]),
      ),
    ).toEqual(["authorizationDetails.1"]);
    expect(widenedEntries(requested, [entry({ locations: ["tenant:acme"], actions: ["read", "write"] })])).toEqual([0]);
    expect(widenedEntries(requested, [entry({ locations: ["tenant:acme"] })])).toEqual([0]);
    expect(widenedEntries(requested, null)).toEqual([-1]);
    expect(entryCoversEntry(entry({ scopes: [read] }), entry())).toBe(false);
  });

  it("refuses an entry that names a scope the request does not ask for", () => {
    expect(fieldsOf(() => checkConstraintScopes([entry(), entry({ scopes: [write] })], [read]))).toEqual(["authorizationDetails.1.scopes"]);
    expect(fieldsOf(() => checkConstraintScopes([entry({ scopes: [read] })], [read]))).toEqual([]);
  });

  it("combines several approvers' narrowing by intersection, as scopes are", () => {
    const requested = [entry({ locations: ["tenant:*"] })];
    const first = [entry({ locations: ["tenant:acme", "tenant:globex"] })];
    const second = [entry({ locations: ["tenant:acme", "tenant:initech"], actions: ["read"] })];
    expect(combineNarrowing(requested, [null, first, second])).toEqual([entry({ locations: ["tenant:acme"], actions: ["read"] })]);
    expect(combineNarrowing(null, [null])).toBeNull();
    expect(combineNarrowing(requested, [])).toEqual(requested);
    expect(fieldsOf(() => combineNarrowing(requested, [[entry({ locations: ["tenant:acme"] })], [entry({ locations: ["tenant:globex"] })]]))).toEqual([
      "authorizationDetails",
    ]);
  });

  it("keeps the narrower of a wildcard and an id, and drops entries another covers", () => {
    expect(
      intersectConstraints(
        [entry({ locations: ["tenant:*"] })],
        [entry({ locations: ["tenant:acme"] }), entry({ locations: ["tenant:acme"], actions: ["read"] })],
      ),
    ).toEqual([entry({ locations: ["tenant:acme"] })]);
  });
});

const scopes = ["crm.customers:read", "crm.customers:write", "logs.read"];
const types = ["tenant", "repo"];
const ids = ["acme", "globex", "initech"];
const locationArb = fc.tuple(fc.constantFrom(...types), fc.constantFrom(...ids, "*")).map(([type, id]) => `${type}:${id}`);
const subset = <T>(arb: fc.Arbitrary<T>) => fc.option(fc.uniqueArray(arb, { minLength: 1, maxLength: 3 }), { nil: undefined });
const entryArb: fc.Arbitrary<Constraint> = fc
  .record({ locations: subset(locationArb), actions: subset(fc.constantFrom("read", "write", "delete")), scopes: subset(fc.constantFrom(...scopes)) })
  .map((fields) => entry(Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined))));
const constraintsArb: fc.Arbitrary<Constraints | null> = fc.option(fc.array(entryArb, { minLength: 1, maxLength: 4 }), { nil: null });
const callArb: fc.Arbitrary<ConstrainedCall> = fc.record({
  scope: fc.constantFrom(...scopes),
  resource: fc.option(fc.record({ type: fc.constantFrom(...types, "org"), id: fc.constantFrom(...ids) }), { nil: undefined }),
  action: fc.option(fc.constantFrom("read", "write", "delete"), { nil: undefined }),
});

describe("properties", () => {
  it("a narrowing that passes the check never covers a call the request does not", () => {
    fc.assert(
      fc.property(constraintsArb, constraintsArb, fc.array(callArb, { minLength: 1, maxLength: 20 }), (requested, narrowed, calls) => {
        fc.pre(narrowed !== null && widenedEntries(requested, narrowed).length === 0);
        for (const call of calls) if (coversCall(narrowed, call)) expect(coversCall(requested, call)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("the intersection covers exactly the calls both cover", () => {
    fc.assert(
      fc.property(constraintsArb, constraintsArb, callArb, (a, b, call) => {
        expect(coversCall(intersectConstraints(a, b), call)).toBe(coversCall(a, call) && coversCall(b, call));
      }),
      { numRuns: 1000 },
    );
  });
});
