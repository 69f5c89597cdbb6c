import dns, { type LookupAddress } from "node:dns";
import { Agent, fetch as undiciFetch } from "undici";
import { allowsPrivateNetworks, hostRange, nonPublicRange, outboundHost, refusedAddressMessage } from "./outbound-address";

/** The non-public range of a host or address, or null when it is public (replaceable so a test can treat its receiver as public). */
type RangeOf = (address: string) => string | null;
type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

class RefusedAddressError extends Error {
  override name = "RefusedAddressError";
}

/**
 * Resolves as usual, then refuses the connection if any address the name resolves to is not public.
 * Checking at connect time, on the addresses actually dialled, also defeats a name that resolves to a
 * public address when registered and to an internal one later (DNS rebinding).
 */
function publicOnlyLookup(rangeOf: RangeOf) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      for (const { address } of addresses) {
        const range = rangeOf(address);
        if (range) return callback(new RefusedAddressError(refusedAddressMessage(hostname, address, range)), []);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/**
 * The fetch that webhook and chat deliveries use. Unless private networks are allowed, it reaches public
 * addresses only: an IP literal or a localhost name, in any spelling, is checked before connecting (no
 * lookup happens for one), and any other name on every connection it opens.
 */
export function createOutboundFetch(options: { allowPrivateNetworks: boolean; rangeOf?: RangeOf }): typeof fetch {
  if (options.allowPrivateNetworks) return fetch;
  const rangeOf = options.rangeOf ?? nonPublicRange;
  const hostRangeOf = options.rangeOf ?? hostRange;
  const dispatcher = new Agent({ connect: { lookup: publicOnlyLookup(rangeOf) } });
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const literal = outboundHost(url);
    const range = hostRangeOf(literal);
    if (range) throw new RefusedAddressError(refusedAddressMessage(literal, literal, range));
    try {
      return await undiciFetch(url, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher });
    } catch (error) {
      // undici reports a refused lookup as "fetch failed" with the reason as its cause: surface the reason.
      const cause = (error as { cause?: unknown }).cause;
      throw cause instanceof RefusedAddressError ? cause : error;
    }
  }) as unknown as typeof fetch;
}

let shared: typeof fetch | undefined;
/** The outbound fetch under this process's setting. */
export function outboundFetch(): typeof fetch {
  return (shared ??= createOutboundFetch({ allowPrivateNetworks: allowsPrivateNetworks() }));
}
