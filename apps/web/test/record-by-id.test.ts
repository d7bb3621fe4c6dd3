import { uuidSchema } from '@pf/domain';
import { describe, expect, it } from 'vitest';
import { recordById } from '@/lib/record-by-id';

/** Stands in for an API `get`: refuses a malformed id as bad input, as the tRPC input schema does. */
function apiGet(records: Record<string, string>) {
  const calls: string[] = [];
  const load = async (id: string) => {
    calls.push(id);
    if (!uuidSchema.safeParse(id).success) throw Object.assign(new Error('bad input'), { code: 'BAD_REQUEST' });
    const record = records[id];
    if (!record) throw Object.assign(new Error('gone'), { code: 'NOT_FOUND' });
    return record;
  };
  return { load, calls };
}

const KNOWN = '0b7f6d3e-2a4c-4e8b-9f10-3c5d7e9a1b2c';

describe('recordById (the [id] pages: admin license review, vendor product editor, buyer product)', () => {
  it('answers null, without asking the API, for ids of the uuid shape the API still refuses', async () => {
    // Hex in 8-4-4-4-12 groups, as the pages once accepted, but with a variant or version the API refuses.
    for (const id of ['12345678-1234-1234-1234-123456789abc', '0b7f6d3e-2a4c-9e8b-9f10-3c5d7e9a1b2c']) {
      const api = apiGet({});
      expect(await recordById(id, api.load)).toBeNull();
      expect(api.calls).toEqual([]);
    }
    for (const id of ['not-an-id', '', `${KNOWN}x`]) expect(await recordById(id, apiGet({}).load)).toBeNull();
  });

  it('answers the record, null for NOT_FOUND, and lets any other failure through', async () => {
    const api = apiGet({ [KNOWN]: 'the license' });
    expect(await recordById(KNOWN, api.load)).toBe('the license');
    expect(await recordById('9d5c1b7a-3e2f-4a6b-8c9d-0e1f2a3b4c5d', api.load)).toBeNull();
    const broken = async () => Promise.reject(Object.assign(new Error('db down'), { code: 'SERVICE_UNAVAILABLE' }));
    await expect(recordById(KNOWN, broken)).rejects.toThrow('db down');
  });
});
