import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const complete = { AUTH_OIDC_ISSUER: "https://idp.example.com/realms/ops", AUTH_OIDC_CLIENT_ID: "baton", AUTH_OIDC_CLIENT_SECRET: "s3cret" };

describe("single sign-on settings", () => {
  it("are off when none is set, with the default claim names", () => {
    const env = parseEnv({ AUTH_OIDC_ROLE_CLAIM: "" });
    expect(env.AUTH_OIDC_ISSUER).toBeUndefined();
    expect(env.AUTH_OIDC_ROLE_CLAIM).toBe("baton_role");
    expect(env.AUTH_OIDC_GROUPS_CLAIM).toBe("groups");
  });

  it("are accepted complete, with claim names of one's own", () => {
    const env = parseEnv({ ...complete, AUTH_OIDC_ROLE_CLAIM: "https://baton.example/role", AUTH_OIDC_GROUPS_CLAIM: "cognito:groups" });
    expect(env).toMatchObject({ ...complete, AUTH_OIDC_ROLE_CLAIM: "https://baton.example/role", AUTH_OIDC_GROUPS_CLAIM: "cognito:groups" });
  });

  it.each([
    [{ AUTH_OIDC_ISSUER: complete.AUTH_OIDC_ISSUER }, "Invalid environment variable AUTH_OIDC_CLIENT_ID: is required when AUTH_OIDC_ISSUER is set"],
    [
      { AUTH_OIDC_CLIENT_ID: "baton", AUTH_OIDC_CLIENT_SECRET: "s3cret" },
      "Invalid environment variable AUTH_OIDC_ISSUER: is required when AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET are set",
    ],
    [
      { ...complete, AUTH_OIDC_CLIENT_SECRET: " " },
      "Invalid environment variable AUTH_OIDC_CLIENT_SECRET: is required when AUTH_OIDC_ISSUER and AUTH_OIDC_CLIENT_ID are set",
    ],
    [{ ...complete, AUTH_OIDC_ISSUER: "idp.example.com" }, "Invalid environment variable AUTH_OIDC_ISSUER: must be an absolute http(s) URL"],
    [{ ...complete, AUTH_OIDC_ROLE_CLAIM: "role claim" }, "Invalid environment variable AUTH_OIDC_ROLE_CLAIM: must be a claim name such as baton_role"],
  ])("refuse a partial or malformed set in one line: %o", (source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
  });
});
