import { createBrowserRouter } from 'react-router-dom';
import { AppLayout } from '../features/shell/AppLayout';
import { NotFoundPage } from '../features/shell/NotFoundPage';
import { navigation, pages } from './pages';

export function createAppRouter() {
  return createBrowserRouter([
    {
      path: '/',
      element: <AppLayout navigation={navigation} />,
      children: [
        ...pages.map(({ path, title, Page }) =>
          path === '/' ? { index: true, element: <Page title={title} /> } : { path, element: <Page title={title} /> },
        ),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
