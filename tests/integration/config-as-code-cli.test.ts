// baton plan / apply / export against a real Baton over HTTP: every admin route of the route table is
// served, and the CLI talks to it with an admin's personal token exactly as it would in production.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as usersRoute from "@/app/api/v1/admin/users/route";
import { main } from "@/cli/main";
import { ROUTES } from "@/lib/api/route-table";
import { call, ensureAdmin } from "./api-helpers";
import { type AdapterRoute, serveRouteHandlers } from "./http-adapter";

type Handler = AdapterRoute["handler"];
const modules = import.meta.glob<Record<string, Handler>>("../../app/api/v1/admin/**/route.ts");

let admin: string;
let server: Awaited<ReturnType<typeof serveRouteHandlers>>;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-config-"));

beforeAll(async () => {
  admin = await ensureAdmin();
  for (const email of ["ada@example.com", "bob@example.com"])
    await call(usersRoute.POST, { token: admin, body: { email, name: email.split("@")[0], role: "APPROVER" } });
  const routes: AdapterRoute[] = [];
  for (const spec of ROUTES.filter((route) => route.path.startsWith("/api/v1/admin/"))) {
    const handler = (await modules[`../../app${spec.path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`]?.())?.[spec.method.toUpperCase()];
    if (handler) routes.push({ method: spec.method.toUpperCase(), path: spec.path.replace(/\{(\w+)\}/g, ":$1"), handler });
  }
  server = await serveRouteHandlers(routes);
});

afterAll(async () => {
  await server?.close();
});

async function baton(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    env: { BATON_URL: server.url, BATON_TOKEN: admin },
    print: (line) => out.push(line),
    warn: (line) => err.push(line),
    stderr: { write: () => true },
    stdin: process.stdin,
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

function file(name: string, text: string): string {
  const filePath = path.join(dir, name);
  fs.writeFileSync(filePath, text);
  return filePath;
}

const BASE = `apiVersion: baton/v1
groups:
  - name: sre-approvers
    description: Site reliability
    members: [ada@example.com, bob@example.com]
resourceServers:
  - name: crm
    audience: https://crm.example.com
scopes:
  - key: crm.customers:read
    risk: low
    maxDuration: 1h
    autoApprove: true
    resourceServer: https://crm.example.com
  - key: deploy.prod:write
    risk: high
    maxDuration: 30m
    approvalsRequired: 2
    approverGroup: sre-approvers
    tags: [deploy]
agents:
  - name: ops-bot
    owner: ada@example.com
    eligibleScopes: [crm.customers:read]
  - name: deploy-bot
    owner: admin@example.com
    eligibleScopes: [deploy.prod:write]
    tags: [prod]
schedules:
  - name: prod-change-window
    timezone: Europe/Berlin
    weeklyRules:
      - { days: [tue, thu], start: "09:00", end: "17:00" }
`;

describe("configuration as code", () => {
  it("plans, applies once with the new secrets printed, and then has nothing left to do", async () => {
    const baseFile = file("baton.yaml", BASE);
    const plan = await baton("plan", "-f", baseFile);
    expect(plan.code).toBe(2);
    expect(plan.out).toContain("+ create approver group sre-approvers");
    expect(plan.out).toContain("Plan: 7 to create, 0 to update.");

    const applied = await baton("apply", "-f", baseFile);
    expect(applied.err).not.toContain("failed");
    expect(applied.code).toBe(0);
    expect(applied.out).toMatch(/Secret for resource server crm \(shown once, store it now\): batonrs_/);
    // Agents are created without a key: no standing secret in a pipeline's log.
    expect(applied.out).not.toMatch(/Secret for agent|baton_ak/);
    expect(applied.out).toContain("Applied 7 changes.");

    expect(await baton("plan", "-f", baseFile)).toMatchObject({ code: 0, out: "No changes: Baton matches the file." });
    const again = await baton("apply", "-f", baseFile);
    expect(again).toMatchObject({ code: 0, out: "No changes: Baton matches the file." });
  });

  it("updates fields, members and eligibility in place", async () => {
    const changed = file(
      "changed.yaml",
      BASE.replace("members: [ada@example.com, bob@example.com]", "members: [ada@example.com]")
        .replace("maxDuration: 30m", "maxDuration: 45m")
        .replace("tags: [prod]", "tags: [prod, oncall-bot]")
        .replace('end: "17:00"', 'end: "18:30"')
        .replace("eligibleScopes: [crm.customers:read]", "eligibleScopes: [crm.customers:read, deploy.prod:write]\n    description: Runs the pager"),
    );
    const plan = await baton("plan", "-f", changed, "--json");
    expect(plan.code).toBe(2);
    expect(
      JSON.parse(plan.out).changes.map((change: { action: string; name: string; fields: { field: string }[] }) => [
        change.action,
        change.name,
        change.fields.map((f) => f.field),
      ]),
    ).toEqual([
      ["update", "sre-approvers", ["members"]],
      ["update", "deploy.prod:write", ["maxDuration"]],
      ["update", "ops-bot", ["description", "eligibleScopes"]],
      ["update", "deploy-bot", ["tags"]],
      ["update", "prod-change-window", ["weeklyRules"]],
    ]);
    expect((await baton("apply", "-f", changed)).code).toBe(0);
    expect((await baton("plan", "-f", changed)).code).toBe(0);

    const agents = JSON.parse((await baton("admin", "agents", "list", "--json")).out) as { name: string; eligibleScopes: string[]; description: string }[];
    expect(agents.find((agent) => agent.name === "ops-bot")).toMatchObject({
      description: "Runs the pager",
      eligibleScopes: ["crm.customers:read", "deploy.prod:write"],
    });
  });

  it("exports a file that plans to no changes, and that applies to an identical Baton", async () => {
    const exported = path.join(dir, "exported.yaml");
    expect((await baton("export", "-o", exported)).code).toBe(0);
    const text = fs.readFileSync(exported, "utf8");
    expect(text).toMatch(/^# Baton configuration/);
    expect(text).toContain("apiVersion: baton/v1");
    expect(text).toContain("timezone: Europe/Berlin");
    expect(text).toMatch(/tags:\n\s+- oncall-bot\n\s+- prod/);
    expect(text).not.toMatch(/batonrs_|baton_ak|secret/i);
    expect(await baton("plan", "-f", exported, "--prune")).toMatchObject({ code: 0 });
    expect((await baton("export")).out).toBe(text.trimEnd());
  });

  it("removes only with --prune: agents are disabled, resource servers revoked", async () => {
    const smaller = file(
      "smaller.yaml",
      BASE.replace(/ {2}- name: deploy-bot[\s\S]*$/, "")
        .replace(/resourceServers:[\s\S]*?scopes:/, "scopes:")
        .replace(/\n {4}resourceServer: .*/, ""),
    );
    // The scope still names the resource server in Baton: without prune, only that reference changes.
    const plain = await baton("plan", "-f", smaller);
    expect(plain.out).not.toContain("prune)");
    const prune = await baton("plan", "-f", smaller, "--prune");
    expect(prune.out).toContain("- revoke resource server crm (not in the file; --prune)");
    expect(prune.out).toContain("- disable agent deploy-bot (not in the file; --prune)");
    expect(prune.out).toContain("- delete schedule prod-change-window (not in the file; --prune)");
    expect((await baton("apply", "-f", smaller, "--prune")).code).toBe(0);
    expect(await baton("plan", "-f", smaller, "--prune")).toMatchObject({ code: 0 });
    const agents = JSON.parse((await baton("admin", "agents", "list", "--json")).out) as { name: string; status: string }[];
    expect(agents.find((agent) => agent.name === "deploy-bot")?.status).toBe("DISABLED");
  });

  it("files the policy set as a proposal once, and never activates it", async () => {
    const exported = path.join(dir, "with-policies.yaml");
    await baton("export", "-o", exported);
    const extra = `    - id: deploys-to-sre\n      file: deploys-to-sre.cedar\n`;
    file(
      "deploys-to-sre.cedar",
      '@reason("Deploys need two SREs") @route("sre-approvers") @quorum("2")\npermit (principal, action == Baton::Action::"route", resource) when { resource.key like "deploy.*" };\n',
    );
    const text = fs.readFileSync(exported, "utf8").replace("policy:\n  policies:\n", `policy:\n  note: Deploys to SRE\n  policies:\n${extra}`);
    const withPolicy = file("with-policies.yaml", text);
    const plan = await baton("plan", "-f", withPolicy);
    expect(plan.code).toBe(2);
    expect(plan.out).toContain("? propose the policy set (note: Deploys to SRE); it takes effect once a second admin approves it\n    added: deploys-to-sre");
    const applied = await baton("apply", "-f", withPolicy);
    expect(applied.code).toBe(0);
    expect(applied.out).toMatch(/Policy proposal ppr_\w+ awaits a second admin's approval\./);
    const again = await baton("plan", "-f", withPolicy);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/already proposed \(ppr_\w+\) and awaits a second admin's review/);
    expect((await baton("apply", "-f", withPolicy)).out).not.toContain("Policy proposal");
    expect((await baton("export")).out).not.toContain("deploys-to-sre");
  });

  it("refuses an invalid file with file, line and path, before changing anything", async () => {
    const broken = file("broken.yaml", BASE.replace("risk: high", "risk: extreme"));
    const result = await baton("apply", "-f", broken);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${broken}:16:11: scopes[1].risk: must be low, medium, high or critical`);
  });

  it("stops at the first change Baton refuses, naming it", async () => {
    const refused = file(
      "refused.yaml",
      `apiVersion: baton/v1\ngroups:\n  - name: first-group\n  - name: second-group\n    members: [nobody@example.com]\n  - name: third-group\n`,
    );
    const result = await baton("apply", "-f", refused);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/create approver group second-group failed: .*nobody@example\.com/);
    expect(result.err).toContain("1 change was applied before it");
    const after = await baton("plan", "-f", refused);
    expect(after.out).toContain("+ create approver group second-group");
    expect(after.out).not.toContain("first-group");
  });
});
