import { describe, expect, it } from 'vitest';
import {
  AppError,
  daysUntil,
  deriveKycStatus,
  diffMediaIds,
  expiryWindow,
  kycAfterDecision,
  MAX_MEDIA_BYTES,
  mediaContentProblem,
  mediaObjectKey,
  purgeCutoff,
  sanitizeFileName,
  validateUploadRequest,
  warningWindow,
} from '../src';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? `${error.code}:${error.violations?.[0]?.path}` : 'other';
  }
  return 'none';
};

describe('upload rules', () => {
  it('sanitizes names to a base name without controls, spaces or edge punctuation', () => {
    expect(sanitizeFileName('../../etc/pass wd.PDF')).toBe('pass-wd.PDF');
    expect(sanitizeFileName('C:\\docs\\ my license .pdf')).toBe('my-license-.pdf');
    expect(sanitizeFileName('..\u0000.')).toBe('');
  });

  it('keys objects by store, kind and id, never by the file name', () => {
    expect(mediaObjectKey('s1', 'license_doc', 'm1', 'pdf')).toBe('s1/license_doc/m1.pdf');
    expect(mediaObjectKey('s1', 'product', 'm1', null)).toBe('s1/product/m1');
  });

  it('accepts each kind only in its MIME types, with a matching extension and size', () => {
    const ok = {
      kind: 'license_doc' as const,
      mimeType: 'Application/PDF; charset=binary',
      fileName: 'lic.pdf',
      sizeBytes: 10,
    };
    expect(validateUploadRequest(ok)).toEqual({ mimeType: 'application/pdf', fileName: 'lic.pdf', ext: 'pdf' });
    expect(codeOf(() => validateUploadRequest({ ...ok, kind: 'product' }))).toBe('UNSUPPORTED_MEDIA_TYPE:mimeType');
    expect(codeOf(() => validateUploadRequest({ ...ok, fileName: 'lic.png' }))).toBe('UNSUPPORTED_MEDIA_TYPE:fileName');
    expect(codeOf(() => validateUploadRequest({ ...ok, sizeBytes: MAX_MEDIA_BYTES + 1 }))).toBe(
      'PAYLOAD_TOO_LARGE:sizeBytes',
    );
    expect(codeOf(() => validateUploadRequest({ ...ok, sizeBytes: 0 }))).toBe('VALIDATION_ERROR:sizeBytes');
    expect(codeOf(() => validateUploadRequest({ ...ok, fileName: '///' }))).toBe('VALIDATION_ERROR:fileName');
    expect(
      validateUploadRequest({ ...ok, mimeType: 'image/jpeg', fileName: 'scan.JPG', sizeBytes: MAX_MEDIA_BYTES }).ext,
    ).toBe('jpg');
  });
});

describe('store KYC derivation (DOMAIN §3.2)', () => {
  it('follows the precedence verified > expired (without rejected) > rejected > pending', () => {
    expect(deriveKycStatus([])).toBe('pending_verification');
    expect(deriveKycStatus(['pending'])).toBe('pending_verification');
    expect(deriveKycStatus(['rejected', 'verified'])).toBe('verified');
    expect(deriveKycStatus(['expired', 'pending'])).toBe('expired');
    expect(deriveKycStatus(['expired', 'rejected'])).toBe('rejected');
  });

  it('never downgrades to pending on an admin decision and writes only a change', () => {
    expect(kycAfterDecision('verified', ['rejected', 'verified'])).toBeNull();
    expect(kycAfterDecision('pending_verification', ['rejected', 'pending'])).toBe('rejected');
    expect(kycAfterDecision('verified', ['pending'])).toBeNull();
  });
});

describe('license lifecycle windows', () => {
  const now = new Date('2026-03-10T15:30:00Z');

  it('warns for the UTC day exactly 14 days ahead', () => {
    expect(warningWindow(now)).toEqual({
      from: new Date('2026-03-24T00:00:00Z'),
      to: new Date('2026-03-25T00:00:00Z'),
    });
  });

  it('expires within a 30-day lookback and purges 30 days after expiry', () => {
    expect(expiryWindow(now).from).toEqual(new Date('2026-02-08T15:30:00Z'));
    expect(purgeCutoff(now)).toEqual(new Date('2026-02-08T15:30:00Z'));
    expect(daysUntil(new Date('2026-03-24T00:00:00Z'), now)).toBe(14);
    expect(daysUntil(new Date('2026-03-01T00:00:00Z'), now)).toBe(0);
  });
});

describe('attachment reconciliation diff', () => {
  it('attaches new ids, detaches dropped ones and leaves the rest', () => {
    expect(diffMediaIds(['a', 'b'], ['b', 'c'])).toEqual({ added: ['c'], removed: ['a'] });
    expect(diffMediaIds(['a'], ['a'])).toEqual({ added: [], removed: [] });
  });
});

describe('mediaContentProblem (sniffed content against the declared type and the kind)', () => {
  it.each([
    ['product', 'image/png', 'image/png'],
    ['product', 'image/png', 'image/apng'],
    ['product', 'video/mp4', 'video/x-m4v'],
    ['license_doc', 'application/pdf', 'application/pdf'],
    ['license_doc', 'image/jpeg', 'image/jpeg'],
    ['store', 'image/webp', 'image/webp'],
  ] as const)('accepts a %s upload declared %s whose bytes are %s', (kind, declared, sniffed) => {
    expect(mediaContentProblem(kind, declared, sniffed)).toBeNull();
  });

  it.each([
    ['product', 'image/png', null, "The file's content is not a PNG image: its format is not recognised."],
    ['license_doc', 'application/pdf', 'image/png', "The file's content is a PNG image, not a PDF."],
    ['coa', 'application/pdf', 'application/zip', "The file's content is a file of type application/zip, not a PDF."],
    [
      'store',
      'application/pdf',
      'application/pdf',
      "The file's content is a PDF, which this kind of upload does not accept.",
    ],
  ] as const)('refuses a %s upload declared %s whose bytes are %s', (kind, declared, sniffed, message) => {
    expect(mediaContentProblem(kind, declared, sniffed)).toBe(message);
  });
});
