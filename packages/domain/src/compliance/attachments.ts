/** Every entity that owns media records each usage as one `media_attachments` row (DOMAIN §2.6). */
export const ATTACHMENT_ENTITY_TYPES = [
  'license',
  'ad',
  'product_gallery',
  'product_coa',
  'store_logo',
  'store_banner',
  'user_avatar',
] as const;
export type AttachmentEntityType = (typeof ATTACHMENT_ENTITY_TYPES)[number];

/** Usages that block deleting the media: the document behind a license or a running ad. */
export const PROTECTED_ENTITY_TYPES: readonly AttachmentEntityType[] = ['license', 'ad'];

export const isProtectedEntityType = (type: string): boolean =>
  (PROTECTED_ENTITY_TYPES as readonly string[]).includes(type);

/** The diff an entity's media set change implies: attach the new ids, detach the dropped ones. */
export function diffMediaIds(
  before: readonly string[],
  after: readonly string[],
): { added: string[]; removed: string[] } {
  const previous = new Set(before);
  const next = new Set(after);
  return {
    added: [...next].filter((id) => !previous.has(id)),
    removed: [...previous].filter((id) => !next.has(id)),
  };
}
