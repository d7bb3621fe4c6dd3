import { createHash } from 'node:crypto';
import { AppError, BROWSE_SORTS, type BrowseSort } from '@pf/domain';
import { z } from 'zod';

/**
 * A position in one result list: the sort key of a row (as Postgres printed it) and its id. The cursor also
 * names the sort and a fingerprint of the scope, filters and search it was issued for, because a position in
 * one list means nothing in another.
 */
export interface Position {
  key: string;
  id: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const INTEGER = /^\d{1,10}$/;
const FLOAT = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
const KEY_FORMAT: Record<BrowseSort, RegExp> = {
  newest: TIMESTAMP,
  price_asc: INTEGER,
  price_desc: INTEGER,
  relevance: FLOAT,
};

const payload = z.strictObject({
  s: z.enum(BROWSE_SORTS),
  k: z.string().max(40),
  i: z.uuid(),
  f: z.string().max(32),
});

/** Short, stable digest of whatever defines the list (scope, filters, search, sort). */
export const listFingerprint = (definition: unknown) =>
  createHash('sha256').update(JSON.stringify(definition)).digest('base64url').slice(0, 16);

export const encodeCursor = (sort: BrowseSort, fingerprint: string, at: Position) =>
  Buffer.from(JSON.stringify({ s: sort, k: at.key, i: at.id, f: fingerprint }), 'utf8').toString('base64url');

const invalid = (code: string, message: string) =>
  new AppError('VALIDATION_ERROR', 'validation failed', { violations: [{ path: 'cursor', code, message }] });

/** Opaque to clients: anything that is not a cursor we issued for this very list is a validation error. */
export function decodeCursor(value: string, sort: BrowseSort, fingerprint: string): Position {
  let parsed: z.infer<typeof payload>;
  try {
    parsed = payload.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
  } catch {
    throw invalid('invalid_cursor', 'is invalid');
  }
  if (!KEY_FORMAT[parsed.s].test(parsed.k)) throw invalid('invalid_cursor', 'is invalid');
  if (parsed.s !== sort || parsed.f !== fingerprint) {
    throw invalid('stale_cursor', 'belongs to another sort or filter set; start again from the first page');
  }
  return { key: parsed.k, id: parsed.i };
}
