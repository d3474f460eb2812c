import type { ApiClient } from '../../api/client';
import { call, type ApiResult } from '../../api/result';
import type { AuditFilters } from './auditQuery';

/**
 * Downloads the filtered audit log as CSV. A plain link cannot carry the bearer token, so the
 * typed client fetches the file and the browser saves it from an object URL.
 */
export async function exportAuditCsv(api: ApiClient, filters: AuditFilters): Promise<ApiResult<void>> {
  const result = await call(
    'Exporting the audit log',
    api.GET('/api/audit/export', { params: { query: filters }, parseAs: 'blob' }).then((answer) => ({
      ...answer,
      data: answer.data && { blob: answer.data, name: fileName(answer.response) },
    })),
  );
  if (!result.ok) return result;
  const url = URL.createObjectURL(result.data.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = result.data.name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob; free it once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { ok: true, data: undefined };
}

function fileName(response: Response): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename="?([^";]+)"?/i.exec(disposition);
  return match?.[1] ?? 'audit.csv';
}
