import { fileTypeFromBuffer } from 'file-type/core';

/**
 * The MIME type that a file's first bytes say it is, or null when they match no known binary format (text,
 * HTML, SVG and junk all land here). The core entry point reads only the buffer it is given.
 */
export async function sniffMimeType(head: Uint8Array): Promise<string | null> {
  if (head.byteLength === 0) return null;
  return (await fileTypeFromBuffer(head))?.mime ?? null;
}
