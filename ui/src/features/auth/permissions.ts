import { useMemo } from 'react';
import { useCurrentUser } from '../account/currentUser';

/**
 * The permissions the api knows (io.brain.api.identity.Permissions, docs/permissions.md), in the
 * order the app lists them. The app only hides what the api would refuse; the api decides.
 */
export const PERMISSIONS = [
  'tenants:manage',
  'system:read',
  'secrets:manage',
  'users:manage',
  'apikeys:manage',
  'audit:read',
  'connectors:read',
  'connectors:write',
  'automations:read',
  'automations:write',
  'automations:deploy',
  'runs:read',
  'runs:start',
  'agents:read',
  'agents:write',
  'webhooks:manage',
  'portal:read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export interface Permissions {
  /** Whether the signed-in user has the permission; false until GET /api/me has answered. */
  can: (permission: Permission) => boolean;
  /** The user's permissions (the token's `permissions` claim, from GET /api/me), in the order above. */
  granted: string[];
}

/** The signed-in user's permissions: the one way the app decides what to show. */
export function usePermissions(): Permissions {
  const { state } = useCurrentUser();
  const user = state.status === 'ready' ? state.user : undefined;
  return useMemo(() => {
    const granted = new Set(user?.permissions ?? []);
    return {
      can: (permission: Permission) => granted.has(permission),
      granted: [...granted].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)),
    };
  }, [user]);
}

function rank(permission: string): number {
  const index = (PERMISSIONS as readonly string[]).indexOf(permission);
  return index < 0 ? PERMISSIONS.length : index;
}
