import type { AppDeps } from '../../deps';

/**
 * A few seconds of in-process memory for what every browse request looks up before its page (the viewer's
 * state, the vendors the rule lists there, the search mode, the cached counts). At hundreds of requests per
 * second these were four of six round trips per request, and on this machine a round trip costs more CPU
 * than the SQL it carries. A listing change therefore reaches browse within SCOPE_MEMO_MS; cart and checkout
 * re-check the rule themselves (DOMAIN §5.7), so a product shown a moment too long cannot be ordered.
 * Keyed by the deps object (each app and test app has its own) and timed by its clock.
 */
export const SCOPE_MEMO_MS = 2000;

interface Entry {
  value: Promise<unknown>;
  expiresAt: number;
}
const memos = new WeakMap<AppDeps, Map<string, Entry>>();

/**
 * The remembered value, or `load()` once for everyone asking at the same time; failures are not kept. `load`
 * must return a real promise (an async function), not a lazy query builder that runs again on every await.
 */
export function remembered<T>(deps: AppDeps, key: string, load: () => Promise<T>): Promise<T> {
  const memo = memos.get(deps) ?? new Map<string, Entry>();
  memos.set(deps, memo);
  const now = deps.clock.now().getTime();
  const hit = memo.get(key);
  if (hit && hit.expiresAt > now) return hit.value as Promise<T>;
  if (memo.size > 10_000) memo.clear();
  const value = load();
  memo.set(key, { value, expiresAt: now + SCOPE_MEMO_MS });
  value.catch(() => memo.delete(key));
  return value;
}
