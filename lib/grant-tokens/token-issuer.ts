import { publicBaseUrl } from "@/lib/http/public-url";

/** `iss` of grant tokens: BATON_PUBLIC_URL, else the origin the caller reached (set it when callers reach Baton by different names). */
export function tokenIssuer(request: Request): string {
  return publicBaseUrl(request).replace(/\/+$/, "");
}
