import { Suspense } from 'react';
import { Outlet } from 'react-router-dom';
import { usePermissions } from '../auth/permissions';
import { visibleSections, type NavSection } from './navigation';
import { SideNav } from './SideNav';
import { TopBar } from './TopBar';

/** The frame around every page: top bar, left navigation (what the user may open), and the routed page. */
export function AppLayout({ navigation }: { navigation: NavSection[] }) {
  const { can } = usePermissions();
  return (
    <div className="app">
      <TopBar />
      <div className="app-body">
        <SideNav sections={visibleSections(navigation, can)} />
        <main className="content">
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
