import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, registerOwner, type TestApp } from '../src/testing';
import { freshIp, RELAXED_LIMITS } from './helpers';
import { insertMediaRow, pngBytes, storeObject } from './media-helpers';

let app: TestApp;
let owner: Awaited<ReturnType<typeof registerOwner>>;

beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  owner = await registerOwner(app);
});
afterAll(() => app.close());

const caller = () => app.call({ token: owner.token, idempotencyKey: randomUUID(), ip: freshIp() }).caller;

describe('auth.me avatarUrl (the account menu and profile page show it)', () => {
  it('is null until an avatar is set, a read URL of the image while set, and null again once cleared', async () => {
    expect((await caller().auth.me()).avatarUrl).toBeNull();
    const photo = await insertMediaRow(app, owner.storeId, {
      kind: 'user',
      mimeType: 'image/png',
      userId: owner.userId,
    });
    await storeObject(app, photo.objectKey, 'image/png', pngBytes(8));
    await caller().auth.setAvatar({ mediaId: photo.id });
    expect((await caller().auth.me()).avatarUrl).toContain(photo.objectKey);
    await caller().auth.setAvatar({ mediaId: null });
    expect((await caller().auth.me()).avatarUrl).toBeNull();
  });
});
