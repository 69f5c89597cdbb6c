import { describe, expect, it } from "vitest";
import { canonicalJson, GENESIS_HASH, hashEvent, type HashableEvent } from "@/lib/audit/hash-event";

const event: HashableEvent = {
  seq: 7n,
  id: "evt_1",
  at: new Date("2026-11-24T12:00:00.000Z"),
  actorKind: "USER",
  actorId: "usr_1",
  action: "request.approved",
  subjectKind: "request",
  subjectId: "req_1",
  data: { scopes: ["a", "b"], nested: { z: 1, a: [true, null] } },
};

describe("audit hashing", () => {
  it("serialises objects with sorted keys at every depth", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: "é" } })).toBe('{"a":{"c":"é","d":[1,{"x":1,"y":2}]},"b":1}');
  });

  it("gives the same hash whatever the key order of the data", () => {
    const reordered = { ...event, data: { nested: { a: [true, null], z: 1 }, scopes: ["a", "b"] } };
    expect(hashEvent(GENESIS_HASH, reordered)).toBe(hashEvent(GENESIS_HASH, event));
  });

  it.each([
    ["seq", { seq: 8n }],
    ["id", { id: "evt_2" }],
    ["at", { at: new Date("2026-11-24T12:00:00.001Z") }],
    ["actorKind", { actorKind: "AGENT" }],
    ["actorId", { actorId: null }],
    ["action", { action: "request.denied" }],
    ["subjectKind", { subjectKind: "grant" }],
    ["subjectId", { subjectId: "req_2" }],
    ["data", { data: { scopes: ["a"] } }],
  ])("changes when %s changes", (_field, change) => {
    expect(hashEvent(GENESIS_HASH, { ...event, ...change } as HashableEvent)).not.toBe(hashEvent(GENESIS_HASH, event));
  });

  it("chains on the previous hash", () => {
    expect(hashEvent("a".repeat(64), event)).not.toBe(hashEvent(GENESIS_HASH, event));
  });
});
