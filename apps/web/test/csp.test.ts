import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, GCS_ORIGIN, storageOriginsFor } from '../src/lib/csp';

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );

describe('page Content-Security-Policy', () => {
  it('runs only own or nonce-bearing scripts, no eval in production, no plugins, no framing', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'abc123', development: false, storageOrigins: [] }));
    expect(policy['script-src']).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'self'"]);
    expect(policy['form-action']).toEqual(["'self'"]);
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy['connect-src']).toEqual(["'self'"]);
  });

  it('allows eval only under next dev', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'n', development: true, storageOrigins: [] }));
    expect(policy['script-src']).toContain("'unsafe-eval'");
  });

  it('lets GCS serve images, video and document previews and take uploads, and nothing else from it', () => {
    const origins = storageOriginsFor('gcs', 'http://localhost:3000');
    expect(origins).toEqual([GCS_ORIGIN]);
    const policy = directives(contentSecurityPolicy({ nonce: 'n', development: false, storageOrigins: origins }));
    for (const name of ['img-src', 'media-src', 'connect-src', 'frame-src']) expect(policy[name]).toContain(GCS_ORIGIN);
    for (const name of ['script-src', 'style-src', 'default-src', 'font-src']) {
      expect(policy[name]).not.toContain(GCS_ORIGIN);
    }
  });

  it('names the APP_URL origin that local storage URLs are built on, and no external host', () => {
    expect(storageOriginsFor('local', 'http://localhost:3000/')).toEqual(['http://localhost:3000']);
    expect(storageOriginsFor('local', 'not a url')).toEqual([]);
  });
});
