import type { AppRouter } from '@pf/api';
import { MutationObserver } from '@tanstack/react-query';
import { createTRPCClient } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { makeQueryClient, trpcLinks } from '@/lib/trpc-client';

/**
 * The browser's tRPC client as the app builds it (trpcLinks, makeQueryClient), over a scripted fetch that
 * records the Idempotency-Key of every request it receives.
 */
type Reply = 'ok' | 'network' | 400 | 404 | 500 | 503;

const errorCodes: Record<number, string> = {
  400: 'VALIDATION_ERROR',
  404: 'NOT_FOUND',
  500: 'INTERNAL_ERROR',
  503: 'DEPENDENCY_ERROR',
};

/** `answerAfter`: no request is answered before that many were sent (all of them in flight at once). */
function scriptedApp(replies: Reply[], { answerAfter = 1 } = {}) {
  const sent: { path: string; key: string | null }[] = [];
  let allSent = () => {};
  const answering = new Promise<void>((resolve) => {
    allSent = resolve;
  });
  const fetch = async (url: URL | RequestInfo, init?: RequestInit) => {
    const path = new URL(String(url)).pathname.replace('/api/trpc/', '');
    sent.push({ path, key: new Headers(init?.headers).get('idempotency-key') });
    if (sent.length >= answerAfter) allSent();
    await answering;
    const reply = replies.shift() ?? 'ok';
    if (reply === 'network') throw new TypeError('fetch failed');
    if (reply === 'ok') {
      const result = { result: { data: { read: true } } };
      return Response.json(path.includes(',') || init?.method === 'GET' ? [result] : result);
    }
    const error = { message: 'refused', code: -32600, data: { code: errorCodes[reply], httpStatus: reply } };
    return Response.json({ error }, { status: reply });
  };
  const client = createTRPCClient<AppRouter>({ links: trpcLinks({ url: 'http://app.test/api/trpc', fetch }) });
  const queryClient = makeQueryClient();
  /** One user action through TanStack Query, with the app's retry policy (without the waits between tries). */
  const markRead = (id: string) =>
    new MutationObserver(queryClient, {
      mutationFn: (input: { id: string }) => client.notifications.markRead.mutate(input),
      retryDelay: 0,
    }).mutate({ id });
  return { client, sent, markRead, keys: () => sent.map((request) => request.key) };
}

const NOTE = '3f1f8b1e-6a53-4c3e-9d3c-1b8a9f0e2a11';
const OTHER_NOTE = '9b2d7c4a-1e5f-4a8b-8c6d-2f3e4a5b6c7d';

describe('one Idempotency-Key per user action', () => {
  it('a retry after a network failure sends the same key; the next action gets a new one', async () => {
    const app = scriptedApp(['network', 'ok', 'ok']);
    await app.markRead(NOTE);
    await app.markRead(NOTE);
    const [first, retry, next] = app.keys();
    expect(first).toMatch(/^[A-Za-z0-9-]{8,128}$/);
    expect(retry).toBe(first);
    expect(next).not.toBe(first);
  });

  it('a dependency failure (503) is retried with the same key', async () => {
    const app = scriptedApp([503, 503, 'ok']);
    await app.markRead(NOTE);
    expect(app.keys()).toHaveLength(3);
    expect(new Set(app.keys()).size).toBe(1);
  });

  it('a double click (same input while the first is in flight) shares the key; another input has its own', async () => {
    const app = scriptedApp([], { answerAfter: 3 });
    await Promise.all([app.markRead(NOTE), app.markRead(NOTE), app.markRead(OTHER_NOTE)]);
    const [first, second, other] = app.keys();
    expect(second).toBe(first);
    expect(other).not.toBe(first);
  });

  it('a definite answer (4xx) ends the action: no retry, and the same input again is a new action', async () => {
    const app = scriptedApp([404, 'ok']);
    await expect(app.markRead(NOTE)).rejects.toThrow('refused');
    expect(app.keys()).toHaveLength(1);
    await app.markRead(NOTE);
    const [refused, again] = app.keys();
    expect(again).not.toBe(refused);
  });

  it('a 500 is not retried by itself, but resubmitting the action keeps its key', async () => {
    const app = scriptedApp([500, 'ok']);
    await expect(app.markRead(NOTE)).rejects.toThrow('refused');
    expect(app.keys()).toHaveLength(1);
    await app.markRead(NOTE);
    const [failed, resubmitted] = app.keys();
    expect(resubmitted).toBe(failed);
  });

  it('queries carry no key, and a key the caller gives explicitly is used as is', async () => {
    const app = scriptedApp([]);
    await app.client.notifications.unreadCount.query();
    await app.client.notifications.markRead.mutate({ id: NOTE }, { context: { idempotencyKey: 'chosen-key-0001' } });
    expect(app.sent).toEqual([
      { path: 'notifications.unreadCount', key: null },
      { path: 'notifications.markRead', key: 'chosen-key-0001' },
    ]);
  });
});
