import { useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { CurrentUserProvider } from '../features/account/currentUser';
import { SessionProvider, type Session } from '../features/auth/session';
import { createAppRouter } from './router';

export function App({ session }: { session: Session }) {
  const [router] = useState(createAppRouter);
  return (
    <SessionProvider session={session}>
      <CurrentUserProvider>
        <RouterProvider router={router} />
      </CurrentUserProvider>
    </SessionProvider>
  );
}
