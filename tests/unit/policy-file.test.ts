import { describe, expect, it } from "vitest";
import { DEFAULT_POLICIES } from "@/lib/policy/default-policy-set";
import { diffPolicySets } from "@/lib/policy/diff-policy-sets";
import { fileLineOf, formatPolicyFile, parsePolicyFile } from "@/lib/policy/policy-file";
import { sortPolicies } from "@/lib/policy/hash-policy-set";

describe("the policy file", () => {
  it("round-trips a set, each policy under its @id line", () => {
    const file = formatPolicyFile(DEFAULT_POLICIES);
    expect(file.startsWith('@id("catalog-auto-approve")\n@reason(')).toBe(true);
    const { policies, problems } = parsePolicyFile(file);
    expect(problems).toEqual([]);
    expect(policies).toEqual(sortPolicies(DEFAULT_POLICIES));
    expect(formatPolicyFile(policies)).toBe(file);
  });

  it("maps a line of a policy's text back to the file", () => {
    const { blocks } = parsePolicyFile(
      '\n@id("a")\n\npermit (principal, action, resource)\nwhen { true };\n\n@id("b")\nforbid (principal, action, resource);\n',
    );
    expect(blocks).toEqual([
      { id: "a", idLine: 2, textLine: 4 },
      { id: "b", idLine: 7, textLine: 8 },
    ]);
    expect(fileLineOf(blocks, "a", 2)).toBe(5);
    expect(fileLineOf(blocks, "b", null)).toBe(7);
  });

  it("names the lines that keep a file from being a set", () => {
    expect(parsePolicyFile('permit (principal, action, resource);\n@id("a")\nforbid (principal, action, resource);').problems).toEqual([
      { line: 1, column: 1, message: 'every policy starts with a line @id("…") naming it' },
    ]);
    const { problems, policies } = parsePolicyFile('@id("a")\npermit (principal, action, resource);\n@id("a")\nx\n@id("-b")\ny\n@id("c")\n');
    expect(problems.map((problem) => problem.line)).toEqual([3, 5, 7]);
    expect(policies).toEqual([]);
  });
});

describe("diffPolicySets", () => {
  it("reports each policy added, removed or changed with a unified diff", () => {
    const diff = diffPolicySets(
      [
        { id: "kept", text: "permit (principal, action, resource);" },
        { id: "edited", text: "permit (principal, action, resource);" },
        { id: "gone", text: "forbid (principal, action, resource);" },
      ],
      [
        { id: "kept", text: "permit (principal, action, resource);" },
        { id: "edited", text: "permit (principal, action, resource)\nwhen { true };" },
        { id: "new", text: "forbid (principal, action, resource);" },
      ],
    );
    expect(diff).toMatchObject({ added: 1, removed: 1, changed: 1, unchanged: 1 });
    expect(diff.policies.map((policy) => [policy.id, policy.change])).toEqual([
      ["edited", "changed"],
      ["gone", "removed"],
      ["new", "added"],
    ]);
    expect(diff.policies[0]!.patch).toContain(
      "--- active/edited\n+++ proposed/edited\n@@ -1,1 +1,2 @@\n-permit (principal, action, resource);\n+permit (principal, action, resource)\n+when { true };",
    );
  });
});
