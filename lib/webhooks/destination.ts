import { lookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/*
 * Where webhooks may be sent. An admin types the URL, but the request leaves from inside the network, so a
 * URL must not reach what only the server can reach: loopback, private and carrier-grade-NAT ranges,
 * link-local (169.254.169.254 is the cloud metadata service), unique-local IPv6 (fd00:ec2::254 is AWS's),
 * multicast, reserved and unspecified addresses — every range ipaddr.js does not call public unicast.
 * The check runs where the connection is made, on the addresses DNS returned for that connection, so a name
 * that resolved to a public address when the hook was saved and to 127.0.0.1 now (DNS rebinding) is refused.
 * Operators who do run receivers on internal networks list those networks in
 * MODELGATE_WEBHOOK_ALLOWED_NETWORKS (comma-separated addresses or CIDR ranges, e.g. "10.20.0.0/16").
 */

type Address = ipaddr.IPv4 | ipaddr.IPv6;

const RANGE_NAMES: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private address',
  linkLocal: 'a link-local address (cloud metadata services live here)',
  uniqueLocal: 'a unique-local address (cloud metadata services live here)',
  carrierGradeNat: 'a carrier-grade NAT address',
  unspecified: 'the unspecified address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
};

let allowedCache: { source: string; networks: [Address, number][] } | undefined;

/** The operator's allowed networks, parsed once per value of the variable. */
function allowedNetworks(): [Address, number][] {
  const source = process.env.MODELGATE_WEBHOOK_ALLOWED_NETWORKS ?? '';
  if (allowedCache?.source !== source) {
    const networks = source
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
      .map((entry): [Address, number] => {
        if (ipaddr.isValidCIDR(entry)) return ipaddr.parseCIDR(entry);
        if (ipaddr.isValid(entry)) {
          const address = ipaddr.parse(entry);
          return [address, address.kind() === 'ipv4' ? 32 : 128];
        }
        throw new Error(`MODELGATE_WEBHOOK_ALLOWED_NETWORKS: "${entry}" is neither an IP address nor a CIDR range.`);
      });
    allowedCache = { source, networks };
  }
  return allowedCache.networks;
}

/** Why webhooks may not connect to this IP address, or null when they may. */
export function refusedAddressReason(text: string): string | null {
  if (!ipaddr.isValid(text)) return 'not an IP address';
  // ::ffff:127.0.0.1 is 127.0.0.1.
  const address: Address = ipaddr.process(text);
  if (allowedNetworks().some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits))) return null;
  const range = address.range();
  if (range === 'unicast') return null;
  return RANGE_NAMES[range] ?? `a reserved address (${range})`;
}

export class RefusedDestinationError extends Error {
  override name = 'RefusedDestinationError';
}

function refusal(host: string, address: string, reason: string): RefusedDestinationError {
  const what = host === address ? `${host} is ${reason}` : `${host} resolves to ${address}, ${reason}`;
  return new RefusedDestinationError(`${what}: webhooks are not sent there unless MODELGATE_WEBHOOK_ALLOWED_NETWORKS allows it.`);
}

/** dns.lookup for webhook connections: every address the name resolves to must be allowed, or none is used. */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    for (const { address } of addresses) {
      const reason = refusedAddressReason(address);
      if (reason) return callback(refusal(hostname, address, reason), '', 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const [first] = addresses;
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
    callback(null, first.address, first.family);
  });
};

/** The host of an http(s) URL as an IP address when it is written as one ("[::1]" → "::1"), else null. */
function literalAddress(url: URL): string | null {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return isIP(host) ? host : null;
}

/** Refuses a URL whose host is written as a refused address; names are checked when they are resolved. */
export function assertLiteralHostAllowed(url: URL): void {
  const address = literalAddress(url);
  const reason = address && refusedAddressReason(address);
  if (address && reason) throw refusal(address, address, reason);
}

/**
 * Why a webhook URL would be refused, or null when it is acceptable now: http(s), no credentials in it (the
 * URL is shown to admins and kept in the audit log), and a host that is — or resolves to — allowed addresses.
 * A name that does not resolve from here is refused; one whose lookup fails for another reason (no DNS
 * right now) is accepted, since every delivery checks again.
 */
export async function webhookUrlProblem(text: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Give an http(s) URL.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Give an http(s) URL.';
  if (url.username || url.password) {
    return 'Webhook URLs may not contain a user name or password (admins and the audit log see the URL); receivers verify X-Modelgate-Signature instead.';
  }
  try {
    assertLiteralHostAllowed(url);
    if (literalAddress(url)) return null;
    await new Promise<void>((resolve, reject) => guardedLookup(url.hostname, { all: true }, (error) => (error ? reject(error) : resolve())));
    return null;
  } catch (error) {
    if (error instanceof RefusedDestinationError) return error.message;
    if ((error as NodeJS.ErrnoException).code === 'ENOTFOUND') return `${url.hostname} does not resolve to any address.`;
    return null;
  }
}
