import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type Keycloak from 'keycloak-js';
import createClient from 'openapi-fetch';
import { afterEach, describe, expect, it } from 'vitest';
import type { paths } from '../../api/schema';
import { SessionProvider } from '../auth/session';
import AuditLogPage from './AuditLogPage';

type Entry = Record<string, unknown>;

const created: Entry = {
  id: 2,
  actorId: 'u-1',
  actorName: 'acme-admin',
  actorKind: 'USER',
  action: "created API key 'ci'",
  targetType: 'API key',
  targetId: '6f9c0a52-key',
  targetName: 'ci',
  occurredAt: '2026-12-07T10:00:00Z',
  requestId: 'req-2',
  clientIp: '127.0.0.1',
  outcome: 'SUCCESS',
  metadata: { request: 'POST /api/api-keys', status: 201 },
  hash: 'ab',
};

const failedTest: Entry = {
  ...created,
  id: 1,
  actorName: 'acme-editor',
  action: "tried to test connection 'Blog'",
  targetType: 'connection',
  targetId: 'c-1',
  targetName: 'Blog',
  outcome: 'FAILURE',
  metadata: { request: 'POST /api/connectors/{id}/test', status: 200, reason: 'WordPress rejected the password' },
};

/** The api as the page meets it: every GET /api/audit answered from the rows, filters recorded. */
function network(rows: Entry[]) {
  const asked: URLSearchParams[] = [];
  const fetch = async (input: Request) => {
    const url = new URL(input.url);
    asked.push(url.searchParams);
    const type = url.searchParams.get('targetType');
    const id = url.searchParams.get('targetId');
    const items = rows.filter((row) => (!type || row.targetType === type) && (!id || row.targetId === id));
    return new Response(JSON.stringify({ items, page: 0, size: 50, total: items.length }), {
      headers: { 'Content-Type': 'application/json' },
    });
  };
  const api = createClient<paths>({ baseUrl: 'http://brain.test', fetch });
  return { api, asked };
}

function renderPage(rows: Entry[]) {
  const { api, asked } = network(rows);
  render(
    <SessionProvider session={{ api, keycloak: {} as Keycloak, signOut: () => {} }}>
      <AuditLogPage title="Audit log" />
    </SessionProvider>,
  );
  return asked;
}

describe('the audit log page', () => {
  afterEach(cleanup);

  it('says who did what to which object in words, with the outcome the user saw', async () => {
    renderPage([created, failedTest]);

    const rows = await screen.findAllByTestId('audit-row');
    expect(within(rows[0]).getByTestId('audit-sentence').textContent).toBe("acme-admin created API key 'ci' user");
    expect(within(rows[0]).getByTestId('audit-object').textContent).toContain('API key ci 6f9c0a52-key');
    expect(within(rows[1]).getByTestId('audit-sentence').textContent).toContain(
      "acme-editor tried to test connection 'Blog'",
    );
    expect(within(rows[1]).getByText('FAILURE')).toBeTruthy();
  });

  it('filters by object kind and id from the form', async () => {
    const user = userEvent.setup();
    const asked = renderPage([created, failedTest]);
    await screen.findAllByTestId('audit-row');

    await user.type(screen.getByLabelText('Object kind'), 'connection');
    await user.type(screen.getByLabelText('Object id'), 'c-1');
    await user.click(screen.getByTestId('apply-audit-filters'));

    await screen.findByText("tried to test connection 'Blog'", { exact: false });
    expect(screen.getAllByTestId('audit-row')).toHaveLength(1);
    const last = asked[asked.length - 1];
    expect(last.get('targetType')).toBe('connection');
    expect(last.get('targetId')).toBe('c-1');
  });

  it("shows one object's history from its row", async () => {
    const user = userEvent.setup();
    const asked = renderPage([created, failedTest]);
    const rows = await screen.findAllByTestId('audit-row');

    await user.click(within(rows[0]).getByRole('button', { name: 'Show the history of API key ci' }));

    expect(await screen.findByDisplayValue('6f9c0a52-key')).toBeTruthy();
    expect((screen.getByLabelText('Object kind') as HTMLInputElement).value).toBe('API key');
    const last = asked[asked.length - 1];
    expect(last.get('targetType')).toBe('API key');
    expect(last.get('targetId')).toBe('6f9c0a52-key');
    expect(screen.getAllByTestId('audit-row')).toHaveLength(1);
  });
});
