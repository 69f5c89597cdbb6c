import { describe, expect, it } from "vitest";
import type { InboxItem } from "@/lib/approvals/inbox-item";
import { byUrgency } from "@/lib/approvals/inbox-urgency";

const item = (id: string, createdAt: string, risks: string[], incident?: { severity: "SEV1" | "SEV2" | "SEV3" | "SEV4"; status: "OPEN" | "RESOLVED" }) =>
  ({
    id,
    createdAt,
    scopes: risks.map((risk, i) => ({ key: `s${i}`, risk })),
    incident: incident ? { id: "inc", title: "t", ...incident } : null,
  }) as unknown as InboxItem;

describe("the order of 'Waiting for you'", () => {
  it("puts the most severe open incident first, then the riskiest scope, then the oldest", () => {
    const items = [
      item("old-low", "2030-01-01T00:00:00Z", ["LOW"]),
      item("new-low", "2030-01-01T00:05:00Z", ["LOW"]),
      item("critical", "2030-01-01T00:06:00Z", ["LOW", "CRITICAL"]),
      item("sev3", "2030-01-01T00:07:00Z", ["LOW"], { severity: "SEV3", status: "OPEN" }),
      item("sev1", "2030-01-01T00:08:00Z", ["MEDIUM"], { severity: "SEV1", status: "OPEN" }),
      item("resolved-sev1", "2030-01-01T00:09:00Z", ["HIGH"], { severity: "SEV1", status: "RESOLVED" }),
    ];
    expect(items.sort(byUrgency).map((i) => i.id)).toEqual(["sev1", "sev3", "critical", "resolved-sev1", "old-low", "new-low"]);
  });
});
