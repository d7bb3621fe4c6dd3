import { MailError, type MailMessage, type MailSender } from '@pf/domain';
import { describe, expect, it } from 'vitest';
import { createLogMailSender, createSendGridMailSender } from '../src';

/** SendGrid answers 202 with an empty body when it accepts a message. */
const acceptingFetch: typeof fetch = async () => new Response(null, { status: 202 });

const implementations: [string, () => MailSender][] = [
  ['log', () => createLogMailSender({ info: () => {} })],
  [
    'sendgrid (fake fetch)',
    () =>
      createSendGridMailSender({
        apiKey: 'SG.test',
        from: 'PackFinderz <no-reply@example.com>',
        fetch: acceptingFetch,
      }),
  ],
];

const valid: MailMessage = {
  to: 'buyer@example.com',
  subject: 'Your order shipped',
  text: 'It is on its way.',
  html: '<p>It is on its way.</p>',
};

const rejection = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MailError);
  return error as MailError;
};

describe.each(implementations)('MailSender contract: %s', (_name, create) => {
  const mail = create();

  it('accepts a well-formed message', async () => {
    await expect(mail.send(valid)).resolves.toBeUndefined();
  });

  it('refuses a malformed recipient as not retryable, naming the field', async () => {
    const error = await rejection(mail.send({ ...valid, to: 'not-an-address' }));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('to');
  });

  it('refuses an empty subject or a subject with a line break (header injection)', async () => {
    expect((await rejection(mail.send({ ...valid, subject: '  ' }))).retryable).toBe(false);
    expect((await rejection(mail.send({ ...valid, subject: 'Hi\r\nBcc: everyone@example.com' }))).retryable).toBe(
      false,
    );
  });

  it('requires both the text and the html part', async () => {
    await rejection(mail.send({ ...valid, text: '' }));
    await rejection(mail.send({ ...valid, html: '' }));
  });
});
