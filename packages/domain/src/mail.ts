import { z } from 'zod';

/** One transactional email. Both parts are required: clients that block HTML still get the text. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Outgoing email (SendGrid in the cloud, a log-only sender locally and in tests). */
export interface MailSender {
  /** Resolves once the provider accepted the message; rejects with a MailError otherwise. */
  send(message: MailMessage): Promise<void>;
}

/**
 * Why a message was not sent. `retryable` separates a provider outage or rate limit (try again later)
 * from a message the provider will never accept (bad address, rejected content).
 */
export class MailError extends Error {
  override name = 'MailError';
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
  }
}

const mailMessageSchema = z.object({
  to: z.email(),
  // A header line: a line break would let a subject smuggle extra headers in.
  subject: z
    .string()
    .trim()
    .min(1)
    .max(998)
    .refine((subject) => !/[\r\n]/.test(subject), 'must be a single line'),
  text: z.string().min(1),
  html: z.string().min(1),
});

/** Every sender checks the same rules first, so a bad message fails the same way whichever adapter runs. */
export function assertValidMailMessage(message: MailMessage): void {
  const parsed = mailMessageSchema.safeParse(message);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || 'message').join(', ');
    throw new MailError(`invalid mail message: ${fields}`, false);
  }
}

/** `"PackFinderz <no-reply@example.com>"` or a bare address → its parts; null when it is neither. */
export function parseMailbox(value: string): { email: string; name?: string } | null {
  const match = /^\s*(?:"?([^"<>]*?)"?\s*<([^<>\s]+)>|([^<>\s]+))\s*$/.exec(value);
  const email = match?.[2] ?? match?.[3];
  if (!email || !z.email().safeParse(email).success) return null;
  const name = match?.[1]?.trim();
  return name ? { email, name } : { email };
}
