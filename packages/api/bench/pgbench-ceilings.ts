import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * What PostgreSQL alone does on this machine, measured in the same run as the checkout figures so the
 * ratios are fair: pgbench's simple-update transaction (`pgbench -N`) and a one-row conditional decrement
 * (every client on the same row, like a hot SKU's stock). Both in a scratch database dropped afterwards.
 */
export interface Ceilings {
  simpleUpdateTps: number;
  hotRowTps: number;
}

const HOT_ROW_SCRIPT = 'UPDATE hot_row SET q = q - 1 WHERE id = 1 AND q >= 1;\n';

export async function measureCeilings(
  adminUrl: string,
  options: { seconds: number; simpleClients: number; hotClients: number },
): Promise<Ceilings> {
  const name = `pf_bench_pgbench_${randomBytes(5).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  const script = join(tmpdir(), `${name}.sql`);
  await psql(adminUrl, `create database ${name}`);
  try {
    await run('pgbench', ['-i', '-q', '-s', '10', dbUrl]);
    const threads = String(Math.min(4, options.simpleClients));
    const simple = await run('pgbench', [
      '-n',
      '-N',
      `-c${options.simpleClients}`,
      `-j${threads}`,
      `-T${options.seconds}`,
      dbUrl,
    ]);
    await psql(
      dbUrl,
      'create table hot_row (id int primary key, q bigint not null); insert into hot_row values (1, 1000000000000)',
    );
    await writeFile(script, HOT_ROW_SCRIPT);
    const hot = await run('pgbench', [
      '-n',
      '-f',
      script,
      `-c${options.hotClients}`,
      `-j${Math.min(4, options.hotClients)}`,
      `-T${options.seconds}`,
      dbUrl,
    ]);
    return { simpleUpdateTps: tpsOf(simple.stdout), hotRowTps: tpsOf(hot.stdout) };
  } finally {
    await rm(script, { force: true });
    await psql(adminUrl, `drop database if exists ${name} with (force)`);
  }
}

const psql = (url: string, statement: string) => run('psql', ['-q', '-v', 'ON_ERROR_STOP=1', '-c', statement, url]);

function tpsOf(output: string) {
  const match = /tps = ([\d.]+) \(without initial connection time\)/.exec(output);
  if (!match?.[1]) throw new Error(`no tps in pgbench output:\n${output}`);
  return Number(match[1]);
}
