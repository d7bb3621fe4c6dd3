import { type SQL, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresDb } from '../src/client';
import { MAX_PREPARED_PARAMETERS } from '../src/prepared-statements';
import { testAdminUrl } from '../src/testing';

const handle = createPostgresDb({ url: testAdminUrl(), maxConnections: 1 });
afterAll(() => handle.close());

type Tx = Parameters<Parameters<typeof handle.db.transaction>[0]>[0];
/** postgres-js resolves a raw statement to its row array. */
const rows = async <T>(tx: Tx, query: SQL) => (await tx.execute(query)) as unknown as T[];
/** Named statements of this connection whose text contains the marker. */
const preparedWith = async (tx: Tx, marker: string) => {
  const named = await rows<{ statement: string }>(
    tx,
    sql`select statement from pg_prepared_statements where statement like ${`%${marker}%`} and statement not like '%pg_prepared_statements%'`,
  );
  return named.map((row) => row.statement);
};

describe('prepared statements on PostgreSQL', () => {
  it('names a parameterised statement once per connection and reuses it', async () => {
    await handle.db.transaction(async (tx) => {
      for (let run = 0; run < 3; run++) {
        const [row] = await rows<{ value: number }>(tx, sql`select ${run}::int + 1 as value /* reuse-marker */`);
        expect(row?.value).toBe(run + 1);
      }
      expect(await preparedWith(tx, 'reuse-marker')).toHaveLength(1);
    });
  });

  it('keeps naming statements inside savepoints, and a rolled-back savepoint leaves the transaction usable', async () => {
    await handle.db.transaction(async (tx) => {
      await expect(
        tx.transaction(async (inner) => {
          await inner.execute(sql`select ${1}::int as value /* savepoint-marker */`);
          throw new Error('roll back the savepoint');
        }),
      ).rejects.toThrow('roll back the savepoint');
      expect(await preparedWith(tx, 'savepoint-marker')).toHaveLength(1);
      const [row] = await rows<{ value: number }>(tx, sql`select ${41}::int + 1 as value`);
      expect(row?.value).toBe(42);
    });
  });

  it('leaves statements with many parameters unnamed, so varying row counts do not pile up', async () => {
    const values = Array.from({ length: MAX_PREPARED_PARAMETERS + 1 }, (_, index) => sql`${index}::int`);
    await handle.db.transaction(async (tx) => {
      const [row] = await rows<{ total: number }>(
        tx,
        sql`select (${sql.join(values, sql` + `)})::int as total /* wide-marker */`,
      );
      expect(row?.total).toBe((MAX_PREPARED_PARAMETERS * (MAX_PREPARED_PARAMETERS + 1)) / 2);
      expect(await preparedWith(tx, 'wide-marker')).toEqual([]);
    });
  });
});
