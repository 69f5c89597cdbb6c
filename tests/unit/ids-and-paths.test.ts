import { describe, expect, it } from "vitest";
import { ID_PREFIXES, newId } from "@/lib/kernel/ids";

describe("ids", () => {
  it("carries the kind's prefix and sorts by creation time", async () => {
    const first = newId("request");
    await new Promise((resolve) => setTimeout(resolve, 2));
    const second = newId("request");
    expect(first).toMatch(/^req_[0-9a-z]{26}$/);
    expect(first < second).toBe(true);
  });

  it("uses distinct prefixes for every kind", () => {
    const prefixes = Object.values(ID_PREFIXES);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});
