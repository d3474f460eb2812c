import { Suspense } from 'react';
import { Outlet } from 'react-router-dom';
import type { NavSection } from './navigation';
import { SideNav } from './SideNav';
import { TopBar } from './TopBar';

/** The frame around every page: top bar, left navigation, and the routed page. */
export function AppLayout({ navigation }: { navigation: NavSection[] }) {
  return (
    <div className="app">
      <TopBar />
      <div className="app-body">
        <SideNav sections={navigation} />
        <main className="content">
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
