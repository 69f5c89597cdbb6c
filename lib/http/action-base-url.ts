import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * publicBaseUrl for server actions, which have no Request: BATON_PUBLIC_URL, else the Origin the page was
 * served from — formAction has already checked that it is Baton's own.
 */
export async function actionBaseUrl(): Promise<string> {
  const origin = (await headers()).get("origin");
  const base = env().BATON_PUBLIC_URL ?? origin;
  if (!base) throw new Error("A server action ran without an Origin header; formAction should have refused it");
  return base;
}
