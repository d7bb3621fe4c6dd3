import { randomUUID } from 'node:crypto';
import { licenses, products } from '@pf/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestClock, registerOwner, type TestApp } from '../src/testing';
import { RELAXED_LIMITS } from './helpers';
import { insertMedia as insertLicenseDocument, licenseInput } from './license-helpers';
import { insertMedia, productInput } from './product-fixtures';

const clock = createTestClock();
let app: TestApp;
beforeAll(async () => {
  // COA links live one minute here, so a short step of the clock outlives them (and not the access token).
  app = await createTestApp({ ...RELAXED_LIMITS, DOWNLOAD_URL_TTL_SECONDS: '60' }, { clock });
});
afterAll(() => app.close());

/** Unix seconds at which a signed URL stops working. */
const expiryOf = (url: string | null) => Number(new URL(url ?? 'http://x/').searchParams.get('exp'));
const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);

describe('idempotent creates replayed after their links expired', () => {
  it('vendorProducts.create answers the same product with fresh signed URLs and creates nothing new', async () => {
    const owner = await registerOwner(app);
    const key = randomUUID();
    const create = () => {
      const { caller, resHeaders } = app.call({ token: owner.token, idempotencyKey: key });
      return { resHeaders, create: caller.vendorProducts.create };
    };
    const input = productInput({
      mediaIds: [await insertMedia(app, owner.storeId)],
      coaMediaId: await insertMedia(app, owner.storeId, { kind: 'coa' }),
    });
    const first = await create().create(input);
    expect(expiryOf(first.coaUrl)).toBeGreaterThan(nowSeconds());

    clock.advance(3 * 60_000);
    expect(expiryOf(first.coaUrl)).toBeLessThan(nowSeconds());
    const repeat = create();
    const replayed = await repeat.create(input);
    expect(repeat.resHeaders.get('idempotency-replayed')).toBe('true');
    expect(replayed.id).toBe(first.id);
    expect(replayed.gallery.map((item) => item.mediaId)).toEqual(first.gallery.map((item) => item.mediaId));
    expect(expiryOf(replayed.coaUrl)).toBeGreaterThan(nowSeconds());
    expect(await app.deps.db.select().from(products).where(eq(products.storeId, owner.storeId))).toHaveLength(1);
  });

  it('licenses.create answers the same license with a fresh document link and submits nothing new', async () => {
    const owner = await registerOwner(app);
    const key = randomUUID();
    const submit = () => {
      const { caller, resHeaders } = app.call({ token: owner.token, idempotencyKey: key });
      return { resHeaders, create: caller.licenses.create };
    };
    const input = licenseInput((await insertLicenseDocument(app, owner.storeId, { withBytes: true })).id);
    const first = await submit().create(input);
    expect(expiryOf(first.documentUrl)).toBeGreaterThan(nowSeconds());

    clock.advance(3 * 60_000);
    const repeat = submit();
    const replayed = await repeat.create(input);
    expect(repeat.resHeaders.get('idempotency-replayed')).toBe('true');
    expect(replayed.id).toBe(first.id);
    expect(expiryOf(replayed.documentUrl)).toBeGreaterThan(nowSeconds());
    expect(await app.deps.db.select().from(licenses).where(eq(licenses.storeId, owner.storeId))).toHaveLength(1);
  });
});
