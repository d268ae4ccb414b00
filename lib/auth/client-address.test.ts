import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies, stampedHeaders } from './client-address';

const env = (trusted?: string) => ({ MODELGATE_TRUSTED_PROXIES: trusted }) as unknown as NodeJS.ProcessEnv;

describe('client address', () => {
  it('is the TCP peer, whatever X-Forwarded-For says, when no proxy is trusted', () => {
    expect(clientAddress(stampedHeaders('::ffff:203.0.113.9', { 'x-forwarded-for': '1.2.3.4' }), env())).toBe('203.0.113.9');
  });

  it('is unknown for a request without our stamp, or with a forged one', () => {
    expect(clientAddress({ 'x-forwarded-for': '1.2.3.4' }, env())).toBeNull();
    expect(clientAddress({ 'x-modelgate-peer': 'guess 1.2.3.4' }, env())).toBeNull();
  });

  it('walks X-Forwarded-For from the right past trusted proxies only', () => {
    const viaProxy = stampedHeaders('10.0.0.5', { 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.0.0.9' });
    expect(clientAddress(viaProxy, env('10.0.0.0/8'))).toBe('198.51.100.7');
    // A client talking to Modelgate directly cannot claim to be someone else.
    expect(clientAddress(stampedHeaders('198.51.100.7', { 'x-forwarded-for': '6.6.6.6' }), env('10.0.0.0/8'))).toBe('198.51.100.7');
  });

  it('takes a number of hops instead of addresses', () => {
    const headers = stampedHeaders('10.0.0.5', { 'x-forwarded-for': '6.6.6.6, 198.51.100.7' });
    expect(clientAddress(headers, env('1'))).toBe('198.51.100.7');
    expect(clientAddress(headers, env('2'))).toBe('6.6.6.6');
  });

  it('refuses a configuration it cannot read', () => {
    expect(() => parseTrustedProxies('10.0.0.0/8, proxy.internal')).toThrow(/proxy\.internal/);
    expect(parseTrustedProxies(' ')).toBeNull();
  });
});
