import { HighlightStyle, StreamLanguage, type StringStream } from "@codemirror/language";
import { tags } from "@lezer/highlight";

const KEYWORDS = new Set(["permit", "forbid", "when", "unless", "if", "then", "else", "in", "has", "like", "is"]);
const VARIABLES = new Set(["principal", "action", "resource", "context"]);
const ATOMS = new Set(["true", "false"]);

interface CedarState {
  inString: boolean;
}

function readString(stream: StringStream, state: CedarState): string {
  let escaped = false;
  let char: string | void;
  while ((char = stream.next()) !== undefined) {
    if (char === '"' && !escaped) {
      state.inString = false;
      return "string";
    }
    escaped = !escaped && char === "\\";
  }
  state.inString = true;
  return "string";
}

/** Cedar, well enough to colour it: annotations, keywords, the four variables, strings, entity types and comments. */
export const cedarLanguage = StreamLanguage.define<CedarState>({
  name: "cedar",
  startState: () => ({ inString: false }),
  token(stream, state) {
    if (state.inString) return readString(stream, state);
    if (stream.eatSpace()) return null;
    if (stream.match("//")) {
      stream.skipToEnd();
      return "comment";
    }
    if (stream.match(/^@[A-Za-z_][A-Za-z0-9_]*/)) return "meta";
    if (stream.eat('"')) return readString(stream, state);
    if (stream.match(/^-?\d+/)) return "number";
    if (stream.match(/^[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)+(?=::)/)) return "typeName";
    if (stream.match(/^[A-Za-z_][A-Za-z0-9_]*(?=::)/)) return "typeName";
    const word = stream.match(/^[A-Za-z_][A-Za-z0-9_]*/) as RegExpMatchArray | null;
    if (word) {
      if (KEYWORDS.has(word[0])) return "keyword";
      if (VARIABLES.has(word[0])) return "variableName.special";
      if (ATOMS.has(word[0])) return "bool";
      return "propertyName";
    }
    if (stream.match(/^(==|!=|<=|>=|&&|\|\||::|[<>!+\-*])/)) return "operator";
    stream.next();
    return null;
  },
  languageData: { commentTokens: { line: "//" } },
});

/** Colours by class, so light and dark mode each get their own (Tailwind's dark variant). */
export const cedarHighlight = HighlightStyle.define([
  { tag: tags.keyword, class: "font-semibold text-violet-700 dark:text-violet-300" },
  { tag: tags.meta, class: "text-amber-700 dark:text-amber-300" },
  { tag: tags.string, class: "text-emerald-700 dark:text-emerald-300" },
  { tag: tags.comment, class: "italic text-muted-foreground" },
  { tag: tags.typeName, class: "text-sky-700 dark:text-sky-300" },
  { tag: tags.special(tags.variableName), class: "text-rose-700 dark:text-rose-300" },
  { tag: [tags.bool, tags.number], class: "text-orange-700 dark:text-orange-300" },
  { tag: tags.operator, class: "text-foreground" },
]);
