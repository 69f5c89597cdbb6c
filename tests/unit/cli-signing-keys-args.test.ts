import { describe, expect, it } from "vitest";
import { parseSigningKeysArgs } from "@/cli/commands/admin-signing-keys";
import { main } from "@/cli/main";

const usageError = (message: RegExp) => expect.objectContaining({ name: "CliUsageError", message: expect.stringMatching(message) });

describe("baton admin signing-keys", () => {
  it("lists, and rotates with an optional overlap", () => {
    expect(parseSigningKeysArgs(["list", "--json"])).toEqual({ action: "list", json: true });
    expect(parseSigningKeysArgs(["rotate"])).toEqual({ action: "rotate", overlapSeconds: undefined, json: false });
    expect(parseSigningKeysArgs(["rotate", "--overlap", "1h30m"])).toEqual({ action: "rotate", overlapSeconds: 5400, json: false });
  });

  it("refuses unknown actions, flags and durations", () => {
    expect(() => parseSigningKeysArgs(["delete"])).toThrow(usageError(/^unknown action "delete": expected list, rotate$/));
    expect(() => parseSigningKeysArgs(["list", "--overlap", "1h"])).toThrow(usageError(/^unknown option --overlap$/));
    expect(() => parseSigningKeysArgs(["rotate", "--overlap", "soon"])).toThrow(usageError(/^--overlap must be a duration/));
  });

  it("is listed in the admin help, and has its own", async () => {
    const printed: string[] = [];
    const context = {
      env: {},
      print: (line: string) => printed.push(line),
      warn: (line: string) => printed.push(line),
      stderr: { write: () => true },
      stdin: process.stdin,
    };
    expect(await main(["admin", "--help"], context)).toBe(0);
    expect(printed.join("\n")).toContain("admin signing-keys  List and rotate the keys that sign grant tokens");
    expect(await main(["admin", "signing-keys", "--help"], context)).toBe(0);
    expect(printed.at(-1)).toMatch(/^Usage:\n {2}baton admin signing-keys list/);
  });
});
