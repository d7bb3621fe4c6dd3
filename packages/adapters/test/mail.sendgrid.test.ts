import { MailError } from '@pf/domain';
import { describe, expect, it } from 'vitest';
import { createLogMailSender, createSendGridMailSender, SENDGRID_ENDPOINT } from '../src';

const message = {
  to: 'vendor@example.com',
  subject: 'You were invited',
  text: 'Temporary password: Secret-123',
  html: '<p>Temporary password: <b>Secret-123</b></p>',
};

/** Records every request and answers with `respond` (SendGrid is never reached from tests). */
function fakeFetch(respond: () => Response | Promise<Response> = () => new Response(null, { status: 202 })) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fn: typeof fetch = async (input, init) => {
    calls.push({ url: String(input), init: init ?? {} });
    return respond();
  };
  return { fn, calls };
}

const sender = (fetchFn: typeof fetch, from = 'PackFinderz Team <no-reply@example.com>') =>
  createSendGridMailSender({ apiKey: 'SG.secret-key', from, fetch: fetchFn });

const failureOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof MailError)) throw new Error(`expected a MailError, got ${String(error)}`);
  return error;
};

describe('SendGrid adapter request mapping', () => {
  it('POSTs one v3 mail/send request with the key as a bearer token and text before html', async () => {
    const fake = fakeFetch();
    await sender(fake.fn).send(message);
    expect(fake.calls).toHaveLength(1);
    const [call] = fake.calls;
    expect(call?.url).toBe(SENDGRID_ENDPOINT);
    expect(call?.init.method).toBe('POST');
    const headers = new Headers(call?.init.headers);
    expect(headers.get('authorization')).toBe('Bearer SG.secret-key');
    expect(headers.get('content-type')).toBe('application/json');
    expect(call?.init.signal).toBeInstanceOf(AbortSignal);
    expect(JSON.parse(String(call?.init.body))).toEqual({
      personalizations: [{ to: [{ email: 'vendor@example.com' }] }],
      from: { email: 'no-reply@example.com', name: 'PackFinderz Team' },
      subject: 'You were invited',
      content: [
        { type: 'text/plain', value: message.text },
        { type: 'text/html', value: message.html },
      ],
      tracking_settings: { click_tracking: { enable: false, enable_text: false } },
    });
  });

  it('accepts a bare sender address', async () => {
    const fake = fakeFetch();
    await sender(fake.fn, 'ops@example.com').send(message);
    expect(JSON.parse(String(fake.calls[0]?.init.body)).from).toEqual({ email: 'ops@example.com' });
  });

  it('refuses to start without a valid sender or key', () => {
    expect(() => sender(fakeFetch().fn, 'not an address')).toThrow(/MAIL_FROM/);
    expect(() => createSendGridMailSender({ apiKey: '', from: 'a@example.com', fetch: fakeFetch().fn })).toThrow();
  });

  it('sends nothing for an invalid message', async () => {
    const fake = fakeFetch();
    await failureOf(sender(fake.fn).send({ ...message, to: 'nobody' }));
    expect(fake.calls).toHaveLength(0);
  });

  it('reports a 400 with the provider reasons as not retryable, without the key', async () => {
    const body = JSON.stringify({ errors: [{ message: 'Does not contain a valid address.', field: 'from.email' }] });
    const error = await failureOf(sender(fakeFetch(() => new Response(body, { status: 400 })).fn).send(message));
    expect(error.retryable).toBe(false);
    expect(error.status).toBe(400);
    expect(error.message).toContain('from.email: Does not contain a valid address.');
    expect(error.message).not.toContain('SG.secret-key');
  });

  it.each([429, 500, 503, 401])('reports HTTP %i as retryable', async (status) => {
    const error = await failureOf(sender(fakeFetch(() => new Response('busy', { status })).fn).send(message));
    expect(error.retryable).toBe(true);
    expect(error.status).toBe(status);
  });

  it('reports a network failure as retryable', async () => {
    const error = await failureOf(
      sender(fakeFetch(() => Promise.reject(new TypeError('fetch failed'))).fn).send(message),
    );
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('fetch failed');
  });
});

describe('log mail sender', () => {
  it('logs recipient and subject but never the bodies', async () => {
    const lines: unknown[] = [];
    await createLogMailSender({ info: (fields, msg) => lines.push({ fields, msg }) }).send(message);
    const logged = JSON.stringify(lines);
    expect(logged).toContain('vendor@example.com');
    expect(logged).toContain('You were invited');
    expect(logged).not.toContain('Secret-123');
  });
});
