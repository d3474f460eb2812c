import type { operations } from '../../api/schema';

/** The filters of the audit log, as the api takes them (GET /api/audit and its CSV export). */
export type AuditFilters = NonNullable<operations['exportAuditEntries']['parameters']['query']>;

/** What the filter form holds: text as typed, times as `datetime-local` values (local time). */
export interface AuditFilterDraft {
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  from: string;
  to: string;
}

/** The kinds of object audit rows name, as the api writes them. */
export const OBJECT_KINDS = [
  'API key',
  'automation',
  'automation rule',
  'connection',
  'deployment',
  'message',
  'platform secret',
  'process template',
  'run',
  'schedule',
  'tenant',
  'user',
  'webhook delivery',
  'webhook listener',
];

export const emptyDraft: AuditFilterDraft = { actor: '', action: '', targetType: '', targetId: '', from: '', to: '' };

/** The api's filters from the form: blanks left out, local times as ISO 8601 instants. */
export function toFilters(draft: AuditFilterDraft): AuditFilters {
  const filters: AuditFilters = {};
  const actor = draft.actor.trim();
  const action = draft.action.trim();
  const targetType = draft.targetType.trim();
  const targetId = draft.targetId.trim();
  if (actor) filters.actor = actor;
  if (action) filters.action = action;
  if (targetType) filters.targetType = targetType;
  if (targetId) filters.targetId = targetId;
  const from = toInstant(draft.from);
  const to = toInstant(draft.to);
  if (from) filters.from = from;
  if (to) filters.to = to;
  return filters;
}

function toInstant(local: string): string | undefined {
  if (!local) return undefined;
  // A datetime-local value has no zone: the Date constructor reads it as the user's local time.
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
