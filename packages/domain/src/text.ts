import { z } from 'zod';

/**
 * Rejects control characters, bidi overrides, zero-width joiners used for spoofing, lone surrogates and
 * private-use code points. Names and addresses are shown to other tenants, so these would let a store
 * disguise itself.
 */
const FORBIDDEN_CHARS = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u;

export const cleanText = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .normalize('NFC')
    .min(min, min === 1 ? 'is required' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !FORBIDDEN_CHARS.test(value), { message: 'contains characters that are not allowed' });

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .normalize('NFC')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !FORBIDDEN_CHARS.test(value), { message: 'contains characters that are not allowed' })
    .transform((value) => (value === '' ? undefined : value))
    .optional();

/** For patches: absent keeps the value, null or an emptied field (as forms send it) clears it. */
export const clearableText = (max: number) =>
  z
    .string()
    .trim()
    .normalize('NFC')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !FORBIDDEN_CHARS.test(value), { message: 'contains characters that are not allowed' })
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email({ message: 'must be a valid email' }));

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Password policy: long enough to resist guessing, short enough not to be a hashing DoS vector. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`)
  .refine((value) => /[A-Za-z]/.test(value) && /[0-9]/.test(value), {
    message: 'must contain at least one letter and one digit',
  })
  .refine((value) => new Set(value).size >= 5, { message: 'is too easy to guess' });

/** A password being checked (not chosen) only needs bounds, so policy changes never lock people out. */
export const passwordAttemptSchema = z.string().min(1, 'is required').max(PASSWORD_MAX, 'is too long');

export const uuidSchema = z.uuid({ message: 'must be a valid id' });
/** The same check as `uuidSchema`, for callers that only need a yes or no (e.g. ids taken from a URL). */
export const isUuid = (value: string): boolean => uuidSchema.safeParse(value).success;
