/**
 * The roles a tenant admin gives (the api's TenantUsers accepts exactly these; platform-admin is
 * never given from a tenant), with what each is for (docs/permissions.md).
 */
export const TENANT_ROLES = [
  { role: 'tenant-admin', description: 'Everything in the tenant, including users, API keys and the audit log' },
  { role: 'editor', description: 'Builds and deploys automations, connectors, agents and webhooks' },
  { role: 'operator', description: 'Views everything and starts, retries and cancels runs' },
  { role: 'viewer', description: 'Views connectors, automations, runs, agents and the portal' },
  { role: 'portal-client', description: 'Reads the client portal only' },
] as const;
