import { headers } from "next/headers";
import { AppError } from "@/lib/kernel/errors";

/**
 * Cookie-authenticated mutations must come from Baton's own pages. Next.js compares Origin with Host
 * only when Origin is present, so a missing or "null" Origin (sandboxed frames, some forms) is refused here.
 */
export async function assertSameOrigin(): Promise<void> {
  const h = await headers();
  const origin = h.get("origin");
  const host = h.get("x-forwarded-host") ?? h.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin && origin !== "null" ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  if (!originHost || originHost !== host) throw new AppError("FORBIDDEN", "This request did not come from a Baton page");
}
