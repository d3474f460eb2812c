import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type Keycloak from 'keycloak-js';
import createClient from 'openapi-fetch';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { paths } from '../../api/schema';
import { SessionProvider } from '../auth/session';
import type { Connection, ConnectorType } from './connectionConfig';
import { SyncedData } from './SyncedData';

const connection = { id: 'c-1', type: 'wordpress', name: 'Blog', status: 'OK' } as unknown as Connection;

const wordpress = { type: 'wordpress', name: 'WordPress', syncResources: ['posts'] } as unknown as ConnectorType;

const detail =
  'The WordPress sync failed: Brain did not call http://10.0.0.5/: 10.0.0.5 is an address inside a private network (run 2251799813685772)';

/** The api: no records yet, and a sync whose run stopped at an incident (502 with the run's id). */
async function api(request: Request): Promise<Response> {
  if (request.method === 'POST') {
    return new Response(JSON.stringify({ status: 502, detail, runId: '2251799813685772' }), {
      status: 502,
      headers: { 'Content-Type': 'application/problem+json' },
    });
  }
  return new Response(JSON.stringify({ items: [], page: 0, size: 20, total: 0 }), {
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('syncing a connection', () => {
  afterEach(cleanup);

  it('says at once why a failed sync failed and opens its run', async () => {
    const user = userEvent.setup();
    render(
      <MemoryRouter>
        <SessionProvider
          session={{
            api: createClient<paths>({ baseUrl: 'http://brain.test', fetch: api }),
            keycloak: {} as Keycloak,
            signOut: () => {},
          }}
        >
          <SyncedData connection={connection} type={wordpress} canWrite />
        </SessionProvider>
      </MemoryRouter>,
    );

    await user.click(screen.getByTestId('sync-posts'));

    expect((await screen.findByTestId('sync-error-posts')).textContent).toContain(detail);
    expect(screen.getByRole('link', { name: 'Open the failed run' }).getAttribute('href')).toBe(
      '/runs/2251799813685772',
    );
  });
});
