import { z } from 'zod';
import { US_STATE_CODES } from '../address';
import { LICENSE_DECISIONS, LICENSE_STATUSES, LICENSE_TYPES } from '../compliance/licenses';
import { STORE_TYPES } from '../identity';
import { cleanText, optionalText, uuidSchema } from '../text';

const isoDate = z.iso.date('must be a date (YYYY-MM-DD)');

export const createLicenseInput = z
  .strictObject({
    mediaId: uuidSchema,
    issuingState: z.enum(US_STATE_CODES, 'must be a US state code'),
    type: z.enum(LICENSE_TYPES, `must be one of ${LICENSE_TYPES.join(', ')}`),
    number: cleanText(64),
    issueDate: isoDate.nullish(),
    expirationDate: isoDate.nullish(),
  })
  .refine((input) => !input.issueDate || !input.expirationDate || input.issueDate < input.expirationDate, {
    path: ['expirationDate'],
    message: 'must be after the issue date',
  });
export type CreateLicenseInput = z.infer<typeof createLicenseInput>;

export const licenseIdInput = z.strictObject({ licenseId: uuidSchema });

export const decideLicenseInput = z
  .strictObject({
    licenseId: uuidSchema,
    decision: z.enum(LICENSE_DECISIONS, 'must be verified or rejected'),
    reason: optionalText(500),
  })
  .refine((input) => input.decision === 'verified' || Boolean(input.reason), {
    path: ['reason'],
    message: 'tell the store why its license was rejected',
  });
export type DecideLicenseInput = z.infer<typeof decideLicenseInput>;

const pageLimit = z.number().int('must be a whole number').min(1).max(100).default(25);
const cursor = z.string().min(1, 'is invalid').max(200, 'is invalid').nullish();
const direction = z.enum(['forward', 'backward']).optional();

export const listLicensesInput = z.strictObject({ limit: pageLimit, cursor, direction }).prefault({});

/** The admin queue: pending first-come first-served by default; filters narrow it. */
export const licenseQueueInput = z
  .strictObject({
    status: z.enum(LICENSE_STATUSES).default('pending'),
    storeType: z.enum(STORE_TYPES).optional(),
    issuingState: z.enum(US_STATE_CODES).optional(),
    search: z.string().trim().max(100, 'is too long').optional(),
    limit: pageLimit,
    cursor,
    direction,
  })
  .prefault({});
export type LicenseQueueQuery = z.output<typeof licenseQueueInput>;

export const licenseDto = z.object({
  id: z.string(),
  storeId: z.string(),
  userId: z.string(),
  status: z.enum(LICENSE_STATUSES),
  mediaId: z.string(),
  issuingState: z.string(),
  type: z.enum(LICENSE_TYPES),
  number: z.string(),
  issueDate: z.string().nullable(),
  expirationDate: z.string().nullable(),
  /** Why an admin rejected it, shown to the store. */
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Short-lived URL of the document, when its bytes are stored. */
  documentUrl: z.string().nullable(),
  documentMimeType: z.string(),
  documentFileName: z.string(),
});
export type LicenseDto = z.infer<typeof licenseDto>;

export const licensePage = z.object({ items: z.array(licenseDto), nextCursor: z.string().nullable() });

export const adminLicenseDto = licenseDto.extend({
  store: z.object({ id: z.string(), companyName: z.string(), type: z.enum(STORE_TYPES), state: z.string() }),
});
export const adminLicensePage = z.object({ items: z.array(adminLicenseDto), nextCursor: z.string().nullable() });
export type AdminLicenseDto = z.infer<typeof adminLicenseDto>;
export type LicensePage = z.infer<typeof licensePage>;
export type AdminLicensePage = z.infer<typeof adminLicensePage>;
export type ListLicensesQuery = z.output<typeof listLicensesInput>;

export const deleteLicenseResult = z.object({ deleted: z.literal(true) });
