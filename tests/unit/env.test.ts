import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("defaults to the embedded database on port 3000", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.BATON_DATA_DIR).toBe(".baton");
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ PORT: "http" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ AUTH_SECRET: "short" }, "AUTH_SECRET"],
    [{ BATON_SECRET_KEY: "short" }, "BATON_SECRET_KEY"],
    [{ BATON_ADMIN_EMAIL: "not-an-email", BATON_ADMIN_PASSWORD: "long enough password" }, "BATON_ADMIN_EMAIL"],
    [{ BATON_ADMIN_EMAIL: "a@example.com" }, "BATON_ADMIN_PASSWORD"],
    [{ BATON_ADMIN_EMAIL: "a@example.com", BATON_ADMIN_PASSWORD: "short" }, "BATON_ADMIN_PASSWORD"],
    [{ BATON_ADMIN_EMAIL: "a@example.com", BATON_ADMIN_PASSWORD: "long enough password", BATON_ADMIN_TOKEN: "too-short" }, "BATON_ADMIN_TOKEN"],
    [{ BATON_ADMIN_TOKEN: "x".repeat(40) }, "BATON_ADMIN_EMAIL"],
    [{ BATON_PUBLIC_URL: "not a url" }, "BATON_PUBLIC_URL"],
  ])("refuses %o with one line naming %s", (source, name) => {
    let caught: unknown;
    try {
      parseEnv(source);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    const message = (caught as Error).message;
    expect(message).toContain(`Invalid environment variable ${name}:`);
    expect(message).not.toContain("\n");
  });

  it("accepts a complete automated-install configuration", () => {
    const env = parseEnv({
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/baton",
      BATON_ADMIN_EMAIL: "ops@example.com",
      BATON_ADMIN_PASSWORD: "correct horse battery",
      BATON_ADMIN_TOKEN: "t".repeat(32),
      PORT: "8080",
    });
    expect(env.PORT).toBe(8080);
    expect(env.BATON_ADMIN_TOKEN).toHaveLength(32);
  });
});
