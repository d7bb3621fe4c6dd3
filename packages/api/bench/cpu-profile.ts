import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of a V8 `.cpuprofile` (written by `node --cpu-prof`) that self time needs. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; hitCount?: number }[];
  startTime: number;
  endTime: number;
  samples: number[];
}

/**
 * Who a sampled function belongs to: a package under node_modules (scoped names kept whole), the project's own
 * code, Node's JavaScript internals, or V8's pseudo-frames (native code, the garbage collector, idle).
 */
export function ownerOf(functionName: string, url: string): string {
  if (!url) {
    if (functionName === '(garbage collector)') return 'V8 garbage collector';
    if (functionName === '(idle)') return '(idle)';
    return 'native (V8, libuv, syscalls)';
  }
  if (url.startsWith('node:')) return 'Node.js internals';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [first = '', second = ''] = url.slice(modules + 'node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  if (url.includes('/apps/web/.next/')) return 'Next.js build output (app + bundled packages)';
  if (url.includes('/packages/') || url.includes('/apps/')) return 'PackFinderz code';
  return 'other';
}

/** Self time per owner across every profile in `dir`, busiest first, as shares of the non-idle time. */
export function summariseProfiles(dir: string): { owner: string; ms: number; share: number }[] {
  const totals = new Map<string, number>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const interval =
      profile.samples.length > 0 ? (profile.endTime - profile.startTime) / 1000 / profile.samples.length : 0;
    for (const node of profile.nodes) {
      const owner = ownerOf(node.callFrame.functionName, node.callFrame.url);
      totals.set(owner, (totals.get(owner) ?? 0) + (node.hitCount ?? 0) * interval);
    }
  }
  totals.delete('(idle)');
  const busy = [...totals.values()].reduce((sum, ms) => sum + ms, 0);
  return [...totals.entries()]
    .map(([owner, ms]) => ({ owner, ms, share: busy > 0 ? ms / busy : 0 }))
    .sort((a, b) => b.ms - a.ms);
}

export function printProfileSummary(dir: string, top = 15) {
  const rows = summariseProfiles(dir);
  console.log(`\nWhere the web server's CPU went (self time, ${dir}; idle excluded):`);
  for (const row of rows.slice(0, top)) {
    console.log(
      `  ${(row.share * 100).toFixed(1).padStart(5)} %  ${Math.round(row.ms).toString().padStart(7)} ms  ${row.owner}`,
    );
  }
}
