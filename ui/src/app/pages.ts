import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { NavItem, NavSection } from '../features/shell/navigation';

type PageComponent = LazyExoticComponent<ComponentType<{ title: string }>>;

/** A routed page: its navigation entry and the component (a separate chunk) that renders it. */
export interface AppPage extends NavItem {
  Page: PageComponent;
}

interface AppSection extends NavSection {
  items: AppPage[];
}

const Dashboard = lazy(() => import('../features/dashboard/DashboardPage'));
const ApiKeys = lazy(() => import('../features/apikeys/ApiKeysPage'));
const AuditLog = lazy(() => import('../features/audit/AuditLogPage'));
const Users = lazy(() => import('../features/users/UsersPage'));
const Tenants = lazy(() => import('../features/tenants/TenantsPage'));
const Connectors = lazy(() => import('../features/connectors/ConnectorsPage'));
const ConnectionDetails = lazy(() => import('../features/connectors/ConnectionDetailsPage'));
const Webhooks = lazy(() => import('../features/webhooks/WebhooksPage'));
const WebhookDetails = lazy(() => import('../features/webhooks/WebhookDetailsPage'));
const Automations = lazy(() => import('../features/automations/AutomationsPage'));
const AutomationEditor = lazy(() => import('../features/automations/AutomationEditorPage'));
const Agents = lazy(() => import('../features/agents/AgentsPage'));
const AgentDetails = lazy(() => import('../features/agents/AgentPage'));
const Runs = lazy(() => import('../features/runs/RunsPage'));
const RunDetails = lazy(() => import('../features/runs/RunDetailsPage'));
const PortalCms = lazy(() => import('../features/portal/PortalCmsPage'));
const PortalCrm = lazy(() => import('../features/portal/PortalCrmPage'));
const PortalCommerce = lazy(() => import('../features/portal/PortalCommercePage'));
const SystemHealth = lazy(() => import('../features/system/SystemHealthPage'));

/**
 * The left navigation, in order; also the list of routes. An entry with a permission is shown,
 * and its page opened, only for users who have that permission (the api checks the same one).
 */
export const navigation: AppSection[] = [
  {
    items: [
      { path: '/', title: 'Dashboard', Page: Dashboard },
      { path: '/connectors', title: 'Connectors', permission: 'connectors:read', Page: Connectors },
      { path: '/agents', title: 'AI Agents', permission: 'agents:read', Page: Agents },
    ],
  },
  {
    label: 'Integrations',
    items: [
      { path: '/integrations/webhooks', title: 'Webhooks', permission: 'webhooks:manage', Page: Webhooks },
      { path: '/integrations/api-keys', title: 'API Keys', permission: 'apikeys:manage', Page: ApiKeys },
      { path: '/integrations/automation', title: 'Automation', permission: 'automations:read', Page: Automations },
    ],
  },
  {
    label: 'Client Portal',
    items: [
      { path: '/portal/cms', title: 'CMS', permission: 'portal:read', Page: PortalCms },
      { path: '/portal/crm', title: 'CRM', permission: 'portal:read', Page: PortalCrm },
      { path: '/portal/ecommerce', title: 'E-commerce', permission: 'portal:read', Page: PortalCommerce },
    ],
  },
  {
    items: [
      { path: '/runs', title: 'Runs', permission: 'runs:read', Page: Runs },
      { path: '/audit', title: 'Audit Log', permission: 'audit:read', Page: AuditLog },
      { path: '/health', title: 'System Health', permission: 'system:read', Page: SystemHealth },
    ],
  },
  {
    label: 'Administration',
    items: [
      { path: '/admin/users', title: 'Users and roles', permission: 'users:manage', Page: Users },
      { path: '/admin/tenants', title: 'Tenants', permission: 'tenants:manage', Page: Tenants },
    ],
  },
];

/**
 * Pages opened from another page rather than from the navigation, such as one record's details;
 * their permission is checked like the navigation's.
 */
const detailPages: AppPage[] = [
  { path: '/connectors/:id', title: 'Connection', permission: 'connectors:read', Page: ConnectionDetails },
  { path: '/integrations/webhooks/:id', title: 'Webhook', permission: 'webhooks:manage', Page: WebhookDetails },
  { path: '/integrations/automation/:key', title: 'Automation', permission: 'automations:read', Page: AutomationEditor },
  { path: '/agents/:id', title: 'AI Agent', permission: 'agents:read', Page: AgentDetails },
  { path: '/runs/:id', title: 'Run', permission: 'runs:read', Page: RunDetails },
];

/** Every route: the navigation's pages and the detail pages. */
export const pages: AppPage[] = [...navigation.flatMap((section) => section.items), ...detailPages];
