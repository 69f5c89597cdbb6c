import { describe, expect, it } from "vitest";
import { mayOpenIncidents, mayReadAudit, mayRunIncident, requireAdmin } from "@/lib/authorization/rules";
import { mayOpenPage, rolesForPage } from "@/lib/auth/page-access";
import { ABILITIES, describeRole, mayDo, ROLES, rolesInWords } from "@/lib/auth/role-abilities";

const person = (role: (typeof ROLES)[number]) => ({ kind: "person" as const, userId: "usr_1", role });

// The role descriptions people read are made from the table; these hold the rules that decide to the same table.
describe("the role table matches the rules the domain enforces", () => {
  it.each(ROLES)("%s: the audit log", (role) => {
    expect(mayReadAudit(person(role))).toBe(mayDo(role, "readAudit"));
    expect(mayOpenPage(role, "/audit")).toBe(mayDo(role, "readAudit"));
  });

  it.each(ROLES)("%s: incidents", (role) => {
    const actor = person(role);
    expect(mayOpenIncidents(actor)).toBe(mayDo(role, "runIncidents"));
    expect(mayRunIncident(actor, { commanderId: null, externalSource: null })).toBe(mayDo(role, "runIncidents"));
  });

  it.each(ROLES)("%s: administration", (role) => {
    const check = () => requireAdmin(person(role));
    if (mayDo(role, "administer")) expect(check).not.toThrow();
    else expect(check).toThrow("admin role");
    for (const page of ["/users", "/webhooks", "/webhooks/wh_1"]) expect(mayOpenPage(role, page)).toBe(mayDo(role, "administer"));
  });

  it("every role may open the pages that need no ability", () => {
    for (const role of ROLES)
      for (const page of ["/", "/requests", "/grants/grt_1", "/resource-servers", "/scopes", "/profile"]) expect(mayOpenPage(role, page)).toBe(true);
    expect(rolesForPage("/requests")).toEqual([]);
  });
});

describe("role descriptions", () => {
  it("say only what the role may do", () => {
    expect(describeRole("VIEWER")).toBe(`${ABILITIES.watch.says}; ${ABILITIES.revokeOwnAgents.says}`);
    expect(describeRole("VIEWER")).not.toMatch(/audit|decides|incidents and/);
    expect(describeRole("APPROVER")).toContain(ABILITIES.readAudit.says);
    expect(describeRole("APPROVER")).not.toContain(ABILITIES.runIncidents.says);
    expect(describeRole("ADMIN").split("; ")).toHaveLength(Object.keys(ABILITIES).length);
  });

  it("name the roles a page needs as a reader would say them", () => {
    expect(rolesInWords(rolesForPage("/users"))).toBe("admin");
    expect(rolesInWords(rolesForPage("/audit/whatever"))).toBe("approver, commander or admin");
  });
});
