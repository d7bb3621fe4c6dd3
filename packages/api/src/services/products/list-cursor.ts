import { AppError, type VendorProductSort } from '@pf/domain';

/** Position after a row in one sort order: the sort key's value and the id that breaks ties. */
export interface ListCursor {
  sort: VendorProductSort;
  value: string | number;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Which JSON type each sort key has, so a forged cursor cannot smuggle a different type into the SQL. */
const isValueFor = (sort: VendorProductSort, value: unknown): value is string | number => {
  if (sort === 'newest') return typeof value === 'string' && TIMESTAMP.test(value);
  if (sort === 'title_asc' || sort === 'title_desc') return typeof value === 'string' && value.length <= 400;
  return Number.isSafeInteger(value);
};

export const encodeListCursor = (cursor: ListCursor) =>
  Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id]), 'utf8').toString('base64url');

const invalidCursor = () =>
  new AppError('VALIDATION_ERROR', 'validation failed', {
    violations: [{ path: 'cursor', code: 'invalid_cursor', message: 'is invalid for this sort; start from the top' }],
  });

/** Opaque to clients; a cursor of another sort, or anything we did not issue, is refused on `cursor`. */
export function decodeListCursor(raw: string, sort: VendorProductSort): ListCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalidCursor();
  const [cursorSort, value, id] = parsed;
  if (cursorSort !== sort || !isValueFor(sort, value) || typeof id !== 'string' || !UUID.test(id)) {
    throw invalidCursor();
  }
  return { sort, value, id };
}
