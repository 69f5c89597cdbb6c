import { createTwoFilesPatch } from "diff";
import type { PolicyDocument } from "./schemas";
import type { PolicySetDiff } from "./review-schemas";

const withNewline = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);

/** What a proposed set changes against another (the active one): each policy added, removed or changed, with a unified diff of its text. */
export function diffPolicySets(before: readonly PolicyDocument[], after: readonly PolicyDocument[]): PolicySetDiff {
  const old = new Map(before.map((policy) => [policy.id, policy.text]));
  const next = new Map(after.map((policy) => [policy.id, policy.text]));
  const ids = [...new Set([...old.keys(), ...next.keys()])].sort();
  const policies: PolicySetDiff["policies"] = [];
  let unchanged = 0;
  for (const id of ids) {
    const was = old.get(id);
    const is = next.get(id);
    if (was === is) {
      unchanged++;
      continue;
    }
    const change = was === undefined ? "added" : is === undefined ? "removed" : "changed";
    const patch = createTwoFilesPatch(
      was === undefined ? "/dev/null" : `active/${id}`,
      is === undefined ? "/dev/null" : `proposed/${id}`,
      was === undefined ? "" : withNewline(was),
      is === undefined ? "" : withNewline(is),
      undefined,
      undefined,
      { context: 3 },
    )
      // The leading "====" separator line says nothing a reader needs.
      .replace(/^=+\n/, "");
    policies.push({ id, change, patch });
  }
  const count = (change: string) => policies.filter((policy) => policy.change === change).length;
  return { added: count("added"), removed: count("removed"), changed: count("changed"), unchanged, policies };
}
