import { z } from 'zod';
import { cleanText, optionalText } from './text';

export const US_STATE_CODES = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'DC',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
  'PR',
] as const;

/** Address shape of DOMAIN §2.0. lat/lng are required because delivery radius uses them. */
export const addressSchema = z.strictObject({
  line1: cleanText(200),
  line2: optionalText(200),
  city: cleanText(100),
  state: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(US_STATE_CODES, { message: 'must be a 2-letter US state code' })),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, 'must be a US ZIP code'),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .transform((value) => (value ? value : 'US'))
    .pipe(z.literal('US', { message: 'only US addresses are supported' })),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  geohash: optionalText(12),
});

export type Address = z.infer<typeof addressSchema>;
