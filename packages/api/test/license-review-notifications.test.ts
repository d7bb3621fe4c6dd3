import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, registerOwner, type TestApp } from '../src/testing';
import { freshIp, RELAXED_LIMITS } from './helpers';
import { deliverNotifications, insertMedia, licenseInput, signUpAdmin } from './license-helpers';

/** The admins' "license submitted" request: it says who asks, and stops counting as unread once decided. */

let app: TestApp;
let admin: { token: string };
beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  admin = await signUpAdmin(app);
});
afterAll(() => app.close());

const as = (token: string) => app.call({ token, idempotencyKey: randomUUID(), ip: freshIp() }).caller;

async function submit(companyName: string) {
  const store = await registerOwner(app, { companyName });
  const document = await insertMedia(app, store.storeId, { withBytes: true });
  const license = await as(store.token).licenses.create(licenseInput(document.id));
  return { store, license };
}

const decide = (licenseId: string) => as(admin.token).admin.licenses.decide({ licenseId, decision: 'verified' });

/** The admin inbox's notifications about this license. */
async function reviewRequests(licenseId: string) {
  const { items } = await as(admin.token).notifications.list({ limit: 100 });
  return items.filter((item) => item.link === `/admin/licenses/${licenseId}`);
}

describe('the admins’ license review request', () => {
  it('names the store that submitted the license, and arrives unread', async () => {
    const { license } = await submit('Prairie Bloom Dispensary');
    await deliverNotifications(app);
    expect(await reviewRequests(license.id)).toMatchObject([
      {
        title: 'License submitted for review',
        message: 'Prairie Bloom Dispensary submitted a license for review.',
        readAt: null,
      },
    ]);
  });

  it('is marked read for the admins when an admin decides the license', async () => {
    const { license } = await submit('Cimarron Wellness');
    await deliverNotifications(app);
    const before = (await as(admin.token).notifications.unreadCount()).count;
    await decide(license.id);
    const [request] = await reviewRequests(license.id);
    expect(request?.readAt).toEqual(expect.any(String));
    expect((await as(admin.token).notifications.unreadCount()).count).toBe(before - 1);
  });

  it('arrives already read when the admin decided before it was delivered', async () => {
    const { store, license } = await submit('Red Rock Provisions');
    await decide(license.id);
    await deliverNotifications(app);
    const [request] = await reviewRequests(license.id);
    expect(request).toMatchObject({ message: 'Red Rock Provisions submitted a license for review.' });
    expect(request?.readAt).toEqual(expect.any(String));
    // The store's own "approved" notification is news to the store, and stays unread.
    const { items } = await as(store.token).notifications.list();
    expect(items).toMatchObject([{ title: 'License approved', readAt: null }]);
  });

  it('leaves other licenses’ review requests unread', async () => {
    const decided = await submit('Twin Lakes Cannabis');
    const waiting = await submit('Osage Hills Supply');
    await deliverNotifications(app);
    await decide(decided.license.id);
    expect(await reviewRequests(waiting.license.id)).toMatchObject([{ readAt: null }]);
  });
});
