import type { MailMessage, NotificationDraft } from '@pf/domain';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { appLink, invitationEmail, notificationDigestEmail, notificationEmail } from '../src/mail/templates';
import { createRuntime } from '../src/runtime';
import { capturingLogger } from './cron-helpers';

const appUrl = 'https://app.packfinderz.test';
const invite = {
  recipientFirstName: 'Ida',
  storeName: 'Green <b>Leaf</b>\r\nBcc: x@evil.test',
  inviterName: 'Olive Owner',
  role: 'manager' as const,
  appUrl,
};
const draft: NotificationDraft = {
  storeId: 'store-1',
  type: 'order_alert',
  title: 'Order canceled',
  message: 'The buyer canceled order 1234abcd <script>.',
  link: '/vendor/orders/1234',
};

describe('mail templates', () => {
  it('invite a new account with its temporary password and a sign-in link, escaping user input', () => {
    const mail = invitationEmail({ ...invite, temporaryPassword: 'Tmp-Pass-42<' });
    expect(mail.subject).toBe('Olive Owner invited you to join Green <b>Leaf</b> Bcc: x@evil.test on PackFinderz');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text).toContain('Temporary password: Tmp-Pass-42<');
    expect(mail.text).toContain(`${appUrl}/sign-in`);
    expect(mail.text).toContain('as a manager');
    expect(mail.html).toContain('Tmp-Pass-42&lt;');
    expect(mail.html).toContain('Green &lt;b&gt;Leaf&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>Leaf');
  });

  it('invite an existing account to accept, with no password at all', () => {
    const mail = invitationEmail({ ...invite, temporaryPassword: null });
    expect(mail.text).not.toMatch(/password/i);
    expect(mail.html).not.toMatch(/password/i);
    expect(mail.text).toContain(`${appUrl}/invitations`);
  });

  it('turn a notification draft into an email linking into the app', () => {
    const mail = notificationEmail(draft, { appUrl, storeName: 'Green Leaf' });
    expect(mail.subject).toBe('Order canceled (Green Leaf)');
    expect(mail.text).toContain(`${appUrl}/vendor/orders/1234`);
    expect(mail.html).toContain('1234abcd &lt;script&gt;.');
    expect(mail.html).not.toContain('<script>');
  });

  it('summarise several notifications in one digest', () => {
    const mail = notificationDigestEmail({
      drafts: [draft, { ...draft, title: 'New order received', link: '/vendor/orders' }],
      appUrl,
      storeName: 'Green Leaf',
    });
    expect(mail.subject).toBe('2 new notifications for Green Leaf');
    expect(mail.text).toContain('- Order canceled:');
    expect(mail.text).toContain('- New order received:');
    expect(mail.html.match(/<li/g)).toHaveLength(2);
    expect(() => notificationDigestEmail({ drafts: [], appUrl, storeName: 'x' })).toThrow();
  });

  it('only make app-relative links absolute', () => {
    expect(appLink(appUrl, '/buyer/orders/1')).toBe(`${appUrl}/buyer/orders/1`);
    expect(appLink(appUrl, 'https://evil.test/phish')).toBe(`${appUrl}/`);
    expect(appLink(appUrl, '//evil.test/phish')).toBe(`${appUrl}/`);
    expect(appLink(appUrl, null)).toBe(`${appUrl}/`);
  });
});

describe('mail wiring', () => {
  it('defaults to the log-only sender, which logs no bodies', async () => {
    const { logger, lines } = capturingLogger();
    const config = loadConfig({ APP_ENV: 'test', AUTH_SECRET: 'mail-test-secret-long-enough-for-hs256-x' });
    expect(config.MAIL_TRANSPORT).toBe('log');
    const mail = invitationEmail({ ...invite, temporaryPassword: 'Secret-Temp-99' });
    const message: MailMessage = { to: 'ida@example.com', ...mail };
    // No database is needed to send mail: the runtime gets inert stand-ins for it and the transport.
    const runtime = await createRuntime(config, {
      logger,
      dbHandle: { close: async () => {} } as never,
      transport: { close: async () => {} } as never,
    });
    try {
      await runtime.deps.mail.send(message);
    } finally {
      await runtime.close();
    }
    const logged = JSON.stringify(lines);
    expect(logged).toContain('ida@example.com');
    expect(logged).not.toContain('Secret-Temp-99');
  });

  it('requires an API key for SendGrid and a valid sender address', () => {
    expect(() => loadConfig({ APP_ENV: 'test', MAIL_TRANSPORT: 'sendgrid' })).toThrow(/SENDGRID_API_KEY/);
    expect(() => loadConfig({ APP_ENV: 'test', MAIL_FROM: 'nobody' })).toThrow(/MAIL_FROM/);
    const config = loadConfig({ APP_ENV: 'test', MAIL_TRANSPORT: 'sendgrid', SENDGRID_API_KEY: 'SG.x' });
    expect(config.MAIL_FROM).toBe('PackFinderz <no-reply@packfinderz.local>');
  });
});
