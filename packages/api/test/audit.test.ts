import { randomUUID } from 'node:crypto';
import { auditLog } from '@pf/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, failureOf, registerOwner, type TestApp } from '../src/testing';
import { freshIp, RELAXED_LIMITS } from './helpers';
import { insertMedia, licenseInput, signUpAdmin } from './license-helpers';

let app: TestApp;
let admin: { token: string; userId: string };
let owner: Awaited<ReturnType<typeof registerOwner>>;
let licenseId: string;
beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  admin = await signUpAdmin(app);
  owner = await registerOwner(app);
  const document = await insertMedia(app, owner.storeId);
  licenseId = (await as(owner.token).licenses.create(licenseInput(document.id))).id;
  await as(admin.token).admin.licenses.decide({ licenseId, decision: 'rejected', reason: 'Cropped scan' });
});
afterAll(() => app.close());

const as = (token: string) => app.call({ token, idempotencyKey: randomUUID(), ip: freshIp() }).caller;
const audit = () => as(admin.token).admin.audit.list;

describe('admin.audit.list', () => {
  it("returns a license's trail newest first with each actor's email", async () => {
    const { items } = await audit()({ entityType: 'license', entityId: licenseId });
    expect(items.map((item) => item.action)).toEqual(['license.rejected', 'license.submitted']);
    expect(items[0]).toMatchObject({
      entityType: 'license',
      entityId: licenseId,
      storeId: owner.storeId,
      actor: { kind: 'user', userId: admin.userId, email: expect.stringContaining('license-admin') },
      details: { before: { status: 'pending' }, after: { status: 'rejected' }, reason: 'Cropped scan' },
      requestId: expect.any(String),
    });
    expect(items[1]?.actor).toEqual({ kind: 'user', userId: owner.userId, email: owner.input.email });
  });

  it('filters by store (registration and license rows of that store only) and pages by cursor', async () => {
    const all = (await audit()({ storeId: owner.storeId, limit: 100 })).items;
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(all.every((item) => item.storeId === owner.storeId)).toBe(true);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<ReturnType<typeof audit>>> = await audit()({
        storeId: owner.storeId,
        limit: 1,
        cursor,
      });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((item) => item.id));
  });

  it('names the scheduler as the actor of rows it wrote', async () => {
    const [row] = await app.deps.db
      .insert(auditLog)
      .values({
        actorUserId: null,
        action: 'license.expired',
        targetType: 'license',
        targetId: randomUUID(),
        details: { actor: 'scheduler' },
      })
      .returning();
    const { items } = await audit()({ entityId: row?.targetId ?? '' });
    expect(items[0]?.actor).toEqual({ kind: 'scheduler', userId: null, email: null });
  });

  it('is admin-only', async () => {
    expect((await failureOf(as(owner.token).admin.audit.list())).code).toBe('FORBIDDEN');
  });

  it('rejects a cursor it did not issue', async () => {
    const failure = await failureOf(audit()({ cursor: 'bm90LWEtY3Vyc29y' }));
    expect(failure).toMatchObject({ code: 'VALIDATION_ERROR', violations: [{ path: 'cursor' }] });
  });
});

/** The database's own message for a statement that must fail (drizzle wraps it as the cause). */
async function databaseRefusal(statement: PromiseLike<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const { message, cause } = error as { message: string; cause?: { message?: string } };
    return cause?.message ?? message;
  }
  throw new Error('the statement succeeded');
}

describe('the audit log is append-only', () => {
  it('refuses UPDATE and DELETE of a decision row at the database', async () => {
    const [row] = await app.deps.db.select().from(auditLog).where(eq(auditLog.action, 'license.rejected'));
    if (!row) throw new Error('decision row missing');
    const update = app.deps.db.update(auditLog).set({ action: 'license.verified' }).where(eq(auditLog.id, row.id));
    expect(await databaseRefusal(update)).toMatch(/audit_log is append-only/);
    expect(await databaseRefusal(app.deps.db.delete(auditLog).where(eq(auditLog.id, row.id)))).toMatch(
      /audit_log is append-only/,
    );
    const [after] = await app.deps.db.select().from(auditLog).where(eq(auditLog.id, row.id));
    expect(after).toEqual(row);
  });
});
