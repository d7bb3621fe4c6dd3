import { randomUUID } from 'node:crypto';
import { AppError } from '@pf/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteDb, type DbHandle, findUserByEmail, mapDatabaseError, users } from '../src';

let handle: DbHandle;
// Booting PGlite and applying every migration takes seconds on a busy 2-core machine.
beforeAll(async () => {
  handle = createPgliteDb();
  await handle.migrate();
}, 60_000);
afterAll(() => handle.close());

describe('embedded database (PGlite)', () => {
  it('applies the committed migrations, twice without harm', async () => {
    await handle.migrate();
    const tables = await handle.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    const names = (tables as unknown as { rows: { table_name: string }[] }).rows.map((row) => row.table_name);
    expect(names).toEqual(
      expect.arrayContaining(['users', 'stores', 'store_memberships', 'idempotency_keys', 'audit_log']),
    );
  });

  it('enforces case-insensitive unique email and maps the violation to CONFLICT with the constraint name', async () => {
    const email = `Case-${randomUUID()}@Example.com`;
    await handle.db.insert(users).values({ email, passwordHash: 'x', firstName: 'A', lastName: 'B' });
    expect((await findUserByEmail(handle.db, email.toLowerCase()))?.email).toBe(email);
    const error = await handle.db
      .insert(users)
      .values({ email: email.toUpperCase(), passwordHash: 'x', firstName: 'A', lastName: 'B' })
      .then(
        () => undefined,
        (e: unknown) => mapDatabaseError(e),
      );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'CONFLICT', details: { constraint: 'users_email_key' } });
  });

  it('rejects a system role other than admin or agent', async () => {
    const error = await handle.db
      .insert(users)
      .values({ email: `${randomUUID()}@x.io`, passwordHash: 'x', firstName: 'A', lastName: 'B', systemRole: 'owner' })
      .then(
        () => undefined,
        (e: unknown) => mapDatabaseError(e),
      );
    expect(error?.code).toBe('VALIDATION_ERROR');
  });
});
