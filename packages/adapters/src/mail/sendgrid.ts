import { assertValidMailMessage, MailError, type MailMessage, type MailSender, parseMailbox } from '@pf/domain';

export const SENDGRID_ENDPOINT = 'https://api.sendgrid.com/v3/mail/send';

export interface SendGridOptions {
  apiKey: string;
  /** `"Name <address>"` or an address; SendGrid only accepts a verified sender. */
  from: string;
  /** Injected so tests never reach SendGrid; defaults to the global fetch. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The v3 mail/send body for one message (text part first: SendGrid requires text/plain before text/html). */
export function sendGridRequestBody(message: MailMessage, from: { email: string; name?: string }) {
  return {
    personalizations: [{ to: [{ email: message.to }] }],
    from,
    subject: message.subject,
    content: [
      { type: 'text/plain', value: message.text },
      { type: 'text/html', value: message.html },
    ],
    // Click tracking would rewrite invitation and sign-in links through a third-party redirect.
    tracking_settings: { click_tracking: { enable: false, enable_text: false } },
  };
}

/**
 * 429 and 5xx are the provider's trouble, and 401/403 an operator's (a bad or revoked key): the message
 * itself is fine, so those are retryable. Any other 4xx means SendGrid will never take this message.
 */
const isRetryableStatus = (status: number) =>
  status === 408 || status === 429 || status >= 500 || status === 401 || status === 403;

async function describeFailure(response: Response): Promise<string> {
  const body = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(body) as { errors?: { message?: string; field?: string | null }[] };
    const messages = (parsed.errors ?? []).map((e) => (e.field ? `${e.field}: ${e.message}` : e.message));
    if (messages.length > 0) return messages.join('; ').slice(0, 500);
  } catch {
    // not JSON: fall through to the raw text
  }
  return body.slice(0, 500);
}

/** SendGrid v3 over HTTPS. The API key travels only in the Authorization header and never in an error. */
export function createSendGridMailSender(options: SendGridOptions): MailSender {
  const from = parseMailbox(options.from);
  if (!from) throw new Error('SendGrid sender: MAIL_FROM is not a valid "Name <address>" or address');
  if (!options.apiKey) throw new Error('SendGrid sender: an API key is required');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;

  return {
    async send(message) {
      assertValidMailMessage(message);
      let response: Response;
      try {
        response = await doFetch(SENDGRID_ENDPOINT, {
          method: 'POST',
          headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify(sendGridRequestBody(message, from)),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        throw new MailError(`SendGrid unreachable (${reason})`, true);
      }
      if (response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return;
      }
      const detail = await describeFailure(response);
      throw new MailError(
        `SendGrid refused the message (HTTP ${response.status})${detail ? `: ${detail}` : ''}`,
        isRetryableStatus(response.status),
        response.status,
      );
    },
  };
}
