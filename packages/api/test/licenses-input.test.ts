import { randomUUID } from 'node:crypto';
import type { CreateLicenseInput } from '@pf/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, failureOf, registerOwner, type TestApp } from '../src/testing';
import { freshIp, RELAXED_LIMITS } from './helpers';
import { insertMedia, licenseFootprint, licenseInput } from './license-helpers';

let app: TestApp;
let owner: Awaited<ReturnType<typeof registerOwner>>;
let otherStore: Awaited<ReturnType<typeof registerOwner>>;
beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  owner = await registerOwner(app);
  otherStore = await registerOwner(app);
});
afterAll(() => app.close());

const create = (input: unknown, idempotencyKey: string = randomUUID()) =>
  app.call({ token: owner.token, idempotencyKey, ip: freshIp() }).caller.licenses.create(input as CreateLicenseInput);

const ownMedia = async () => (await insertMedia(app, owner.storeId)).id;

interface Case {
  name: string;
  input: () => Promise<unknown>;
  code: string;
  path?: string;
  message?: string;
}

const cases: Case[] = [
  {
    name: 'unknown license type',
    input: async () => ({ ...licenseInput(await ownMedia()), type: 'cultivator' }),
    code: 'VALIDATION_ERROR',
    path: 'type',
  },
  {
    name: 'issuing state that is not a US state code',
    input: async () => ({ ...licenseInput(await ownMedia()), issuingState: 'XX' }),
    code: 'VALIDATION_ERROR',
    path: 'issuingState',
  },
  {
    name: 'expiration before the issue date',
    input: async () => licenseInput(await ownMedia(), { issueDate: '2030-05-01', expirationDate: '2030-04-30' }),
    code: 'VALIDATION_ERROR',
    path: 'expirationDate',
  },
  {
    name: 'expiration date already passed',
    input: async () => licenseInput(await ownMedia(), { issueDate: '2019-01-01', expirationDate: '2020-01-01' }),
    code: 'VALIDATION_ERROR',
    path: 'expirationDate',
  },
  {
    name: 'blank license number',
    input: async () => licenseInput(await ownMedia(), { number: '   ' }),
    code: 'VALIDATION_ERROR',
    path: 'number',
  },
  {
    name: 'unknown field',
    input: async () => ({ ...licenseInput(await ownMedia()), status: 'verified' }),
    code: 'VALIDATION_ERROR',
    path: 'status',
  },
  { name: 'media that does not exist', input: async () => licenseInput(randomUUID()), code: 'NOT_FOUND' },
  {
    name: 'media of another store',
    input: async () => licenseInput((await insertMedia(app, otherStore.storeId)).id),
    code: 'NOT_FOUND',
  },
  {
    name: 'media still uploading',
    input: async () => licenseInput((await insertMedia(app, owner.storeId, { status: 'pending' })).id),
    code: 'STATE_CONFLICT',
    message: 'media not ready',
  },
  {
    name: 'a video',
    input: async () => licenseInput((await insertMedia(app, owner.storeId, { mimeType: 'video/mp4' })).id),
    code: 'UNSUPPORTED_MEDIA_TYPE',
    path: 'mediaId',
  },
];

describe.each(cases)('licenses.create with $name', ({ input, code, path, message }) => {
  it(`answers ${code} and stores nothing`, async () => {
    const request = await input();
    const before = await licenseFootprint(app);
    const failure = await failureOf(create(request));
    expect(failure.code).toBe(code);
    if (path) expect(failure.violations.map((violation) => violation.path)).toContain(path);
    if (message) expect(failure.message).toBe(message);
    expect(await licenseFootprint(app)).toEqual(before);
  });
});

describe('duplicates', () => {
  const createFor = (store: typeof owner, input: CreateLicenseInput) =>
    app.call({ token: store.token, idempotencyKey: randomUUID(), ip: freshIp() }).caller.licenses.create(input);

  it('another store may hold the same number: numbers are unique per store (DOMAIN §12.E6)', async () => {
    const mine = await create(licenseInput(await ownMedia()));
    const theirs = await createFor(
      otherStore,
      licenseInput((await insertMedia(app, otherStore.storeId)).id, { number: mine.number.toLowerCase() }),
    );
    expect(theirs).toMatchObject({ status: 'pending', number: mine.number.toLowerCase() });
    // A third store probing numbers learns nothing either: its submission is simply accepted.
    const prober = await registerOwner(app);
    const probe = licenseInput((await insertMedia(app, prober.storeId)).id, { number: mine.number });
    expect(await createFor(prober, probe)).toMatchObject({ status: 'pending', number: mine.number });
  });

  it('a license number already on file (any letter case) is a CONFLICT on number, never a 500', async () => {
    const first = licenseInput(await ownMedia());
    await create(first);
    const again = licenseInput(await ownMedia(), { number: first.number.toLowerCase() });
    const before = await licenseFootprint(app);
    const failure = await failureOf(create(again));
    expect(failure).toMatchObject({ code: 'CONFLICT', violations: [{ path: 'number' }] });
    expect(await licenseFootprint(app)).toEqual(before);
  });

  it('a document already backing a license is a CONFLICT on mediaId', async () => {
    const mediaId = await ownMedia();
    await create(licenseInput(mediaId));
    const before = await licenseFootprint(app);
    const failure = await failureOf(create(licenseInput(mediaId)));
    expect(failure).toMatchObject({ code: 'CONFLICT', violations: [{ path: 'mediaId' }] });
    expect(await licenseFootprint(app)).toEqual(before);
  });

  it('a repeated Idempotency-Key replays the first license instead of submitting twice', async () => {
    const input = licenseInput(await ownMedia());
    const key = randomUUID();
    const first = await create(input, key);
    const before = await licenseFootprint(app);
    // The replay re-reads the license (refreshOnReplay): the same license, with a document link signed anew,
    // whose expiry moves on if a second has passed (replay-fresh-links.test.ts).
    const pathOf = (url: string | null) => url?.split('?')[0];
    const replay = await create(input, key);
    expect({ ...replay, documentUrl: pathOf(replay.documentUrl) }).toEqual({
      ...first,
      documentUrl: pathOf(first.documentUrl),
    });
    expect(await licenseFootprint(app)).toEqual(before);
  });
});
