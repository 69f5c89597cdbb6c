import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTES, route } from "@/lib/api/route-table";

// Read as text rather than imported: a handler module pulls in the database client and the environment.
const API_ROOT = path.join(import.meta.dirname, "../../app/api/v1");
// Serves the document built from ROUTES, so it is no entry of its own.
const OUTSIDE_THE_TABLE = new Set(["/api/v1/openapi.json"]);
const HTTP_METHODS = "GET|POST|PUT|PATCH|DELETE";

function routeFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** `app/api/v1/admin/agents/[id]/keys/route.ts` → `/api/v1/admin/agents/{id}/keys` */
const apiPathOf = (file: string) =>
  `/api/v1${path
    .dirname(path.relative(API_ROOT, file))
    .replace(/^\.$/, "")
    .replace(/\[(\w+)\]/g, "{$1}")
    .replace(/^(?=.)/, "/")}`;

const handlers = routeFiles(API_ROOT).map((file) => {
  const source = readFileSync(file, "utf8");
  return {
    file: path.relative(process.cwd(), file),
    path: apiPathOf(file),
    source,
    exported: [...source.matchAll(new RegExp(`export (?:const|async function|function) (${HTTP_METHODS})\\b`, "g"))].map((match) => match[1]!).sort(),
  };
});
const declaredMethodsOf = (apiPath: string) =>
  ROUTES.filter((spec) => spec.path === apiPath)
    .map((spec) => spec.method.toUpperCase())
    .sort();

describe("ROUTES and the handlers under app/api/v1", () => {
  it("finds the route files", () => {
    expect(handlers.length).toBeGreaterThan(30);
  });

  it.each(handlers.filter((handler) => !OUTSIDE_THE_TABLE.has(handler.path)).map((handler) => [handler.file, handler] as const))(
    "%s exports exactly the methods the table declares for its path",
    (_, handler) => {
      expect(handler.exported).toEqual(declaredMethodsOf(handler.path));
    },
  );

  it("every table entry has a handler file exporting its method", () => {
    const exportedByPath = new Map(handlers.map((handler) => [handler.path, handler.exported]));
    const missing = ROUTES.filter((spec) => !exportedByPath.get(spec.path)?.includes(spec.method.toUpperCase())).map((spec) => `${spec.method} ${spec.path}`);
    expect(missing).toEqual([]);
  });

  it.each(handlers.map((handler) => [handler.file, handler] as const))("%s takes every spec from the table, for its own method and path", (_, handler) => {
    // Each wrapped handler starts `apiRoute(route("<its method>", "<its path>")`; an inline spec would be a second declaration.
    for (const [, method, call] of handler.source.matchAll(new RegExp(`export const (${HTTP_METHODS}) = apiRoute\\(([^)]*\\))`, "g")))
      expect(call, `${method} in ${handler.file}`).toBe(`route("${method!.toLowerCase()}", "${handler.path}")`);
    for (const [, method, routePath] of handler.source.matchAll(/\broute\("(\w+)", "([^"]+)"\)/g)) {
      expect(routePath).toBe(handler.path);
      expect(handler.exported).toContain(method!.toUpperCase());
    }
  });

  it("declares one params schema field per path parameter", () => {
    for (const spec of ROUTES) {
      const names = [...spec.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      expect(Object.keys(spec.params?.shape ?? {}).sort(), `${spec.method} ${spec.path}`).toEqual(names);
    }
  });

  it("route() refuses a method and path the table does not declare", () => {
    expect(() => route("delete" as "get", "/api/v1/scopes")).toThrow("No route DELETE /api/v1/scopes in ROUTES");
    expect(route("post", "/api/v1/admin/agents")).toBe(ROUTES.find((spec) => spec.method === "post" && spec.path === "/api/v1/admin/agents"));
  });
});
