import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as jwksRoute from "@/app/.well-known/jwks.json/route";
import * as decisionsRoute from "@/app/api/v1/decisions/route";
// @ts-expect-error -- a plain JavaScript example, without type declarations
import { startDownstreamService } from "@/examples/downstream-service.mjs";
import { serveRouteHandlers, type AdapterRoute } from "./http-adapter";
import { CRM } from "./resource-server-fixtures";

/**
 * Baton over HTTP on `routes`, and the example downstream service for the CRM audience trusting it, so a
 * token can travel from Baton to a real service. The routes the service itself calls (JWKS, decisions)
 * are always served.
 */
export async function serveBatonAndCrm(crmSecret: string, routes: AdapterRoute[]) {
  const baton = await serveRouteHandlers([
    { method: "GET", path: "/.well-known/jwks.json", handler: jwksRoute.GET },
    { method: "POST", path: "/api/v1/decisions", handler: decisionsRoute.POST },
    ...routes,
  ]);
  let crm: Server;
  try {
    crm = await startDownstreamService({ batonUrl: baton.url, secret: crmSecret, audience: CRM });
  } catch (error) {
    // Nothing is returned to close it with: a failed start must not leave Baton's port open for the run.
    await baton.close();
    throw error;
  }
  return {
    batonUrl: baton.url,
    crmUrl: `http://127.0.0.1:${(crm.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise((resolve) => crm.close(resolve));
      await baton.close();
    },
  };
}
