import { setTimeout as sleep } from 'node:timers/promises';
import type { Endpoint } from './api-server';

/** One tRPC mutation over HTTP, as the browser's mutation link sends it. */
export function postMutation(
  url: string,
  path: string,
  input: unknown,
  options: { key?: string; token?: string; timeoutMs?: number } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.key) headers['idempotency-key'] = options.key;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return fetch(`${url}/${path}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(input),
    signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
  });
}

export interface Answer {
  status: number;
  /** The Idempotency-Replayed header: the answer was stored by an earlier attempt. */
  replayed: boolean;
  data?: unknown;
  /** The app's error code of a 4xx answer. */
  code?: string;
}

export interface RetryCounts {
  /** Attempts that got no answer: connection refused or reset, timed out. */
  networkErrors: number;
  /** Attempts answered 5xx, or IDEMPOTENCY_IN_PROGRESS (which tells the client to retry). */
  retryableAnswers: number;
}

export const newRetryCounts = (): RetryCounts => ({ networkErrors: 0, retryableAnswers: 0 });

/**
 * A client that does what the web app's must: sends the mutation, and on a network error, a 5xx or
 * IDEMPOTENCY_IN_PROGRESS sends it again, with the SAME Idempotency-Key, after a short growing pause, until
 * the server gives a real answer (2xx or 4xx) or `deadlineMs` passes.
 */
export async function sendUntilAnswered(
  endpoint: Endpoint,
  path: string,
  input: unknown,
  options: { key?: string; token?: string; counts?: RetryCounts; deadlineMs?: number },
): Promise<Answer> {
  const deadline = Date.now() + (options.deadlineMs ?? 120_000);
  const counts = options.counts ?? newRetryCounts();
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) await sleep(Math.min(10 * 2 ** Math.min(attempt, 6), 500) * (0.5 + Math.random()));
    if (Date.now() > deadline) throw new Error(`${path} (key ${options.key}) got no answer before its deadline`);
    let answer: Answer;
    try {
      answer = await endpoint.send((url) => postMutation(url, path, input, options).then(readAnswer));
    } catch (error) {
      if (!isNetworkError(error)) throw error;
      counts.networkErrors++;
      continue;
    }
    if (answer.status >= 500 || answer.code === 'IDEMPOTENCY_IN_PROGRESS') {
      counts.retryableAnswers++;
      continue;
    }
    return answer;
  }
}

async function readAnswer(response: Response): Promise<Answer> {
  const replayed = response.headers.get('idempotency-replayed') === 'true';
  const text = await response.text();
  let body: { result?: { data?: unknown }; error?: { data?: { code?: string } } } = {};
  try {
    body = JSON.parse(text);
  } catch {
    // A proxy's or a dying server's non-JSON answer: only its status counts.
  }
  return { status: response.status, replayed, data: body.result?.data, code: body.error?.data?.code };
}

/** fetch's own failures (refused, reset, aborted mid-answer, timed out), not bugs in the caller. */
function isNetworkError(error: unknown) {
  if (!(error instanceof Error)) return false;
  return error.name === 'TypeError' || error.name === 'TimeoutError' || error.name === 'AbortError';
}
