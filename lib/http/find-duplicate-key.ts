/** Where a repeated key was found: the path to it (`grant.scopes.0.name`), its last segment being the key. */
export interface DuplicateKey {
  path: string[];
  key: string;
}

type Container = { kind: "object"; keys: Set<string>; member: string | null; expectsKey: boolean } | { kind: "array"; index: number };

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);

/** The end (exclusive) of the string literal whose opening quote is at `start`. */
function stringEnd(text: string, start: number): number {
  let at = start + 1;
  while (text[at] !== '"') at += text[at] === "\\" ? 2 : 1;
  return at + 1;
}

/**
 * The first key that appears twice in one object, at any depth, of a text JSON.parse has already
 * accepted. JSON.parse keeps the last of repeated keys while other parsers keep the first, so a proxy
 * and Baton could act on different values from the same bytes; a reviver cannot tell, since it sees
 * only the surviving value. Keys are compared decoded (`"a"` and `"\u0061"` are the same key). Linear
 * and iterative: any nesting depth JSON.parse accepted is fine here.
 */
export function findDuplicateKey(text: string): DuplicateKey | null {
  const open: Container[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    const top = open.at(-1);
    if (WHITESPACE.has(char)) at++;
    else if (char === "{") {
      open.push({ kind: "object", keys: new Set(), member: null, expectsKey: true });
      at++;
    } else if (char === "[") {
      open.push({ kind: "array", index: 0 });
      at++;
    } else if (char === "}" || char === "]") {
      open.pop();
      at++;
    } else if (char === ",") {
      if (top?.kind === "object") top.expectsKey = true;
      else if (top?.kind === "array") top.index++;
      at++;
    } else if (char === ":") {
      if (top?.kind === "object") top.expectsKey = false;
      at++;
    } else if (char === '"') {
      const end = stringEnd(text, at);
      if (top?.kind === "object" && top.expectsKey) {
        const key = JSON.parse(text.slice(at, end)) as string;
        if (top.keys.has(key))
          return { key, path: [...open.slice(0, -1).map((container) => (container.kind === "object" ? container.member! : String(container.index))), key] };
        top.keys.add(key);
        top.member = key;
      }
      at = end;
    } else {
      // A number, true, false or null: nothing to track until the next structural character.
      at++;
      while (at < text.length && !/[\s,:{}[\]"]/.test(text[at]!)) at++;
    }
  }
  return null;
}
