import { afterEach, describe, expect, it } from 'vitest';
import { refusedAddressReason, webhookUrlProblem } from './destination';

afterEach(() => {
  delete process.env.MODELGATE_WEBHOOK_ALLOWED_NETWORKS;
});

describe('webhook destination addresses', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fd00:ec2::254', 'unique-local'],
    ['100.100.100.200', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.1', 'reserved'],
    ['64:ff9b::7f00:1', 'reserved'],
  ])('refuses %s (%s)', (address, reason) => {
    expect(refusedAddressReason(address)).toContain(reason);
  });

  it.each(['8.8.8.8', '140.82.112.3', '2606:4700:4700::1111'])('allows the public address %s', (address) => {
    expect(refusedAddressReason(address)).toBeNull();
  });

  it('allows exactly the networks the operator lists', () => {
    process.env.MODELGATE_WEBHOOK_ALLOWED_NETWORKS = '10.20.0.0/16, 127.0.0.1, fd12::/16';
    expect(refusedAddressReason('10.20.3.4')).toBeNull();
    expect(refusedAddressReason('::ffff:10.20.3.4')).toBeNull();
    expect(refusedAddressReason('127.0.0.1')).toBeNull();
    expect(refusedAddressReason('fd12::9')).toBeNull();
    expect(refusedAddressReason('10.21.0.1')).toContain('private');
    expect(refusedAddressReason('127.0.0.2')).toContain('loopback');
    expect(refusedAddressReason('169.254.169.254')).toContain('link-local');
  });

  it('says which entry of a malformed setting is wrong', () => {
    process.env.MODELGATE_WEBHOOK_ALLOWED_NETWORKS = '10.0.0.0/8,intranet';
    expect(() => refusedAddressReason('10.0.0.1')).toThrow('"intranet"');
  });
});

describe('webhook URLs when saved', () => {
  it.each([
    ['ftp://files.example/x', 'http(s)'],
    ['not a url', 'http(s)'],
    ['https://u:p@hooks.example.com/', 'user name or password'],
    ['http://0x7f.1/hook', '127.0.0.1 is a loopback address'],
    ['http://[::ffff:169.254.169.254]/', 'link-local'],
    ['http://localhost:3000/', 'localhost resolves to'],
  ])('refuses %s', async (url, reason) => {
    expect(await webhookUrlProblem(url)).toContain(reason);
  });

  it('accepts a public address', async () => {
    expect(await webhookUrlProblem('https://140.82.112.3/hooks')).toBeNull();
  });
});
