import { randomUUID } from 'node:crypto';
import type { LicenseQueueQuery } from '@pf/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, registerOwner, type TestApp } from '../src/testing';
import { freshIp, RELAXED_LIMITS } from './helpers';
import { insertMedia, licenseInput, signUpAdmin } from './license-helpers';

let app: TestApp;
let admin: string;
/** Submitted in this order: a Colorado vendor (2 licenses), an Oklahoma buyer, one already rejected. */
const ids: Record<'vendorFirst' | 'buyer' | 'vendorSecond' | 'rejected', string> = {
  vendorFirst: '',
  buyer: '',
  vendorSecond: '',
  rejected: '',
};
let vendorStoreId: string;

const as = (token: string) => app.call({ token, idempotencyKey: randomUUID(), ip: freshIp() }).caller;
const queue = (input: Partial<LicenseQueueQuery> = {}) => as(admin).admin.licenses.queue(input);
const idsOf = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  admin = (await signUpAdmin(app)).token;
  const vendor = await registerOwner(app, { companyName: 'Green Valley Farms', storeType: 'vendor' });
  const buyer = await registerOwner(app, { companyName: 'Main Street Dispensary', storeType: 'buyer' });
  vendorStoreId = vendor.storeId;
  const submit = async (store: typeof vendor, overrides: Parameters<typeof licenseInput>[1]) => {
    const document = await insertMedia(app, store.storeId, { withBytes: true });
    return (await as(store.token).licenses.create(licenseInput(document.id, overrides))).id;
  };
  ids.vendorFirst = await submit(vendor, { issuingState: 'CO', number: 'CO-GROW-0001' });
  ids.buyer = await submit(buyer, { issuingState: 'OK', number: 'OK-DISP-0042', type: 'dispensary' });
  ids.vendorSecond = await submit(vendor, { issuingState: 'CO', number: 'CO-GROW-0002' });
  ids.rejected = await submit(buyer, { issuingState: 'OK', number: 'OK-DISP-0099', type: 'dispensary' });
  await as(admin).admin.licenses.decide({ licenseId: ids.rejected, decision: 'rejected', reason: 'Unreadable' });
});
afterAll(() => app.close());

describe('admin.licenses.queue', () => {
  it('lists pending licenses oldest first, with the store and a document URL', async () => {
    const page = await queue();
    expect(idsOf(page)).toEqual([ids.vendorFirst, ids.buyer, ids.vendorSecond]);
    expect(page.items[0]).toMatchObject({
      status: 'pending',
      store: { id: vendorStoreId, companyName: 'Green Valley Farms', type: 'vendor', state: 'OK' },
      documentUrl: expect.any(String),
    });
  });

  it('pages by cursor without skipping or repeating', async () => {
    const first = await queue({ limit: 2 });
    const second = await queue({ limit: 2, cursor: first.nextCursor });
    expect([...idsOf(first), ...idsOf(second)]).toEqual([ids.vendorFirst, ids.buyer, ids.vendorSecond]);
    expect(second.nextCursor).toBeNull();
  });

  it('filters by status, store type and issuing state', async () => {
    expect(idsOf(await queue({ status: 'rejected' }))).toEqual([ids.rejected]);
    expect(idsOf(await queue({ storeType: 'buyer' }))).toEqual([ids.buyer]);
    expect(idsOf(await queue({ issuingState: 'CO' }))).toEqual([ids.vendorFirst, ids.vendorSecond]);
    expect(idsOf(await queue({ status: 'verified' }))).toEqual([]);
  });

  it('searches store names and license numbers, case-insensitively and with wildcards taken literally', async () => {
    expect(idsOf(await queue({ search: 'valley' }))).toEqual([ids.vendorFirst, ids.vendorSecond]);
    expect(idsOf(await queue({ search: 'disp-0042' }))).toEqual([ids.buyer]);
    expect(idsOf(await queue({ search: '%' }))).toEqual([]);
    expect(idsOf(await queue({ search: 'GROW_' }))).toEqual([]);
  });

  it('shows one license with its store to an admin', async () => {
    const license = await as(admin).admin.licenses.get({ licenseId: ids.rejected });
    expect(license).toMatchObject({ status: 'rejected', decisionReason: 'Unreadable', store: { type: 'buyer' } });
  });
});
