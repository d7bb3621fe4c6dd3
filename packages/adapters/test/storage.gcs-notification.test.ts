import { describe, expect, it } from 'vitest';
import { parseGcsFinalizeNotification } from '../src';

const KEY = 'store-1/product/0b7e4a52-1c1f-4a4e-9d1e-3b7c1f2a9e10.png';
const attributes = (eventType: string, extra: Record<string, string> = {}) => ({
  notificationConfig: 'projects/_/buckets/pf-media/notificationConfigs/1',
  eventType,
  payloadFormat: 'JSON_API_V1',
  bucketId: 'pf-media',
  objectId: KEY,
  objectGeneration: '1712345678901234',
  eventTime: '2030-01-01T00:00:00.000Z',
  ...extra,
});
// The JSON API object resource: int64 fields such as size arrive as strings.
const resource = JSON.stringify({
  kind: 'storage#object',
  name: KEY,
  bucket: 'pf-media',
  generation: '1712345678901234',
  contentType: 'image/png',
  size: '48213',
});

describe('parseGcsFinalizeNotification', () => {
  it.each([
    ['raw bytes from a pull', Buffer.from(resource)],
    ['base64 text from a push body', Buffer.from(resource).toString('base64')],
    ['the JSON text itself', resource],
  ])('reads a finalize event carried as %s', (_name, data) => {
    expect(parseGcsFinalizeNotification({ attributes: attributes('OBJECT_FINALIZE'), data })).toEqual({
      type: 'finalized',
      bucket: 'pf-media',
      key: KEY,
      sizeBytes: 48_213,
      contentType: 'image/png',
    });
  });

  it('keeps a finalize event whose payload is absent or unreadable, without size and type', () => {
    const none = attributes('OBJECT_FINALIZE', { payloadFormat: 'NONE' });
    for (const data of ['', '{not json', Buffer.from('[1,2]'), JSON.stringify({ size: '-1', contentType: 7 })]) {
      expect(parseGcsFinalizeNotification({ attributes: none, data })).toEqual({
        type: 'finalized',
        bucket: 'pf-media',
        key: KEY,
      });
    }
  });

  it('reads a delete, and an archive of the live version in a versioned bucket, as deleted', () => {
    for (const eventType of ['OBJECT_DELETE', 'OBJECT_ARCHIVE']) {
      expect(parseGcsFinalizeNotification({ attributes: attributes(eventType), data: resource })).toEqual({
        type: 'deleted',
        bucket: 'pf-media',
        key: KEY,
      });
    }
  });

  it('ignores the delete of a generation that a newer upload replaced', () => {
    const replaced = attributes('OBJECT_DELETE', { overwrittenByGeneration: '1712345678909999' });
    expect(parseGcsFinalizeNotification({ attributes: replaced, data: resource })).toMatchObject({
      type: 'ignored',
      key: KEY,
    });
  });

  it('ignores metadata updates and messages without bucket or object', () => {
    const update = parseGcsFinalizeNotification({ attributes: attributes('OBJECT_METADATA_UPDATE'), data: resource });
    expect(update).toMatchObject({ type: 'ignored', bucket: 'pf-media', key: KEY });
    expect(update.reason).toContain('OBJECT_METADATA_UPDATE');
    expect(parseGcsFinalizeNotification({ attributes: { eventType: 'OBJECT_FINALIZE' }, data: resource })).toEqual({
      type: 'ignored',
      bucket: '',
      key: '',
      reason: 'missing bucketId or objectId',
    });
  });
});
