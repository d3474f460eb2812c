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
// Features not built yet share one placeholder; each gets its own module when it lands.
const ComingSoon = lazy(() => import('../features/shell/ComingSoonPage'));

/** The left navigation, in order; also the list of routes. */
export const navigation: AppSection[] = [
  {
    items: [
      { path: '/', title: 'Dashboard', Page: Dashboard },
      { path: '/connectors', title: 'Connectors', Page: ComingSoon },
      { path: '/agents', title: 'AI Agents', Page: ComingSoon },
    ],
  },
  {
    label: 'Integrations',
    items: [
      { path: '/integrations/webhooks', title: 'Webhooks', Page: ComingSoon },
      { path: '/integrations/api-keys', title: 'API Keys', Page: ComingSoon },
      { path: '/integrations/automation', title: 'Automation', Page: ComingSoon },
    ],
  },
  {
    label: 'Client Portal',
    items: [
      { path: '/portal/cms', title: 'CMS', Page: ComingSoon },
      { path: '/portal/crm', title: 'CRM', Page: ComingSoon },
      { path: '/portal/ecommerce', title: 'E-commerce', Page: ComingSoon },
    ],
  },
  {
    items: [
      { path: '/runs', title: 'Runs', Page: ComingSoon },
      { path: '/audit', title: 'Audit Log', Page: ComingSoon },
      { path: '/health', title: 'System Health', Page: ComingSoon },
    ],
  },
];

export const pages: AppPage[] = navigation.flatMap((section) => section.items);
