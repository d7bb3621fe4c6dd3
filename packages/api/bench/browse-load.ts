import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BrowseLoadOptions, BrowseLoadResult, LoadMessage } from './browse-load-client';
import { cpuDelta, cpuSnapshot } from './cpu';

export interface LoadRun extends BrowseLoadResult {
  /** CPU time per response of this (the server's) process and of the bench database's Postgres backends. */
  serverCpuMs: number;
  postgresCpuMs: number;
  /** Cores busy on the whole machine during the window (other engineers' work included). */
  machineBusyCores: number;
  /** 1-minute load average when the run ended (2 cores are shared with other work on this machine). */
  load1: number;
}

/** Runs browse-load-client.ts in its own process; CPU is sampled here over the client's measured window. */
export function runBrowseLoad(options: BrowseLoadOptions, database: string): Promise<LoadRun> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./browse-load-client.ts', import.meta.url)), { stdio: 'inherit' });
    const snapshot = () => ({ cpu: process.cpuUsage(), others: cpuSnapshot(database) });
    let start: ReturnType<typeof snapshot> | undefined;
    let end: ReturnType<typeof snapshot> | undefined;
    let settled = false;
    child.on('message', (message: LoadMessage) => {
      if (message.kind === 'measuring') start = snapshot();
      if (message.kind === 'stopped') end = snapshot();
      if (message.kind !== 'done' || !start || !end) return;
      settled = true;
      const { requests } = message.result;
      const serverMs = (end.cpu.user - start.cpu.user + end.cpu.system - start.cpu.system) / 1000;
      const others = cpuDelta(start.others, end.others);
      resolve({
        ...message.result,
        serverCpuMs: serverMs / requests,
        postgresCpuMs: others.postgresMs / requests,
        machineBusyCores: others.machineBusyCores,
        load1: loadavg()[0] ?? Number.NaN,
      });
      child.disconnect();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (!settled) reject(new Error(`load generator exited early (code ${code}, signal ${signal})`));
    });
    child.send(options);
  });
}
