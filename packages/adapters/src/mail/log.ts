import { assertValidMailMessage, type MailSender } from '@pf/domain';

/** The slice of a pino logger the sender needs (adapters do not depend on pino). */
export interface MailLogger {
  info(fields: Record<string, unknown>, message: string): void;
}

/**
 * Local mail transport (the default): validates like a real provider, then logs who would get what. Bodies
 * are never logged, because invitation emails carry temporary passwords and links that act as credentials.
 */
export function createLogMailSender(logger: MailLogger): MailSender {
  return {
    async send(message) {
      assertValidMailMessage(message);
      logger.info(
        {
          mail: {
            to: message.to,
            subject: message.subject,
            textBytes: Buffer.byteLength(message.text),
            htmlBytes: Buffer.byteLength(message.html),
          },
        },
        'mail not sent (MAIL_TRANSPORT=log)',
      );
    },
  };
}
