import { parseArgs } from 'node:util';
import { AppError, DEAD_LETTER_REASONS, type DeadLetterFilter, type DeadLetterSummary } from '@pf/domain';
import { loadConfig } from '../config';
import { getDeadLetter, listDeadLetters, replayDeadLetter, replayDeadLetters } from '../events/dlq';
import { createLogger } from '../logger';
import { createRuntime } from '../runtime';
import { runCli } from './run';

const USAGE = `usage: pnpm dlq <list|show|replay> [options]
  list    [--consumer c] [--type t] [--reason r] [--replayed|--pending] [--limit n] [--cursor c] [--json]
  show    --id <dead letter id>
  replay  --id <dead letter id>
  replay  (--consumer c | --type t | --reason r | --all) [--replayed] [--limit n] [--dry-run] [--json]
--consumer dispatcher selects the dispatcher's letters (publishing failed); reasons: ${DEAD_LETTER_REASONS.join(', ')}.
A bulk replay takes only letters not replayed yet unless --replayed is given.`;

class UsageError extends Error {}

const OPTIONS = {
  id: { type: 'string' },
  consumer: { type: 'string' },
  type: { type: 'string' },
  reason: { type: 'string' },
  replayed: { type: 'boolean' },
  pending: { type: 'boolean' },
  limit: { type: 'string' },
  cursor: { type: 'string' },
  all: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(argv: string[]) {
  // `pnpm dlq -- list …` passes the separator through; it is not part of the command.
  const first = argv.findIndex((arg) => arg !== '--');
  const args = first === -1 ? [] : argv.slice(first);
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  const [command, ...extra] = positionals;
  if (values.help) return { command: 'help' as const, values, filter: {}, limit: undefined };
  if (command !== 'list' && command !== 'show' && command !== 'replay') throw new UsageError('unknown command');
  if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra[0]}`);
  if (values.reason && !(DEAD_LETTER_REASONS as readonly string[]).includes(values.reason)) {
    throw new UsageError(`unknown reason: ${values.reason}`);
  }
  if (values.replayed && values.pending) throw new UsageError('--replayed and --pending exclude each other');
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
    throw new UsageError('--limit must be a positive integer');
  if (command === 'show' && !values.id) throw new UsageError('show needs --id');
  const filter: DeadLetterFilter = {
    ...(values.consumer ? { consumer: values.consumer === 'dispatcher' ? null : values.consumer } : {}),
    ...(values.type ? { eventType: values.type } : {}),
    ...(values.reason ? { reason: values.reason as DeadLetterFilter['reason'] } : {}),
    ...(values.replayed ? { replayed: true } : values.pending ? { replayed: false } : {}),
  };
  if (command === 'replay' && !values.id && Object.keys(filter).length === 0 && !values.all) {
    throw new UsageError('replay needs --id, a filter, or --all');
  }
  return { command, values, filter, limit };
}

const row = (letter: DeadLetterSummary) =>
  [
    letter.id,
    letter.createdAt,
    letter.consumer ?? '(dispatcher)',
    letter.eventType,
    letter.reason,
    `attempts=${letter.attemptCount}`,
    letter.replayedAt ? `replayed ${letter.replayCount}x, last ${letter.replayedAt}` : 'not replayed',
    (letter.errorMessage ?? '').replace(/\s+/g, ' ').slice(0, 120),
  ].join('  ');

/** `pnpm dlq`: inspect and replay dead letters (docs/runbooks/dlq.md). */
await runCli(async () => {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (parsed.command === 'help') {
    console.log(USAGE);
    return;
  }
  const { command, values, filter, limit } = parsed;

  const config = loadConfig(process.env);
  const runtime = await createRuntime(config, {
    logger: createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn', { format: config.logFormat }),
  });
  try {
    const deps = runtime.deps;
    const actor = { userId: null, via: 'cli' as const };
    if (command === 'list') {
      const page = await listDeadLetters(deps, { ...filter, limit: limit ?? 50, cursor: values.cursor });
      if (values.json) return console.log(JSON.stringify(page, null, 2));
      if (page.items.length === 0) console.log('no dead letters match');
      for (const letter of page.items) console.log(row(letter));
      if (page.nextCursor) console.log(`more: pnpm dlq list … --cursor ${page.nextCursor}`);
    } else if (command === 'show') {
      console.log(JSON.stringify(await getDeadLetter(deps, values.id ?? ''), null, 2));
    } else if (values.id) {
      if (values['dry-run']) {
        const letter = await getDeadLetter(deps, values.id);
        console.log(`would replay: ${row(letter)}`);
      } else {
        console.log(`replayed: ${row(await replayDeadLetter(deps, values.id, actor))}`);
      }
    } else {
      const dryRun = values['dry-run'] === true;
      const result = await replayDeadLetters(deps, { filter, dryRun, limit: limit ?? 500 }, actor);
      if (values.json) return console.log(JSON.stringify(result, null, 2));
      for (const letter of result.items) console.log(`${dryRun ? 'would replay' : 'replayed'}: ${row(letter)}`);
      console.log(`${result.count} ${dryRun ? 'would be replayed (dry run: nothing changed)' : 'replayed'}`);
      if (result.more) console.log('more letters match: run again (or raise --limit)');
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(`${error.code}: ${error.message}`);
    process.exitCode = 1;
  } finally {
    await runtime.close();
  }
});
