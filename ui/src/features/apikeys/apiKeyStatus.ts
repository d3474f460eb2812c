import type { Schemas } from '../../api/client';

export type ApiKey = Schemas['ApiKeySummary'];

export type ApiKeyStatus = 'Active' | 'Revoked' | 'Expired';

/** Whether a key still works: revoked wins over expired. */
export function apiKeyStatus(key: ApiKey, now: Date = new Date()): ApiKeyStatus {
  if (key.revokedAt) return 'Revoked';
  if (key.expiresAt && new Date(key.expiresAt) <= now) return 'Expired';
  return 'Active';
}
