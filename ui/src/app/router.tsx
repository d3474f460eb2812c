import { createBrowserRouter } from 'react-router-dom';
import { RequirePermission } from '../features/auth/RequirePermission';
import { AppLayout } from '../features/shell/AppLayout';
import { NotFoundPage } from '../features/shell/NotFoundPage';
import { navigation, pages, type AppPage } from './pages';

export function createAppRouter() {
  return createBrowserRouter([
    {
      path: '/',
      element: <AppLayout navigation={navigation} />,
      children: [
        ...pages.map((page) =>
          page.path === '/'
            ? { index: true, element: pageElement(page) }
            : { path: page.path, element: pageElement(page) },
        ),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

function pageElement({ title, permission, Page }: AppPage) {
  const element = <Page title={title} />;
  return permission ? (
    <RequirePermission permission={permission} title={title}>
      {element}
    </RequirePermission>
  ) : (
    element
  );
}
