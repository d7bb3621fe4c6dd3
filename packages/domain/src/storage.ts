/**
 * Object storage port (ARCHITECTURE §2). Two adapters implement it: Google Cloud Storage (V4 signed URLs) and a
 * local-disk store whose signed URLs are served by the web app. Browsers PUT bytes straight to the signed URL;
 * the API never proxies uploads.
 */
export interface SignedUpload {
  url: string;
  method: 'PUT';
  /** Headers the client must send with the PUT (at least Content-Type). */
  headers: Record<string, string>;
  expiresAt: Date;
}

export interface StoredObject {
  sizeBytes: number;
  contentType: string;
}

export interface ObjectStorage {
  readonly kind: 'local' | 'gcs';
  /** A URL that accepts exactly one PUT of `contentType`, at most `maxBytes` long, until `expiresAt`. */
  signUpload(input: { key: string; contentType: string; maxBytes: number; expiresAt: Date }): Promise<SignedUpload>;
  /** A short-lived URL that serves the object; `downloadName` asks the browser to save it under that name. */
  signDownload(input: { key: string; expiresAt: Date; downloadName?: string }): Promise<string>;
  /** Removes the object; a missing object is not an error. */
  deleteObject(key: string): Promise<void>;
  /** Size and type of a stored object, or null when there is none. */
  statObject(key: string): Promise<StoredObject | null>;
  /** The object's first `bytes` bytes (all of it when shorter), or null when there is none. */
  readHead(key: string, bytes: number): Promise<Uint8Array | null>;
}
