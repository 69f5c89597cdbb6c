import { describe, expect, it } from "vitest";
import { quorumMet, requirementsFor } from "@/lib/approvals/quorum";

const group = (groupId: string, required: number, members: string[]) => ({ groupId, name: groupId, required, memberIds: new Set(members) });

describe("quorum", () => {
  it("needs N distinct approvers from the group", () => {
    const platform = group("platform", 2, ["alice", "bob", "carol"]);
    expect(quorumMet([platform], ["alice"])).toBe(false);
    expect(quorumMet([platform], ["alice", "alice"])).toBe(false);
    expect(quorumMet([platform], ["alice", "bob"])).toBe(true);
  });

  it("needs every group (AND across groups)", () => {
    const requirements = [group("platform", 1, ["alice"]), group("security", 1, ["dana"])];
    expect(quorumMet(requirements, ["alice"])).toBe(false);
    expect(quorumMet(requirements, ["alice", "dana"])).toBe(true);
  });

  it("counts a person in several groups once", () => {
    const requirements = [group("platform", 1, ["alice", "bob"]), group("security", 1, ["alice"])];
    expect(quorumMet(requirements, ["alice"])).toBe(false);
    // Alice must take the security seat so that Bob can take platform's: the matching finds it in either order.
    expect(quorumMet(requirements, ["alice", "bob"])).toBe(true);
    expect(quorumMet(requirements, ["bob", "alice"])).toBe(true);
  });

  it("ignores approvers outside every group", () => {
    expect(quorumMet([group("platform", 1, ["alice"])], ["mallory"])).toBe(false);
  });

  it("takes the largest demand among scopes that share a group", () => {
    const members = new Set(["a", "b", "c"]);
    const requirements = requirementsFor(
      [
        { approverGroupId: "g", approvalsRequired: 1 },
        { approverGroupId: "g", approvalsRequired: 2 },
        { approverGroupId: null, approvalsRequired: 1 },
      ],
      (id) => (id === "g" ? members : new Set(["admin"])),
    );
    expect(requirements.map((r) => [r.groupId, r.required])).toEqual([
      ["g", 2],
      ["admins", 1],
    ]);
  });
});
