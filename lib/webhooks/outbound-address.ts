import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export const ALLOW_PRIVATE_SETTING = "BATON_WEBHOOKS_ALLOW_PRIVATE_NETWORKS";

/**
 * The special-purpose range an IP address falls in (`loopback`, `private`, `linkLocal`, …), or null for a
 * public unicast address. IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
 */
export function nonPublicRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return null;
  const range = ipaddr.process(address).range();
  return range === "unicast" ? null : range;
}

export function allowsPrivateNetworks(): boolean {
  return env().BATON_WEBHOOKS_ALLOW_PRIVATE_NETWORKS === "on";
}

/** Why a delivery to this host was refused, in words an admin reading the delivery log can act on. */
export function refusedAddressMessage(host: string, address: string, range: string): string {
  const where = host === address ? address : `${host} (${address})`;
  return `Refused to send to ${where}: a ${range} address. Webhooks go to public addresses only unless ${ALLOW_PRIVATE_SETTING}=on`;
}

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^\[|\]$/g, "");
}

/**
 * Refuses a webhook URL whose host is visibly internal — an IP literal in a private, loopback or
 * link-local range (such as the cloud metadata address), or `localhost` — when it is registered.
 * Names that resolve to such addresses are refused when a delivery connects (see outbound-fetch.ts).
 */
export function assertPublicWebhookUrl(url: string, field: string, allowPrivate = allowsPrivateNetworks()): void {
  if (allowPrivate) return;
  const host = hostOf(url).toLowerCase();
  const range = host === "localhost" || host.endsWith(".localhost") ? "loopback" : nonPublicRange(host);
  if (!range) return;
  const message = `must point to a public address, not a ${range} one (set ${ALLOW_PRIVATE_SETTING}=on to allow internal receivers)`;
  throw new AppError("BAD_REQUEST", `${field}: ${message}`, { errors: [{ field, message }] });
}
