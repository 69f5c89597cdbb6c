import { describe, expect, it } from "vitest";
import { CliUsageError } from "@/cli/cli-usage-error";
import { parseAgentsArgs } from "@/cli/commands/admin-agents";
import { parseKeysArgs } from "@/cli/commands/admin-keys";
import { parseScopesArgs } from "@/cli/commands/admin-scopes";
import { parseUsersArgs } from "@/cli/commands/admin-users";
import { parseGrantsArgs } from "@/cli/commands/grants";
import { parseRequestArgs } from "@/cli/commands/request";
import { parseStatusArgs } from "@/cli/commands/status";
import { formatRelative, parseDurationFlag } from "@/cli/duration";
import { EXIT_CODES, exitCodeForStatus } from "@/cli/exit-codes";

const usageError = (message: string | RegExp) => expect.objectContaining({ name: "CliUsageError", message: expect.stringMatching(message) });

describe("parseDurationFlag", () => {
  it("reads Baton's duration grammar (tests/unit/duration.test.ts)", () => {
    expect(parseDurationFlag("1h30m", "--for")).toBe(5400);
    expect(parseDurationFlag("PT15M", "--wait")).toBe(900);
    expect(parseDurationFlag("300", "--wait")).toBe(300);
  });

  it.each(["", "15x", "30m1h", "fifteen"])("rejects %j, naming the flag", (text) => {
    expect(() => parseDurationFlag(text, "--for")).toThrow(CliUsageError);
    expect(() => parseDurationFlag(text, "--for")).toThrow(/^--for must be a duration/);
  });
});

describe("formatRelative", () => {
  it("says in which direction", () => {
    expect(formatRelative(900)).toBe("in 15m");
    expect(formatRelative(-7500)).toBe("2h 5m ago");
  });
});

describe("exit codes", () => {
  it.each([
    ["APPROVED", 0],
    ["DENIED", 2],
    ["PENDING", 3],
    ["CANCELLED", 4],
    ["EXPIRED", 4],
  ] as const)("%s exits %i", (status, code) => {
    expect(exitCodeForStatus(status)).toBe(code);
  });

  it("keeps errors apart from every request status", () => {
    expect(EXIT_CODES.error).toBe(1);
    expect(Object.values(EXIT_CODES)).toHaveLength(new Set(Object.values(EXIT_CODES)).size);
  });
});

describe("baton request arguments", () => {
  const valid = ["--scope", "crm.customers:read", "--for", "15m", "--reason", "Refund ticket TICKET-1"];

  it("builds the contract's body, generating an idempotency key", () => {
    const command = parseRequestArgs(
      [...valid, "--scope", "crm.orders:read", "--on-behalf-of", "alice@example.com", "--incident", "inc_1", "--context", "TICKET-1", "--wait", "5m", "--json"],
      () => "generated-key",
    );
    expect(command).toEqual({
      body: {
        scopes: ["crm.customers:read", "crm.orders:read"],
        durationSeconds: 900,
        justification: "Refund ticket TICKET-1",
        onBehalfOf: "alice@example.com",
        incidentId: "inc_1",
        contextRef: "TICKET-1",
      },
      waitSeconds: 300,
      idempotencyKey: "generated-key",
      json: true,
    });
  });

  it("keeps a given idempotency key and does not wait by default", () => {
    const command = parseRequestArgs([...valid, "--idempotency-key", "K-1"]);
    expect(command.idempotencyKey).toBe("K-1");
    expect(command.waitSeconds).toBe(0);
    expect(command.json).toBe(false);
  });

  it("generates a different key on every run", () => {
    expect(parseRequestArgs(valid).idempotencyKey).not.toBe(parseRequestArgs(valid).idempotencyKey);
  });

  it.each([
    [["--for", "15m", "--reason", "Refund ticket TICKET-1"], /^--scope is required$/],
    [["--scope", "a:read", "--reason", "Refund ticket TICKET-1"], /^--for is required$/],
    [["--scope", "a:read", "--for", "15m"], /^--reason is required$/],
    [[...valid, "--for", "soon"], /^--for must be a duration/],
    [[...valid, "--wait", "forever"], /^--wait must be a duration/],
    [[...valid, "--scopes", "x"], /^unknown option --scopes$/],
    [[...valid, "-x"], /^unknown option -x$/],
    [[...valid, "extra"], /^unexpected argument "extra"$/],
    [["--scope", "a:read", "--for", "15m", "--reason"], /^Option '--reason <value>' argument missing$/],
    [[...valid, "--json=yes"], /^Option '--json' does not take an argument$/],
  ])("%j is refused: %s", (args, message) => {
    expect(() => parseRequestArgs(args)).toThrow(usageError(message));
  });
});

describe("other commands' arguments", () => {
  it("status needs exactly one id", () => {
    expect(parseStatusArgs(["req_1", "--wait", "30s"])).toEqual({ requestId: "req_1", waitSeconds: 30, json: false });
    expect(() => parseStatusArgs([])).toThrow(usageError(/^missing <id>$/));
    expect(() => parseStatusArgs(["req_1", "req_2"])).toThrow(usageError(/^unexpected argument "req_2"$/));
  });

  it("grants accepts the contract's filters in any case", () => {
    expect(parseGrantsArgs([])).toEqual({ status: "active", json: false });
    expect(parseGrantsArgs(["--status", "ALL"]).status).toBe("all");
    expect(() => parseGrantsArgs(["--status", "live"])).toThrow(usageError(/^--status must be one of active, expired, revoked, all/));
  });

  it("admin scopes create maps flags onto the body", () => {
    const command = parseScopesArgs([
      "create",
      "--key",
      "db.prod:write",
      "--risk",
      "high",
      "--max",
      "1h",
      "--approvals",
      "2",
      "--group",
      "dba",
      "--description",
      "Write to prod",
    ]);
    expect(command).toEqual({
      action: "create",
      body: {
        key: "db.prod:write",
        risk: "HIGH",
        maxDurationSeconds: 3600,
        approvalsRequired: 2,
        approverGroup: "dba",
        autoApprove: undefined,
        description: "Write to prod",
      },
      json: false,
    });
    expect(() => parseScopesArgs(["create", "--key", "k", "--risk", "extreme", "--max", "1h"])).toThrow(
      usageError(/^--risk must be one of low, medium, high, critical/),
    );
    expect(() => parseScopesArgs(["create", "--key", "k", "--risk", "low", "--max", "1h", "--approvals", "0"])).toThrow(
      usageError(/^--approvals must be a whole number/),
    );
  });

  it("admin scopes update clears with --no- flags and refuses an empty change", () => {
    const command = parseScopesArgs(["update", "db.prod:write", "--no-group", "--no-auto-approve"]);
    expect(command).toMatchObject({ action: "update", key: "db.prod:write", body: { approverGroup: null, autoApprove: false } });
    expect(() => parseScopesArgs(["update", "db.prod:write"])).toThrow(usageError(/^nothing to change/));
    expect(() => parseScopesArgs(["update", "db.prod:write", "--group", "dba", "--no-group"])).toThrow(usageError(/contradict/));
    expect(() => parseScopesArgs(["update", "db.prod:write", "--key", "other"])).toThrow(usageError(/^unknown option --key$/));
  });

  it("admin actions must be named", () => {
    expect(() => parseScopesArgs([])).toThrow(usageError(/^missing action: list, create, update$/));
    expect(() => parseAgentsArgs(["delete", "agt_1"])).toThrow(usageError(/^unknown action "delete": expected list, create, disable$/));
  });

  it("admin agents create requires a name and an owner", () => {
    expect(parseAgentsArgs(["create", "--name", "billing-bot", "--owner", "ana@example.com", "--scope", "a:read", "--scope", "b:read"])).toMatchObject({
      body: { name: "billing-bot", ownerEmail: "ana@example.com", eligibleScopes: ["a:read", "b:read"] },
    });
    expect(() => parseAgentsArgs(["create", "--name", "billing-bot"])).toThrow(usageError(/^--owner is required$/));
  });

  it("admin keys take their ids as positionals and durations as flags", () => {
    expect(parseKeysArgs(["rotate", "agt_1", "key_1", "--overlap", "0"])).toEqual({
      action: "rotate",
      agentId: "agt_1",
      keyId: "key_1",
      overlapSeconds: 0,
      expiresInSeconds: undefined,
      json: false,
    });
    expect(parseKeysArgs(["create", "agt_1", "--expires", "90d"])).toMatchObject({ expiresInSeconds: 90 * 86_400 });
    expect(() => parseKeysArgs(["revoke", "agt_1"])).toThrow(usageError(/^missing <keyId>$/));
  });

  it("admin users create takes a role in lower case", () => {
    expect(parseUsersArgs(["create", "--email", "ana@example.com", "--name", "Ana", "--role", "approver", "--password-stdin"])).toEqual({
      action: "create",
      body: { email: "ana@example.com", name: "Ana", role: "APPROVER" },
      passwordFromStdin: true,
      json: false,
    });
    expect(() => parseUsersArgs(["create", "--email", "ana@example.com", "--name", "Ana", "--role", "root"])).toThrow(
      usageError(/^--role must be one of admin, approver, commander, viewer/),
    );
    expect(() => parseUsersArgs(["create", "--email", "ana@example.com", "--name", "Ana", "--role", "admin", "--password", "x"])).toThrow(
      usageError(/^unknown option --password$/),
    );
  });
});
