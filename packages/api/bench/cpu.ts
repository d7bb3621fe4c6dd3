import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/**
 * CPU accounting from /proc (Linux only; elsewhere every figure is NaN): who spent the CPU while a server
 * was under load, so a low throughput can be pinned on the server process, Postgres, Redis or other work.
 */
const TICKS_PER_SECOND = 100;

const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/** utime + stime of one process in ms (fields 14 and 15 of /proc/<pid>/stat, after the `(comm)` field). */
export function processCpuMs(pid: string): number {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

export interface CpuSnapshot {
  machineBusy: number;
  machineTotal: number;
  /** CPU ms of the Postgres backends serving the bench database, by pid. */
  postgres: Map<string, number>;
  redis: number;
}

/** `database`: only backends whose title names it count (other databases on the server are other work). */
export function cpuSnapshot(database: string | undefined): CpuSnapshot {
  const fields = (read('/proc/stat')?.split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const machineTotal = fields.reduce((sum, value) => sum + value, 0);
  const machineBusy = machineTotal - (fields[3] ?? 0) - (fields[4] ?? 0);
  const postgres = new Map<string, number>();
  let redis = 0;
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {}
  for (const pid of pids) {
    const comm = read(`/proc/${pid}/comm`)?.trim();
    if (comm === 'redis-server') redis += processCpuMs(pid);
    if (comm !== 'postgres' || !database) continue;
    const title = read(`/proc/${pid}/cmdline`)?.replaceAll('\0', ' ') ?? '';
    if (title.includes(` ${database} `)) postgres.set(pid, processCpuMs(pid));
  }
  return { machineBusy, machineTotal, postgres, redis };
}

export interface CpuDelta {
  /** Cores busy on the whole machine (everything included). */
  machineBusyCores: number;
  postgresMs: number;
  redisMs: number;
}

export function cpuDelta(start: CpuSnapshot, end: CpuSnapshot): CpuDelta {
  const total = end.machineTotal - start.machineTotal;
  let postgresMs = 0;
  // A backend that started inside the window counts from 0.
  for (const [pid, ms] of end.postgres) postgresMs += ms - (start.postgres.get(pid) ?? 0);
  return {
    machineBusyCores: total > 0 ? (availableParallelism() * (end.machineBusy - start.machineBusy)) / total : Number.NaN,
    postgresMs: total > 0 ? postgresMs : Number.NaN,
    redisMs: total > 0 ? end.redis - start.redis : Number.NaN,
  };
}
