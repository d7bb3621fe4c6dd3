import { describe, expect, it } from 'vitest';
import {
  addressSchema,
  cleanText,
  emailSchema,
  isUuid,
  loginInput,
  newPasswordSchema,
  registerInput,
  uuidSchema,
} from '../src';

const address = { line1: '1 Main St', city: 'Tulsa', state: 'ok', postalCode: '74103', lat: 36.1, lng: -95.9 };
const registration = {
  firstName: 'Riley',
  lastName: 'Stone',
  email: '  Riley@Example.COM ',
  password: 'Correct-horse-42',
  companyName: 'Sunrise',
  storeType: 'vendor',
  acceptTos: true,
  address,
};

describe('text fields', () => {
  it('trims and NFC-normalizes', () => {
    expect(cleanText(20).parse('  Cafe\u0301 ')).toBe('Café');
  });

  it.each([
    ['a right-to-left override', 'Sun\u202Erise'],
    ['a zero-width space', 'Sun\u200Brise'],
    ['a control character', 'Sun\u0007rise'],
    ['a private-use character', 'Sun\uE000rise'],
    ['a lone surrogate', 'Sun\uD800rise'],
  ])('rejects %s', (_label, value) => {
    expect(cleanText(50).safeParse(value).success).toBe(false);
  });

  it('rejects oversized and blank values with a clear message', () => {
    const tooLong = cleanText(10).safeParse('x'.repeat(11));
    expect(tooLong.success || tooLong.error.issues[0]?.message).toBe('must be at most 10 characters');
    const blank = cleanText(10).safeParse('   ');
    expect(blank.success || blank.error.issues[0]?.message).toBe('is required');
  });
});

describe('email and password', () => {
  it('lower-cases and trims email, and rejects malformed ones', () => {
    expect(emailSchema.parse('  A.B@Example.com ')).toBe('a.b@example.com');
    for (const bad of ['nope', 'a@', '@b.com', 'a b@c.com', `${'x'.repeat(250)}@example.com`]) {
      expect(emailSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('accepts a strong password and names what is wrong with weak ones', () => {
    expect(newPasswordSchema.safeParse('Correct-horse-42').success).toBe(true);
    const messages = (value: string) => {
      const result = newPasswordSchema.safeParse(value);
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    expect(messages('short1')).toContain('must be at least 10 characters');
    expect(messages('onlyletterslong')).toContain('must contain at least one letter and one digit');
    expect(messages('aaaaaaaaaa11')).toContain('is too easy to guess');
    expect(messages('A1'.repeat(70))).toContain('must be at most 128 characters');
  });
});

describe('register input', () => {
  it('normalizes a valid registration', () => {
    const parsed = registerInput.parse(registration);
    expect(parsed.email).toBe('riley@example.com');
    expect(parsed.address).toMatchObject({ state: 'OK', country: 'US' });
  });

  it('rejects unknown fields, wrong types and an unaccepted ToS, naming each path', () => {
    const result = registerInput.safeParse({
      ...registration,
      acceptTos: false,
      storeType: 'wholesaler',
      isAdmin: true,
    });
    expect(result.success).toBe(false);
    const paths = result.success ? [] : result.error.issues.map((issue) => issue.path.join('.') || issue.code);
    expect(paths).toEqual(expect.arrayContaining(['acceptTos', 'storeType']));
    expect(JSON.stringify(result.error?.issues)).toContain('isAdmin');
  });

  it('requires lat/lng and a US state code in the address', () => {
    const { lat: _lat, ...withoutLat } = address;
    expect(addressSchema.safeParse(withoutLat).success).toBe(false);
    expect(addressSchema.safeParse({ ...address, state: 'Oklahoma' }).success).toBe(false);
    expect(addressSchema.safeParse({ ...address, postalCode: 'ABCDE' }).success).toBe(false);
  });

  it('login accepts any non-empty password up to the cap so policy changes never lock users out', () => {
    expect(loginInput.safeParse({ email: 'a@b.co', password: 'x' }).success).toBe(true);
    expect(loginInput.safeParse({ email: 'a@b.co', password: '' }).success).toBe(false);
    expect(loginInput.safeParse({ email: 'a@b.co', password: 'x'.repeat(129) }).success).toBe(false);
  });
});

describe('isUuid', () => {
  it('accepts exactly what the id contracts accept', () => {
    const candidates = [
      '0f8fad5b-d9cb-469f-a165-70867728950e',
      '0F8FAD5B-D9CB-469F-A165-70867728950E',
      '12345678-1234-1234-1234-123456789abc',
      '0f8fad5b-d9cb-469f-a165-70867728950',
      ' 0f8fad5b-d9cb-469f-a165-70867728950e',
      'not-a-uuid',
      '',
    ];
    for (const value of candidates) expect(isUuid(value)).toBe(uuidSchema.safeParse(value).success);
    expect(isUuid('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    expect(isUuid('12345678-1234-1234-1234-123456789abc')).toBe(false);
  });
});
