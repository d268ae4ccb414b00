import { randomBytes } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import { BlockList, isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

// Next.js gives route handlers no socket, and it fills X-Forwarded-For from the socket only when the client
// sent none — so that header alone can be anything a client likes. Every request therefore gets the TCP
// peer's address stamped into a header of our own as it arrives, signed with a secret of this process
// (kept on globalThis, because instrumentation and route handlers are separate bundles): a client cannot
// forge it, and a request that arrived before the stamping began simply has no peer.
const PEER_HEADER = 'x-modelgate-peer';
const SECRET_KEY = Symbol.for('modelgate.peerSecret');

function processSecret(): string {
  const holder = globalThis as { [SECRET_KEY]?: string };
  holder[SECRET_KEY] ??= randomBytes(16).toString('hex');
  return holder[SECRET_KEY];
}

let stamping = false;

/** Called once per server process (instrumentation.ts): stamps each incoming request with its TCP peer. */
export function stampPeerAddresses(): void {
  if (stamping) return;
  stamping = true;
  const secret = processSecret();
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_HEADER] = `${secret} ${socket.remoteAddress ?? ''}`;
  });
}

type Headers = Record<string, unknown> | undefined;

function header(headers: Headers, name: string): string | undefined {
  const value = headers?.[name];
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
}

/** ::ffff:10.0.0.1 and 10.0.0.1 are one client. */
function normalise(address: string): string {
  const trimmed = address.trim();
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(trimmed) ? trimmed.slice(7) : trimmed;
}

function peerOf(headers: Headers): string | null {
  const stamped = header(headers, PEER_HEADER);
  const [secret, address] = stamped?.split(' ') ?? [];
  return secret === processSecret() && address && isIP(normalise(address)) ? normalise(address) : null;
}

type TrustedProxies = { hops: number } | { list: BlockList } | null;

/**
 * MODELGATE_TRUSTED_PROXIES: the proxies in front of Modelgate whose X-Forwarded-For may be believed —
 * either a number of hops ("1": one load balancer) or a comma-separated list of addresses and CIDR ranges
 * ("10.0.0.0/8, 192.168.1.7"). Unset: X-Forwarded-For is ignored and the TCP peer is the client.
 */
export function parseTrustedProxies(spec: string | undefined): TrustedProxies {
  const text = spec?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return { hops: Number(text) };
  const list = new BlockList();
  for (const entry of text.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [address = '', bits] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (!isIP(address)) throw new Error(`MODELGATE_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range.`);
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return { list };
}

/**
 * The client's address: the TCP peer, or — when the peer is a trusted proxy — the nearest address in
 * X-Forwarded-For that is not one, read from the right (each proxy appends what it saw; anything further
 * left was written by the client). Null when the peer is unknown.
 */
export function clientAddress(headers: Headers, env: NodeJS.ProcessEnv = process.env): string | null {
  const peer = peerOf(headers);
  if (!peer) return null;
  const trusted = parseTrustedProxies(env.MODELGATE_TRUSTED_PROXIES);
  if (!trusted) return peer;
  const chain = (header(headers, 'x-forwarded-for') ?? '').split(',').map(normalise).filter(Boolean);
  let address = peer;
  for (let hop = 0; chain.length > 0; hop++) {
    const isTrusted = 'hops' in trusted ? hop < trusted.hops : trusted.list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
    if (!isTrusted) break;
    const next = chain.pop()!;
    // A trusted proxy passed on something that is not an address: the proxy is the best we know.
    if (!isIP(next)) break;
    address = next;
  }
  return address;
}

/** For tests: headers as a request stamped by this process from `peer` would carry them. */
export function stampedHeaders(peer: string, headers: Record<string, string> = {}): Record<string, string> {
  return { ...headers, [PEER_HEADER]: `${processSecret()} ${peer}` };
}
