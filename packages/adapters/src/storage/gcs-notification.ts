/**
 * Cloud Storage → Pub/Sub notifications (DOMAIN §5.4). Attributes carry the event; with payload format
 * JSON_API_V1 the data is the object resource, whose `size` is an int64 rendered as a string.
 */
export interface GcsNotification {
  type: 'finalized' | 'deleted' | 'ignored';
  bucket: string;
  key: string;
  sizeBytes?: number;
  contentType?: string;
  /** Why an event was ignored, for the consumer's log. */
  reason?: string;
}

export interface GcsNotificationMessage {
  attributes: Record<string, string> | null | undefined;
  /** Raw bytes (pull), base64 text (push body) or the JSON text itself. */
  data: Uint8Array | string | null | undefined;
}

function decodePayload(data: GcsNotificationMessage['data']): Record<string, unknown> | null {
  if (data === null || data === undefined || data.length === 0) return null;
  let text: string;
  if (typeof data === 'string') {
    // Base64 never contains '{', so a string that starts with one is already the JSON.
    text = data.trimStart().startsWith('{') ? data : Buffer.from(data, 'base64').toString('utf8');
  } else {
    text = Buffer.from(data).toString('utf8');
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function objectDetails(payload: Record<string, unknown> | null): Pick<GcsNotification, 'sizeBytes' | 'contentType'> {
  if (!payload) return {};
  const size = typeof payload.size === 'string' || typeof payload.size === 'number' ? Number(payload.size) : NaN;
  return {
    ...(Number.isSafeInteger(size) && size >= 0 && { sizeBytes: size }),
    ...(typeof payload.contentType === 'string' && { contentType: payload.contentType }),
  };
}

export function parseGcsFinalizeNotification(message: GcsNotificationMessage): GcsNotification {
  const attributes = message.attributes ?? {};
  const bucket = attributes.bucketId ?? '';
  const key = attributes.objectId ?? '';
  const ignored = (reason: string): GcsNotification => ({ type: 'ignored', bucket, key, reason });
  if (!bucket || !key) return ignored('missing bucketId or objectId');

  switch (attributes.eventType) {
    case 'OBJECT_FINALIZE':
      return { type: 'finalized', bucket, key, ...objectDetails(decodePayload(message.data)) };
    case 'OBJECT_DELETE':
    case 'OBJECT_ARCHIVE':
      // An overwrite deletes (or, with versioning, archives) the previous generation while a new one
      // stays live under the same name: the object was replaced, not removed.
      if (attributes.overwrittenByGeneration) return ignored('replaced by a newer generation');
      return { type: 'deleted', bucket, key };
    default:
      return ignored(`event type ${attributes.eventType ?? '(none)'}`);
  }
}
