import { env } from "@/lib/env";

/** The base for links Baton prints or returns: BATON_PUBLIC_URL, else the origin the caller reached. */
export function publicBaseUrl(request: Request): string {
  return env().BATON_PUBLIC_URL ?? new URL(request.url).origin;
}
