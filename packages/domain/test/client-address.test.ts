import { describe, expect, it } from 'vitest';
import { clientAddress, UNKNOWN_CLIENT } from '../src';

// X-Forwarded-For as it reaches the app: the client's own claims, then one entry per proxy, the last one being
// the socket address the web server appended (apps/web/server/main.mjs).
describe('clientAddress with no trusted proxy (TRUSTED_PROXY_HOPS=0)', () => {
  it('is the socket address, whatever the client wrote into X-Forwarded-For', () => {
    expect(clientAddress('198.51.100.7', 0)).toBe('198.51.100.7');
    expect(clientAddress('6.6.6.6, 198.51.100.7', 0)).toBe('198.51.100.7');
    expect(clientAddress('1.1.1.1,2.2.2.2 , 198.51.100.7', 0)).toBe('198.51.100.7');
    expect(clientAddress('6.6.6.6', 0, '198.51.100.7')).toBe('198.51.100.7');
    expect(clientAddress(null, 0, '198.51.100.7')).toBe('198.51.100.7');
  });

  it('reads an IPv4 client on a dual-stack socket as its IPv4 address', () => {
    expect(clientAddress('::ffff:198.51.100.7', 0)).toBe('198.51.100.7');
    expect(clientAddress('2001:DB8::1', 0)).toBe('2001:db8::1');
  });

  it('counts a request with no address at all under one shared name', () => {
    expect(clientAddress(null, 0)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(' , ', 0, '')).toBe(UNKNOWN_CLIENT);
  });
});

describe('clientAddress behind one trusted proxy (TRUSTED_PROXY_HOPS=1)', () => {
  it('is the entry the proxy appended, not anything the client claimed before it', () => {
    // client 203.0.113.9 claimed 6.6.6.6; the proxy (socket 10.0.0.2) appended the client's real address.
    expect(clientAddress('6.6.6.6, 203.0.113.9, 10.0.0.2', 1)).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9, 10.0.0.2', 1)).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9', 1, '10.0.0.2')).toBe('203.0.113.9');
  });

  it('falls back to the left-most entry of a chain shorter than the hops (the proxy was bypassed)', () => {
    expect(clientAddress('10.0.0.2', 1)).toBe('10.0.0.2');
    expect(clientAddress('203.0.113.9, 10.0.0.2', 3)).toBe('203.0.113.9');
  });
});
