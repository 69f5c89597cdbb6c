// fast-check arbitraries for bad input to any route of the route table, derived from its zod schemas
// (through their JSON Schema), so a route added later is fuzzed without anyone writing a generator.
import fc from "fast-check";
import { z } from "zod";
import type { RouteSpec } from "@/lib/api/route-table";

type JsonSchema = {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
};

const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "null",
  "undefined",
  "0",
  "-1",
  "1e309",
  "NaN",
  "true",
  "[]",
  "{}",
  "\r\nX-Injected: 1",
  "\u001b[31mred\u001b[0m",
  "\u202eevil\u202c",
  "a\u200bb",
  "\ud800",
  "\udfff\ud800",
  "💥🧨",
  "ｆｕｌｌｗｉｄｔｈ",
  "Ａdmin",
  "../../../etc/passwd",
  "%2e%2e%2f",
  "%00",
  "' OR '1'='1",
  '"; DROP TABLE "Grant"; --',
  "<script>alert(1)</script>",
  "${jndi:ldap://x}",
  "{{7*7}}",
  "__proto__",
  "constructor",
  "agt_",
  "grt_00000000000000000000000000",
  "req_0000000000000000000000000z",
  "baton_abcdefgh_",
];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 257, max: 70_000 }).map((length) => "x".repeat(length)) },
);

/** n levels of arrays or objects around a value. */
export const nested = (depth: number, object = false): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = object ? { a: value } : [value];
  return value;
};

export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, -0, 1e308, -1e308, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 5 }) },
  // Long and deep, but not the 10k bombs (tested on their own): fast-check must still be able to print a counterexample.
  { weight: 1, arbitrary: fc.integer({ min: 300, max: 2_000 }).map((length) => Array(length).fill("x")) },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 200 }).chain((depth) => fc.boolean().map((object) => nested(depth, object))) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(nastyString, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }) },
);

/** Values that satisfy the schema as far as its JSON Schema says (patterns, ranges, enums): the base the mutations start from. */
function validish(schema: JsonSchema, root: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return validish(root.$defs?.[schema.$ref.replace("#/$defs/", "")] ?? {}, root, depth);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map((branch) => validish(branch, root, depth)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, validish(value, root, depth + 1)]));
      return fc.record(properties, { requiredKeys: schema.required ?? [] });
    }
    case "array":
      return fc.array(validish(schema.items ?? {}, root, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case "integer":
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 });
    case "number":
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "string": {
      if (schema.format === "email") return fc.emailAddress();
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((value) => value.length <= (schema.maxLength ?? Infinity));
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** The top-level field names of a route's body (of every branch, for a union). */
export function bodyFields(route: RouteSpec): string[] {
  const root = z.toJSONSchema(route.body!, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const resolve = (schema: JsonSchema): JsonSchema => (schema.$ref ? resolve(root.$defs?.[schema.$ref.replace("#/$defs/", "")] ?? {}) : schema);
  const top = resolve(root);
  return [...new Set([top, ...(top.anyOf ?? top.oneOf ?? [])].flatMap((schema) => Object.keys(resolve(schema).properties ?? {})))];
}

export function validishBody(route: RouteSpec): fc.Arbitrary<unknown> {
  const schema = z.toJSONSchema(route.body!, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return validish(schema, schema);
}

export function validishQuery(route: RouteSpec): fc.Arbitrary<[string, string][]> {
  if (!route.query) return fc.constant([]);
  const schema = z.toJSONSchema(route.query, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return validish(schema, schema).map((value) => Object.entries(value as Record<string, unknown>).map(([key, v]) => [key, String(v)] as [string, string]));
}

export type BodyCase =
  | { kind: "json"; value: unknown; mustReject: boolean; why: string }
  | { kind: "raw"; bytes: Uint8Array; contentType: string | null; mustReject: boolean; why: string }
  | { kind: "none"; mustReject: false; why: string };

const encoder = new TextEncoder();
const raw = (text: string | Uint8Array, contentType: string | null, mustReject: boolean, why: string): BodyCase => ({
  kind: "raw",
  bytes: typeof text === "string" ? encoder.encode(text) : text,
  contentType,
  mustReject,
  why,
});

/**
 * Bodies for a route: the near-valid base with a field replaced, dropped or added, or something else
 * entirely — arbitrary JSON, broken JSON, bytes that are not UTF-8, the wrong content type. Cases that
 * no correct server may accept are marked `mustReject`; an unknown field is one of them unless the
 * route's protocol requires ignoring it (`ignoresUnknownFields`).
 */
export function bodyCases(route: RouteSpec, options: { ignoresUnknownFields?: boolean } = {}): fc.Arbitrary<BodyCase> {
  if (!route.body)
    return fc.oneof(
      fc.constant<BodyCase>({ kind: "none", mustReject: false, why: "no body" }),
      nastyValue.map<BodyCase>((value) => ({ kind: "json", value, mustReject: false, why: "a body the route does not read" })),
    );
  const base = validishBody(route);
  const asObject = (value: unknown) => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
  const replaced = fc.tuple(base, fc.nat(), nastyValue).map<BodyCase>(([value, pick, bad]) => {
    const object = { ...asObject(value) };
    const keys = Object.keys(object);
    if (keys.length === 0) return { kind: "json", value: bad, mustReject: false, why: "whole body replaced" };
    const key = keys[pick % keys.length]!;
    return { kind: "json", value: { ...object, [key]: bad }, mustReject: false, why: `${key} replaced` };
  });
  const dropped = fc.tuple(base, fc.nat()).map<BodyCase>(([value, pick]) => {
    const object = { ...asObject(value) };
    const keys = Object.keys(object);
    if (keys.length) delete object[keys[pick % keys.length]!];
    return { kind: "json", value: object, mustReject: false, why: "a field dropped" };
  });
  const extra = fc
    .tuple(base, fc.constantFrom("status", "expiresAt", "id", "role", "__proto__", "admin", "grant", "approved"), nastyValue)
    .map<BodyCase>(([value, key, bad]) => {
      const object = { ...asObject(value) };
      Object.defineProperty(object, key, { value: bad, enumerable: true, configurable: true, writable: true });
      return options.ignoresUnknownFields
        ? { kind: "json", value: object, mustReject: false, why: `unknown field ${key} (ignored, as the route's protocol requires)` }
        : { kind: "json", value: object, mustReject: true, why: `unknown field ${key}` };
    });
  const brokenJson = fc
    .constantFrom("{", "[", "{'a':1}", '{"a":1,}', "[1,]", "nul", "{}}", '{"a":"\\u12"}', "\u0000", "  ", "NaN", '{"__proto__":', "1e999999")
    .map((text) => raw(text, "application/json", text.trim() !== "", "broken JSON"));
  const notUtf8 = fc
    .uint8Array({ minLength: 1, maxLength: 64 })
    .map((bytes) => raw(new Uint8Array([0x7b, 0xff, 0xfe, ...bytes, 0x7d]), "application/json", true, "bytes that are not UTF-8"));
  const wrongType = fc
    .tuple(base, fc.constantFrom("text/plain", "multipart/form-data; boundary=x", "application/xml", "application/jsonx", "json", "", null))
    .map(([value, contentType]) => raw(JSON.stringify(value) ?? "null", contentType, true, `content type ${contentType}`));
  const anyJson = nastyValue.map<BodyCase>((value) => ({ kind: "json", value, mustReject: false, why: "arbitrary JSON" }));
  return fc.oneof(
    { weight: 5, arbitrary: replaced },
    { weight: 1, arbitrary: dropped },
    { weight: 2, arbitrary: extra },
    { weight: 2, arbitrary: anyJson },
    { weight: 1, arbitrary: brokenJson },
    { weight: 1, arbitrary: notUtf8 },
    { weight: 1, arbitrary: wrongType },
  );
}

/** A JSON text with one key written twice in one of its objects, and the path the refusal must name. */
export interface RepeatedKeyBody {
  text: string;
  path: string[];
}

/** `"key"` with every UTF-16 unit \u-escaped: the same key once parsed, other bytes on the wire. */
const escapedKey = (key: string) =>
  `"${Array.from({ length: key.length }, (_, index) => `\\u${key.charCodeAt(index).toString(16).padStart(4, "0")}`).join("")}"`;

/**
 * Serialises `value` with a key of one of its objects (the `pick`-th, depth first; the body itself when it
 * holds none) written a second time, last, with `second` as its value — sometimes spelled with escapes.
 */
function repeatKey(value: unknown, pick: number, second: unknown, escaped: boolean): RepeatedKeyBody {
  const objects: { node: Record<string, unknown>; path: string[] }[] = [];
  const pending: { node: unknown; path: string[] }[] = [{ node: value, path: [] }];
  while (pending.length) {
    const { node, path } = pending.pop()!;
    if (Array.isArray(node)) node.forEach((child, index) => pending.push({ node: child, path: [...path, String(index)] }));
    else if (node && typeof node === "object") {
      objects.push({ node: node as Record<string, unknown>, path });
      for (const [key, child] of Object.entries(node)) pending.push({ node: child, path: [...path, key] });
    }
  }
  const target = objects.length ? objects[pick % objects.length]! : { node: { body: value } as Record<string, unknown>, path: [] };
  const keys = Object.keys(target.node);
  const key = keys.length ? keys[pick % keys.length]! : "repeated";
  if (!keys.length) target.node[key] = null;
  const write = (node: unknown): string => {
    if (Array.isArray(node)) return `[${node.map(write).join(",")}]`;
    if (!node || typeof node !== "object") return JSON.stringify(node) ?? "null";
    const members = Object.entries(node).map(([name, child]) => `${JSON.stringify(name)}:${write(child)}`);
    if (node === target.node) members.push(`${escaped ? escapedKey(key) : JSON.stringify(key)}:${JSON.stringify(second)}`);
    return `{${members.join(",")}}`;
  };
  return { text: write(objects.length ? value : target.node), path: [...target.path, key] };
}

/** A near-valid body of the route (see validishBody) with a key repeated at some depth. */
export function repeatedKeyBody(route: RouteSpec): fc.Arbitrary<RepeatedKeyBody> {
  return fc
    .tuple(validishBody(route), fc.nat(), fc.jsonValue({ maxDepth: 1 }), fc.boolean())
    .map(([value, pick, second, escaped]) => repeatKey(structuredClone(value), pick, second, escaped));
}
