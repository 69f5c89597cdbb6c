import ipaddr from "ipaddr.js";
import { env, type Env } from "@/lib/env";
import { AppError } from "@/lib/kernel/errors";

export const ALLOW_PRIVATE_SETTING = "BATON_ALLOW_PRIVATE_NETWORKS";

/**
 * The special-purpose range an IP address falls in (`loopback`, `private`, `linkLocal`, …), or null for a
 * public unicast address. IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
 */
export function nonPublicRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return null;
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range !== "unicast") return range;
  // ::a.b.c.d, the deprecated IPv4-compatible form, which ipaddr.js files under unicast.
  if (parsed.kind() === "ipv6" && parsed.match(IPV4_COMPATIBLE)) return "ipv4Compatible";
  return null;
}

const IPV4_COMPATIBLE = ipaddr.parseCIDR("::/96");

/**
 * The one private-network rule for every outbound request Baton makes (webhooks, chat messages, workload
 * issuers' discovery and keys, SSF push): BATON_ALLOW_PRIVATE_NETWORKS, or its old name when it is unset.
 */
export function allowsPrivateNetworks(settings: Pick<Env, "BATON_ALLOW_PRIVATE_NETWORKS" | "BATON_WEBHOOKS_ALLOW_PRIVATE_NETWORKS"> = env()): boolean {
  return (settings.BATON_ALLOW_PRIVATE_NETWORKS ?? settings.BATON_WEBHOOKS_ALLOW_PRIVATE_NETWORKS) === "on";
}

/** Why a delivery to this host was refused, in words an admin reading the delivery log can act on. */
export function refusedAddressMessage(host: string, address: string, range: string): string {
  const where = host === address ? address : `${host} (${address})`;
  return `Refused to send to ${where}: a ${range} address. Outbound requests go to public addresses only unless ${ALLOW_PRIVATE_SETTING}=on`;
}

/**
 * The host an outbound URL reaches, in one spelling. The URL parser has already lowercased it, mapped it
 * through IDNA (ｌｏｃａｌｈｏｓｔ is localhost) and expanded every IPv4 shorthand (127.1, 0x7f.1,
 * 2130706433 and 0177.0.0.1 are 127.0.0.1); trailing dots go too — a resolver ignores them — and what is
 * left is parsed again, since `127.1..` is no address to the parser but is 127.0.0.1 without its dots.
 */
export function outboundHost(url: string | URL): string {
  const host = new URL(url).hostname.replace(/\.+$/, "");
  const reparsed = URL.canParse(`http://${host}`) ? new URL(`http://${host}`).hostname : host;
  return reparsed.replace(/^\[|\]$/g, "");
}

/** The non-public range a normalised host visibly is in: `localhost` and its subdomains, or an IP literal's range. */
export function hostRange(host: string): string | null {
  return host === "localhost" || host.endsWith(".localhost") ? "loopback" : nonPublicRange(host);
}

/**
 * Refuses a webhook URL whose host is visibly internal — an IP literal in a private, loopback or
 * link-local range (such as the cloud metadata address), or `localhost`, in any spelling (see
 * outboundHost) — when it is registered.
 * Names that resolve to such addresses are refused when a delivery connects (see outbound-fetch.ts).
 */
export function assertPublicWebhookUrl(url: string, field: string, allowPrivate = allowsPrivateNetworks()): void {
  if (allowPrivate) return;
  const range = hostRange(outboundHost(url));
  if (!range) return;
  const message = `must point to a public address, not a ${range} one (set ${ALLOW_PRIVATE_SETTING}=on to allow internal receivers)`;
  throw new AppError("BAD_REQUEST", `${field}: ${message}`, { errors: [{ field, message }] });
}
