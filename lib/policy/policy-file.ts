import type { PolicyDocument } from "./schemas";

/**
 * The policy set as one file, the way the browser editor (and a repository) holds it: each policy is
 * introduced by a line of its own `@id("…")` annotation and runs to the next such line. The `@id` line
 * names the policy and is not part of its stored text, so a set written out and read back is the same
 * set, and an error Cedar places in a policy's text maps back to a line of the file.
 */

/** One policy's place in the file: the line of its `@id` and the file line its text starts on (1-based). */
export interface PolicyBlock {
  id: string;
  idLine: number;
  textLine: number;
}

export interface PolicyFileProblem {
  line: number;
  column: number;
  message: string;
}

const ID_LINE = /^\s*@id\(\s*"((?:[^"\\]|\\.)*)"\s*\)\s*$/;
const POLICY_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/;

/** Reads a policy file; `problems` name what keeps it from being a set (they never mention Cedar itself). */
export function parsePolicyFile(source: string): { policies: PolicyDocument[]; blocks: PolicyBlock[]; problems: PolicyFileProblem[] } {
  const lines = source.split(/\r?\n/);
  const policies: PolicyDocument[] = [];
  const blocks: PolicyBlock[] = [];
  const problems: PolicyFileProblem[] = [];
  const seen = new Set<string>();
  let current: { id: string; idLine: number; body: string[] } | null = null;

  const close = () => {
    if (!current) return;
    let first = 0;
    let last = current.body.length;
    while (first < last && current.body[first]!.trim() === "") first++;
    while (last > first && current.body[last - 1]!.trim() === "") last--;
    const text = current.body.slice(first, last).join("\n");
    if (text === "") problems.push({ line: current.idLine, column: 1, message: `policy ${current.id} has no text after its @id` });
    else {
      policies.push({ id: current.id, text });
      blocks.push({ id: current.id, idLine: current.idLine, textLine: current.idLine + 1 + first });
    }
    current = null;
  };

  lines.forEach((line, index) => {
    const match = ID_LINE.exec(line);
    if (match) {
      close();
      const id = match[1]!;
      const lineNumber = index + 1;
      if (!POLICY_ID.test(id))
        problems.push({ line: lineNumber, column: 1, message: `@id("${id}"): use letters, digits and . _ : / -, starting with a letter or digit` });
      else if (seen.has(id)) problems.push({ line: lineNumber, column: 1, message: `@id("${id}") is used twice` });
      seen.add(id);
      current = { id, idLine: lineNumber, body: [] };
      return;
    }
    if (current) current.body.push(line);
    else if (line.trim() !== "") problems.push({ line: index + 1, column: 1, message: 'every policy starts with a line @id("…") naming it' });
  });
  close();
  return { policies: problems.length ? [] : policies, blocks, problems };
}

/** The file form of a set: policies in id order, each under its `@id` line, separated by a blank line. */
export function formatPolicyFile(policies: readonly PolicyDocument[]): string {
  return [...policies]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((policy) => `@id("${policy.id}")\n${policy.text.trim()}\n`)
    .join("\n");
}

/** Where a line of a policy's own text is in the file. */
export function fileLineOf(blocks: readonly PolicyBlock[], policyId: string | null, line: number | null): number {
  const block = blocks.find((candidate) => candidate.id === policyId);
  if (!block) return 1;
  return line === null ? block.idLine : block.textLine + line - 1;
}
