import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findDuplicateKey } from "@/lib/http/find-duplicate-key";
import { parseFormText, parseJsonText } from "@/lib/http/read-json-body";
import { AppError } from "@/lib/kernel/errors";

/** A key spelled with every character \u-escaped: the same key to JSON.parse, different bytes. */
const escaped = (key: string) => `"${Array.from({ length: key.length }, (_, index) => `\\u${key.charCodeAt(index).toString(16).padStart(4, "0")}`).join("")}"`;

type Step = { kind: "key"; key: string; siblings: Record<string, unknown> } | { kind: "index"; before: unknown[] };

/** A JSON text with `key` twice in the object reached by `steps`, with random neighbours and whitespace around. */
function withDuplicate(steps: Step[], key: string, others: Record<string, unknown>, spelledEscaped: boolean, space: string): string {
  const members = Object.entries(others)
    .filter(([name]) => name !== key)
    .map(([name, value]) => `${JSON.stringify(name)}:${space}${JSON.stringify(value)}`);
  let text = `{${space}${[`${JSON.stringify(key)}:1`, ...members, `${spelledEscaped ? escaped(key) : JSON.stringify(key)}${space}:${space}2`].join(`,${space}`)}${space}}`;
  for (const step of [...steps].reverse()) {
    if (step.kind === "index") text = `[${[...step.before.map((value) => JSON.stringify(value)), text].join(`,${space}`)}]`;
    else {
      const siblings = Object.entries(step.siblings)
        .filter(([name]) => name !== step.key)
        .map(([name, value]) => `${JSON.stringify(name)}:${JSON.stringify(value)}`);
      text = `{${[...siblings, `${JSON.stringify(step.key)}:${space}${text}`].join(",")}}`;
    }
  }
  return text;
}

const anyKey = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("__proto__", "constructor", "", 'a"b', "a\\\\b", "\u0000", "💥", "{", "[", ":", ","));
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("key" as const), key: anyKey, siblings: fc.dictionary(anyKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }) }),
  fc.record({ kind: fc.constant("index" as const), before: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }) }),
);
const pathOf = (steps: Step[]) => steps.map((s) => (s.kind === "key" ? s.key : String(s.before.length)));

describe("findDuplicateKey", () => {
  it("finds a key repeated at any depth, however it is spelled, and names the path to it", () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 6 }),
        anyKey,
        fc.dictionary(anyKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
        fc.boolean(),
        fc.constantFrom("", " ", "\n\t", "\r\n  "),
        (steps, key, others, spelledEscaped, space) => {
          const text = withDuplicate(steps, key, others, spelledEscaped, space);
          expect(() => JSON.parse(text)).not.toThrow();
          expect(findDuplicateKey(text)).toEqual({ key, path: [...pathOf(steps), key] });
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("finds nothing in JSON without a repeated key, whatever it holds", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, "\t"), (value, indent) => {
        expect(findDuplicateKey(JSON.stringify(value, null, indent))).toBeNull();
      }),
      { numRuns: 2_000 },
    );
  });

  it.each([
    ['{"a":1,"a":2}', ["a"]],
    ['{"a":{"b":[1,{"c":1,"c":2}]}}', ["a", "b", "1", "c"]],
    ['[{"x":1},{"x":1,"y":{},"x":3}]', ["1", "x"]],
    ['{"a":"\\"a\\":","a":1}', ["a"]],
    ['{"\\u0061":1,"a":2}', ["a"]],
    ['{"__proto__":1,"__proto__":2}', ["__proto__"]],
  ])("%s → %j", (text, path) => {
    expect(findDuplicateKey(text)?.path).toEqual(path);
  });

  it("tells apart the same name in sibling objects, and keys from string values", () => {
    expect(findDuplicateKey('{"a":{"k":1},"b":{"k":1},"c":"a","d":["a","a"]}')).toBeNull();
  });

  it("handles nesting deeper than any recursion would", () => {
    const depth = 20_000;
    expect(findDuplicateKey(`${'{"a":'.repeat(depth)}{"z":1,"z":2}${"}".repeat(depth)}`)?.path).toHaveLength(depth + 1);
  });
});

describe("parseJsonText and parseFormText", () => {
  const refusal = (parse: () => unknown) => {
    try {
      parse();
    } catch (error) {
      return error as AppError;
    }
    throw new Error("accepted");
  };

  it("refuse a repeated JSON key with a 400 naming it", () => {
    const error = refusal(() => parseJsonText(Buffer.from('{"scopes":["a"],"grant":{"scope":"x","scope":"y"}}')));
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(400);
    expect(error.details.errors).toEqual([{ field: "grant.scope", message: 'the key "scope" appears more than once in the same object' }]);
  });

  it("cut a long repeated key in the message", () => {
    const key = "k".repeat(10_000);
    const error = refusal(() => parseJsonText(Buffer.from(`{"${key}":1,"${key}":2}`)));
    expect(error.message.length).toBeLessThan(300);
  });

  it("refuse a form field sent twice, naming it", () => {
    const error = refusal(() => parseFormText(Buffer.from("grant_type=a&subject_token=x&grant_type=b")));
    expect(error.status).toBe(400);
    expect(error.details.errors?.[0]?.field).toBe("grant_type");
    expect(parseFormText(Buffer.from("a=1&b=2"))).toEqual({ a: "1", b: "2" });
  });
});
