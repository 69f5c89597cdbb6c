import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/database/is-database-unavailable";
import { problemResponse } from "@/lib/http/problem";

const adapterError = (cause: Record<string, unknown>, code = "P2010") =>
  Object.assign(new Error("Raw query failed"), { code, meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });

describe("isDatabaseUnavailable", () => {
  it("recognises a database that cannot be reached, as Prisma and its pg adapter report it", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" }))).toBe(true);
    expect(isDatabaseUnavailable(adapterError({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }))).toBe(true);
    expect(isDatabaseUnavailable(adapterError({ kind: "ConnectionClosed" }))).toBe(true);
    expect(isDatabaseUnavailable(adapterError({ kind: "TooManyConnections", cause: "sorry, too many clients already" }))).toBe(true);
    expect(isDatabaseUnavailable(adapterError({ kind: "postgres", code: "57P01", message: "terminating connection due to administrator command" }))).toBe(true);
    expect(isDatabaseUnavailable(adapterError({ kind: "postgres", code: "57P03", message: "the database system is shutting down" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
    // A raw query ($executeRaw) rejects with the adapter's own error, its SQLSTATE on `cause` — seen when PostgreSQL restarts under load.
    const bareAdapterError = Object.assign(new Error("terminating connection due to administrator command"), { name: "DriverAdapterError" });
    Object.defineProperty(bareAdapterError, "cause", { value: { originalCode: "57P01", kind: "postgres", code: "57P01", message: "terminating connection" } });
    expect(isDatabaseUnavailable(bareAdapterError)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("wrapped"), { cause: Object.assign(new Error("x"), { cause: { kind: "ConnectionClosed" } }) }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" }))).toBe(
      true,
    );
  });

  it("leaves query errors alone", () => {
    expect(isDatabaseUnavailable(adapterError({ kind: "UniqueConstraintViolation" }, "P2002"))).toBe(false);
    expect(isDatabaseUnavailable(adapterError({ kind: "postgres", code: "57014", message: "canceling statement due to statement timeout" }))).toBe(false);
    expect(isDatabaseUnavailable(adapterError({ kind: "postgres", code: "22P02", message: "invalid input syntax" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it("makes a 503 problem with Retry-After instead of a 500", async () => {
    const response = problemResponse(adapterError({ kind: "DatabaseNotReachable" }, "P1001"));
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("retry-after")).toBe("1");
    expect(await response.json()).toMatchObject({ type: "urn:baton:problem:unavailable", status: 503 });
  });
});
