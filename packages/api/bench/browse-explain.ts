import { spawn } from 'node:child_process';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

/**
 * EXPLAIN (ANALYZE) of a statement browse runs, through psql (a separate client, so the figure is Postgres'
 * own time), PREPAREd and EXECUTEd with the parameters the server sends, run as the app runs it:
 * `prepared` (the page statement, see preparedRowsOf): Postgres plans the first five executions with the values
 * and may then switch to a generic plan, so the figure is the median of executions 6–8, the steady state.
 * Otherwise (the count statement, sent unnamed): planned afresh with its values every time (force_custom_plan).
 */
const dialect = new PgDialect({ casing: 'snake_case' });
const RUNS = 8;
const STEADY_FROM = { prepared: 5, unnamed: 2 };
const SEPARATOR = '--8<--';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
interface ExplainOutput {
  Plan: PlanNode;
  'Execution Time': number;
  'Planning Time': number;
}

export interface Explained {
  /** Median planning + execution time of the steady-state runs, ms. */
  totalMs: number;
  planningMs: number;
  executionMs: number;
  /** Every node of the last run's plan, e.g. "Index Only Scan using products_browse_newest_idx". */
  nodes: string[];
  seqScanOnProducts: boolean;
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return quote(`{${value.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  return quote(String(value));
}

function describe(node: PlanNode, into: string[] = []): string[] {
  const on = node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
  const using = node['Index Name'] ? ` using ${node['Index Name']}` : '';
  into.push(`${node['Node Type']}${using}${on}`);
  for (const child of node.Plans ?? []) describe(child, into);
  return into;
}

function psql(url: string, script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('psql', [url, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1'], { stdio: 'pipe' });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`psql failed (${code}): ${err}`))));
    child.stdin.end(script);
  });
}

export async function explainInPsql(url: string, statement: SQL, prepared: boolean): Promise<Explained> {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  const execute = `EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE browse_statement(${params.map(literal).join(', ')});`;
  const runs = Array.from({ length: RUNS }, () => `${execute}\n\\echo ${SEPARATOR}`).join('\n');
  const mode = prepared ? 'auto' : 'force_custom_plan';
  const output = await psql(url, `SET plan_cache_mode = ${mode};\nPREPARE browse_statement AS ${text};\n${runs}\n`);
  const results = output
    .split(SEPARATOR)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (JSON.parse(chunk) as ExplainOutput[])[0] as ExplainOutput);
  const steady = results.slice(prepared ? STEADY_FROM.prepared : STEADY_FROM.unnamed);
  const median = (pick: (r: ExplainOutput) => number) =>
    steady.map(pick).sort((a, b) => a - b)[Math.floor(steady.length / 2)] ?? Number.NaN;
  const last = results.at(-1);
  if (!last) throw new Error('psql printed no plan');
  const nodes = [...new Set(describe(last.Plan))];
  return {
    totalMs: median((r) => r['Planning Time'] + r['Execution Time']),
    planningMs: median((r) => r['Planning Time']),
    executionMs: median((r) => r['Execution Time']),
    nodes,
    seqScanOnProducts: results.some((r) => describe(r.Plan).includes('Seq Scan on products')),
  };
}
