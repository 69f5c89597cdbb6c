import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatPrivilege, parsePrivilege, parsePrivileges, PrivilegeSyntaxError } from "@/lib/credentials/privilege-grammar";

describe("the privilege grammar", () => {
  it("parses and re-emits SQL grants in canonical form", () => {
    expect(formatPrivilege(parsePrivilege("postgresql", "select on orders"))).toBe("SELECT ON orders");
    expect(formatPrivilege(parsePrivilege("postgresql", "INSERT,  update ON billing.refunds"))).toBe("INSERT, UPDATE ON billing.refunds");
    expect(parsePrivilege("postgresql", "USAGE ON SCHEMA billing")).toEqual({ type: "schema-usage", schema: "billing" });
    expect(parsePrivilege("mariadb", "SELECT ON shop.*")).toEqual({ type: "table", privileges: ["SELECT"], schema: "shop", table: "*" });
  });

  it.each([
    ["postgresql", "DROP ON orders"],
    ["postgresql", "SELECT ON orders; DROP TABLE orders"],
    ["postgresql", 'SELECT ON "orders"'],
    ["postgresql", "SELECT ON a.b.c"],
    ["postgresql", "SELECT ON *"],
    ["postgresql", "SELECT"],
    ["mariadb", "SELECT ON orders`; DROP USER root"],
    ["mariadb", "GRANT OPTION ON orders"],
    ["redis", "+get $(rm)"],
    ["redis", "on >secret"],
    ["redis", "nopass"],
    ["rabbitmq", "vhost=/ bogus=1"],
    ["rabbitmq", "configure=.*"],
    ["rabbitmq", "vhost=/ read=("],
  ] as const)("refuses %s %j", (kind, text) => {
    expect(() => parsePrivilege(kind, text)).toThrow(PrivilegeSyntaxError);
  });

  it("parses Redis ACL rules token by token and RabbitMQ permissions with defaults", () => {
    expect(parsePrivilege("redis", "~orders:* +get  +scan %R~cache:* -@dangerous")).toEqual({
      type: "redis-acl",
      tokens: ["~orders:*", "+get", "+scan", "%R~cache:*", "-@dangerous"],
    });
    expect(formatPrivilege(parsePrivilege("rabbitmq", "vhost=/ read=^orders$"))).toBe("vhost=/ configure=^$ write=^$ read=^orders$");
  });

  it("names the index of the privilege that fails", () => {
    expect(() => parsePrivileges("postgresql", ["SELECT ON orders", "DROP ON x"])).toThrow(/^privileges\.1: /);
  });

  it("whatever it accepts, it re-parses to the same structure (re-emission is stable) and SQL identifiers stay plain", () => {
    fc.assert(
      fc.property(fc.constantFrom("postgresql", "mariadb", "redis", "rabbitmq" as const), fc.string({ maxLength: 60 }), (kind, text) => {
        let parsed;
        try {
          parsed = parsePrivilege(kind, text);
        } catch (error) {
          expect(error).toBeInstanceOf(PrivilegeSyntaxError);
          return;
        }
        expect(parsePrivilege(kind, formatPrivilege(parsed))).toEqual(parsed);
        if (parsed.type === "table")
          for (const name of [parsed.schema, parsed.table]) if (name && name !== "*") expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_$]*$/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("baton credentials", () => {
  it("parses its arguments", async () => {
    const { parseCredentialsArgs } = await import("@/cli/commands/credentials");
    expect(parseCredentialsArgs(["grt_x"])).toEqual({ grantId: "grt_x", provider: undefined, format: "url", rotate: false });
    expect(parseCredentialsArgs(["grt_x", "--provider", "orders-db", "--format", "env", "--rotate"])).toEqual({
      grantId: "grt_x",
      provider: "orders-db",
      format: "env",
      rotate: true,
    });
    expect(() => parseCredentialsArgs([])).toThrow(/missing <grant>/);
    expect(() => parseCredentialsArgs(["grt_x", "--format", "yaml"])).toThrow(/--format/);
  });

  it("prints env lines a shell cannot misread", async () => {
    const { credentialEnvLines } = await import("@/cli/commands/credentials");
    const lines = credentialEnvLines({
      provider: "orders-db",
      kind: "postgresql",
      username: "baton_x_y",
      password: "it's'; rm -rf /",
      host: "127.0.0.1",
      port: 5432,
      database: "orders",
      privileges: ["SELECT ON orders"],
      expiresAt: "2026-12-07T18:00:00.000Z",
      url: "postgresql://baton_x_y:x@127.0.0.1:5432/orders",
    });
    expect(lines).toContain(`export PGPASSWORD='it'\\''s'\\''; rm -rf /'`);
    expect(lines).toContain("export PGDATABASE='orders'");
  });
});
