import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { firstRequestCommand } from "@/lib/setup/first-request-command";

/** What a shell makes of the command: BATON_URL as the CLI would see it, and the CLI's arguments. */
function asTheShellReadsIt(command: string) {
  const probe = command.replace(" npx baton ", ` sh -c 'printf "%s\\n" "$BATON_URL" "$@"' baton `);
  const [url, ...args] = execFileSync("bash", ["-c", probe], { encoding: "utf8" }).trimEnd().split("\n");
  return { url, args };
}

describe("firstRequestCommand", () => {
  it("files the scope for 15 minutes, or the scope's maximum when shorter, and waits for the decision", () => {
    expect(asTheShellReadsIt(firstRequestCommand({ baseUrl: "http://localhost:3000/", scopeKey: "crm.customers:read", maxDurationSeconds: 3600 }))).toEqual({
      url: "http://localhost:3000",
      args: ["request", "--scope", "crm.customers:read", "--for", "15m", "--reason", "My first request through Baton", "--wait", "10m"],
    });
    expect(asTheShellReadsIt(firstRequestCommand({ baseUrl: "http://localhost:3000", scopeKey: "logs:read", maxDurationSeconds: 90 })).args).toContain("90s");
  });

  it("quotes whatever the shell would otherwise split or expand", () => {
    const { url } = asTheShellReadsIt(firstRequestCommand({ baseUrl: "https://baton.example/it's $HOME", scopeKey: "logs:read", maxDurationSeconds: 600 }));
    expect(url).toBe("https://baton.example/it's $HOME");
  });
});
