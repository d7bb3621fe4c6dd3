import type { MemberRole, NotificationDraft } from '@pf/domain';

/** A rendered email without its recipient: the caller decides who gets it. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const BRAND = 'PackFinderz';

export const escapeHtml = (value: string) =>
  value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

/** Subjects are one header line: user-supplied names must not add lines (header injection) or run long. */
const oneLine = (value: string, max = 120) => value.replace(/\s+/g, ' ').trim().slice(0, max);

/** Only app-relative links become absolute; anything else falls back to the app's home page. */
export function appLink(appUrl: string, link: string | null | undefined): string {
  if (!link?.startsWith('/') || link.startsWith('//')) return new URL('/', appUrl).toString();
  return new URL(link, appUrl).toString();
}

const ROLE_NAMES: Record<MemberRole, string> = {
  owner: 'an owner',
  admin: 'an admin',
  manager: 'a manager',
  viewer: 'a viewer',
  agent: 'an agent',
  staff: 'a staff member',
  ops: 'an operations member',
};

/** Wraps body HTML in a minimal layout that renders in every mail client (no external assets). */
function layout(title: string, bodyHtml: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">
${bodyHtml}
<p style="color:#6b6b6b;font-size:12px;margin-top:32px">${BRAND}: wholesale cannabis marketplace. You get this email because of your account on ${BRAND}.</p>
</body></html>`;
}

const button = (href: string, label: string) =>
  `<p><a href="${escapeHtml(href)}" style="display:inline-block;background:#166534;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(label)}</a></p>`;

export interface InvitationMailInput {
  recipientFirstName: string;
  storeName: string;
  inviterName: string;
  role: MemberRole;
  appUrl: string;
  /** Only for a new account: the one-time password the invite created. Never logged or stored. */
  temporaryPassword?: string | null;
}

/** Invitation to join a store; a new account also gets its temporary password and must change it. */
export function invitationEmail(input: InvitationMailInput): RenderedMail {
  const storeName = oneLine(input.storeName, 80);
  const inviter = oneLine(input.inviterName, 80);
  const role = ROLE_NAMES[input.role];
  const signIn = appLink(input.appUrl, '/sign-in');
  const invitations = appLink(input.appUrl, '/invitations');
  const subject = `${inviter} invited you to join ${storeName} on ${BRAND}`;
  const greeting = `Hi ${oneLine(input.recipientFirstName, 60)},`;
  const intro = `${inviter} invited you to join ${storeName} on ${BRAND} as ${role}.`;

  if (input.temporaryPassword) {
    const text = [
      greeting,
      '',
      intro,
      '',
      `An account was created for you. Sign in at ${signIn} with this email address and the temporary password below, then accept the invitation and choose a new password.`,
      '',
      `Temporary password: ${input.temporaryPassword}`,
      '',
      'If you did not expect this invitation, ignore this email: nothing happens until you sign in.',
    ].join('\n');
    const html = layout(
      subject,
      `<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
<p>An account was created for you. Sign in with this email address and the temporary password below, then accept the invitation and choose a new password.</p>
<p style="font-size:18px"><strong>Temporary password:</strong> <code>${escapeHtml(input.temporaryPassword)}</code></p>
${button(signIn, 'Sign in')}
<p>If you did not expect this invitation, ignore this email: nothing happens until you sign in.</p>`,
    );
    return { subject, text, html };
  }

  const text = [
    greeting,
    '',
    intro,
    '',
    `Sign in with your existing account and accept it at ${invitations}.`,
    '',
    'If you did not expect this invitation, you can decline it there or ignore this email.',
  ].join('\n');
  const html = layout(
    subject,
    `<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
<p>Sign in with your existing account to accept it.</p>
${button(invitations, 'View invitation')}
<p>If you did not expect this invitation, you can decline it there or ignore this email.</p>`,
  );
  return { subject, text, html };
}

/** One in-app notification as an email (for alerts important enough to also reach the inbox). */
export function notificationEmail(
  draft: NotificationDraft,
  options: { appUrl: string; storeName?: string },
): RenderedMail {
  const title = oneLine(draft.title);
  const subject = options.storeName ? `${title} (${oneLine(options.storeName, 60)})` : title;
  const link = appLink(options.appUrl, draft.link);
  const text = [draft.message, '', `Open in ${BRAND}: ${link}`].join('\n');
  const html = layout(
    subject,
    `<h2 style="font-size:18px">${escapeHtml(title)}</h2>
<p>${escapeHtml(draft.message)}</p>
${button(link, `Open in ${BRAND}`)}`,
  );
  return { subject, text, html };
}

/** Several notifications in one email, newest first as given; empty input is the caller's bug. */
export function notificationDigestEmail(input: {
  drafts: readonly NotificationDraft[];
  appUrl: string;
  storeName: string;
}): RenderedMail {
  if (input.drafts.length === 0) throw new Error('a notification digest needs at least one notification');
  const storeName = oneLine(input.storeName, 80);
  const n = input.drafts.length;
  const subject = `${n} new notification${n === 1 ? '' : 's'} for ${storeName}`;
  const inbox = appLink(input.appUrl, '/notifications');
  const items = input.drafts.map((draft) => ({
    title: oneLine(draft.title),
    message: draft.message,
    link: appLink(input.appUrl, draft.link),
  }));
  const text = [
    `${subject}:`,
    '',
    ...items.flatMap((item) => [`- ${item.title}: ${item.message}`, `  ${item.link}`]),
    '',
    `All notifications: ${inbox}`,
  ].join('\n');
  const html = layout(
    subject,
    `<h2 style="font-size:18px">${escapeHtml(subject)}</h2>
<ul style="padding-left:18px">
${items
  .map(
    (item) =>
      `<li style="margin-bottom:12px"><a href="${escapeHtml(item.link)}"><strong>${escapeHtml(item.title)}</strong></a><br>${escapeHtml(item.message)}</li>`,
  )
  .join('\n')}
</ul>
${button(inbox, 'All notifications')}`,
  );
  return { subject, text, html };
}
