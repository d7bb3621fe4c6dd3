import type { AuditEntryDto } from '@pf/domain';

const ACTION_LABELS: Record<string, string> = {
  'license.submitted': 'License submitted',
  'license.verified': 'License verified',
  'license.rejected': 'License rejected',
  'license.deleted': 'License deleted',
  'license.expired': 'License expired',
  'license.purged': 'License purged',
  'user.avatar_set': 'Profile photo changed',
  'store.updated': 'Store profile updated',
  'media.delete_requested': 'File deletion requested',
};

/** `member.role_changed` → "Member role changed" unless a better name is known. */
export function auditActionLabel(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  const words = action.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The entity types the audit filter offers; the API accepts any string. */
export const AUDIT_ENTITY_TYPES = [
  { value: 'license', label: 'Licenses' },
  { value: 'store', label: 'Stores' },
  { value: 'membership', label: 'Team members' },
  { value: 'user', label: 'Users' },
  { value: 'media', label: 'Files' },
  { value: 'product', label: 'Products' },
  { value: 'dead_letter', label: 'Dead letters' },
] as const;

const KYC_LABEL: Record<string, string> = { pending_verification: 'pending verification' };
const kycText = (value: unknown) => KYC_LABEL[String(value)] ?? String(value);
const statusOf = (value: unknown) =>
  value && typeof value === 'object' && 'status' in value ? String((value as { status: unknown }).status) : null;

/** One line a person can read: status change, store KYC change, reason; else nothing. */
export function auditSummary(entry: AuditEntryDto): string[] {
  const { details } = entry;
  const lines: string[] = [];
  const before = statusOf(details.before);
  const after = statusOf(details.after);
  if (before && after) lines.push(`Status ${before} → ${after}`);
  if (details.kycBefore && details.kycAfter && details.kycBefore !== details.kycAfter) {
    lines.push(`Store verification ${kycText(details.kycBefore)} → ${kycText(details.kycAfter)}`);
  }
  if (typeof details.reason === 'string' && details.reason) lines.push(`Reason: ${details.reason}`);
  if (typeof details.number === 'string') lines.push(`License ${details.number}`);
  return lines;
}

/** What the entry's details call its subject, when they name it (a product's title before or after the change). */
export function auditSubjectName(entry: AuditEntryDto): string | null {
  for (const side of [entry.details.after, entry.details.before]) {
    if (side && typeof side === 'object' && 'title' in side && typeof side.title === 'string') return side.title;
  }
  return null;
}

export const actorLabel = (entry: AuditEntryDto) =>
  entry.actor.email ??
  (entry.actor.kind === 'scheduler' ? 'Scheduled job' : entry.actor.kind === 'user' ? 'Deleted user' : 'System');

/** RFC 4180 quoting; cells that a spreadsheet would run as a formula are prefixed with an apostrophe. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsv(entries: readonly AuditEntryDto[]): string {
  const header = ['time', 'action', 'entity_type', 'entity_id', 'store_id', 'actor', 'request_id', 'details'];
  const rows = entries.map((entry) => [
    entry.createdAt,
    entry.action,
    entry.entityType,
    entry.entityId ?? '',
    entry.storeId ?? '',
    actorLabel(entry),
    entry.requestId ?? '',
    JSON.stringify(entry.details),
  ]);
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Starts a browser download of text content (no server round trip). */
export function downloadText(fileName: string, content: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
