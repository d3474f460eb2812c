import type { Schemas } from '../../api/client';

export type SyncedRecord = Schemas['SyncedRecordView'];
export type RecordPage = Schemas['RecordPage'];

/** What a list of synced records asks the api for (`q`, `page`, `size` of its query). */
export interface RecordQuery {
  q?: string;
  page: number;
  size: number;
}

/** What the statuses of WordPress pages and posts say; any other status is shown as the provider sent it. */
const STATUSES: Record<string, { label: string; tone: 'ok' | 'neutral' }> = {
  publish: { label: 'Published', tone: 'ok' },
  future: { label: 'Scheduled', tone: 'neutral' },
  draft: { label: 'Draft', tone: 'neutral' },
  pending: { label: 'Pending review', tone: 'neutral' },
  private: { label: 'Private', tone: 'neutral' },
  trash: { label: 'In the trash', tone: 'neutral' },
};

/** A field of a record's normalized data as text ('' when absent), e.g. a contact's `email`. */
export function dataText(record: SyncedRecord, key: string): string {
  const value = (record.data as Record<string, unknown> | undefined)?.[key];
  return value === undefined || value === null ? '' : String(value);
}

/** An amount with its currency, as a shop synced it: `24.00 EUR`. */
export function amount(record: SyncedRecord, key: string): string {
  const value = dataText(record, key);
  const currency = dataText(record, 'currency');
  return value && currency ? `${value} ${currency}` : value;
}

export function recordStatus(status: string): { label: string; tone: 'ok' | 'neutral' } {
  return STATUSES[status] ?? { label: status, tone: 'neutral' };
}

/**
 * A title as the provider rendered it (WordPress sends HTML, such as `Rock &amp; roll`) as plain
 * text. The parsed document is never attached to the page, so nothing in it runs or loads.
 */
export function plainText(html: string | undefined): string {
  if (!html) return '';
  if (!/[<&]/.test(html)) return html.trim();
  return (new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '').trim();
}

/** The record's address if it is a web address (http or https), so no other scheme becomes a link. */
export function webAddress(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
