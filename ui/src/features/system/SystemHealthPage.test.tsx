import { act, cleanup, render, screen, within } from '@testing-library/react';
import type Keycloak from 'keycloak-js';
import createClient from 'openapi-fetch';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REFRESH_MS } from '../../api/useAutoRefresh';
import type { paths } from '../../api/schema';
import { SessionProvider } from '../auth/session';
import SystemHealthPage from './SystemHealthPage';

function hours(current: number) {
  return Array.from({ length: 48 }, (_, i) => ({
    hour: new Date(Date.UTC(2026, 11, 6, 0) + i * 3_600_000).toISOString(),
    runs: i === 47 ? current : i === 10 ? 2 : 0,
  }));
}

function health(runsThisHour: number) {
  return {
    checkedAt: '2026-12-07T19:30:00Z',
    database: { up: true, version: '17.6', problem: null },
    engine: { name: 'Operaton', version: '1.0.3', up: true, jobExecutor: true, problem: null },
    keycloak: { up: false, version: null, problem: 'Connection refused' },
    workers: [
      {
        id: 'workers-41@node-1',
        host: 'node-1',
        version: '0.1.0',
        startedAt: '2026-12-07T18:00:00Z',
        lastSeenAt: '2026-12-07T19:29:58Z',
        secondsSinceSeen: 2,
        alive: true,
      },
      {
        id: 'workers-7@node-2',
        host: 'node-2',
        version: null,
        startedAt: '2026-12-07T17:00:00Z',
        lastSeenAt: '2026-12-07T19:20:00Z',
        secondsSinceSeen: 600,
        alive: false,
      },
    ],
    inbox: { depth: 3, oldestReceivedAt: '2026-12-07T19:28:30Z', lagSeconds: 90 },
    openIncidents: [
      { tenantId: 'acme', openIncidents: 2 },
      { tenantId: 'globex', openIncidents: 1 },
    ],
    runsPerHour: hours(runsThisHour),
    usage: [{ tenantId: 'acme', connectorCalls: 1234, inputTokens: 5000, outputTokens: 700 }],
  };
}

/** The api as the page meets it: each GET /api/system/health answered with more runs than the last. */
function renderPage() {
  let asked = 0;
  const fetch = async (input: Request) => {
    expect(new URL(input.url).pathname).toBe('/api/system/health');
    asked += 1;
    return new Response(JSON.stringify(health(asked)), { headers: { 'Content-Type': 'application/json' } });
  };
  const api = createClient<paths>({ baseUrl: 'http://brain.test', fetch });
  render(
    <SessionProvider session={{ api, keycloak: {} as Keycloak, signOut: () => {} }}>
      <SystemHealthPage title="System Health" />
    </SessionProvider>,
  );
  return () => asked;
}

describe('the System Health page', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('shows each component with its state and version, and why one is down', async () => {
    renderPage();

    const components = await screen.findAllByTestId('health-component');
    const [database, engine, keycloak] = components;
    expect(within(database).getByTestId('health-state').textContent).toBe('Up');
    expect(within(database).getByTestId('health-version').textContent).toBe('17.6');
    expect(within(engine).getByText('Engine (Operaton)')).toBeTruthy();
    expect(within(engine).getByTestId('health-version').textContent).toBe('1.0.3');
    expect(within(engine).getByText('Job executor running on this api')).toBeTruthy();
    expect(within(keycloak).getByTestId('health-state').textContent).toBe('Down');
    expect(within(keycloak).getByText('Connection refused')).toBeTruthy();
  });

  it('tells alive workers from silent ones, and shows the inbox, incidents by tenant and usage', async () => {
    renderPage();

    const workers = await screen.findAllByTestId('worker-row');
    expect(within(workers[0]).getByTestId('health-state').textContent).toBe('Alive');
    expect(within(workers[1]).getByTestId('health-state').textContent).toBe('Not alive');
    expect(within(workers[1]).getByText('600 s ago')).toBeTruthy();
    expect(screen.getByTestId('workers-alive').textContent).toBe('1 of 2 alive');
    expect(screen.getByTestId('inbox-depth').textContent).toBe('3');
    expect(screen.getByTestId('inbox-lag').textContent).toContain('90 s');
    expect(screen.getByTestId('incidents-total').textContent).toBe('3');
    const incidents = screen.getAllByTestId('incident-row');
    expect(incidents.map((row) => row.getAttribute('data-id'))).toEqual(['acme', 'globex']);
    expect(within(incidents[0]).getByText('2')).toBeTruthy();
    const usage = screen.getByTestId('usage-row');
    expect(usage.getAttribute('data-id')).toBe('acme');
    expect(usage.textContent).toContain(new Intl.NumberFormat().format(1234));
  });

  it('reads the figures again every few seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const asked = renderPage();
    expect((await screen.findByTestId('runs-this-hour')).textContent).toBe('1');
    expect(screen.getByTestId('runs-total').textContent).toBe('3');

    await act(async () => {
      await vi.advanceTimersByTimeAsync(REFRESH_MS);
    });

    expect(asked()).toBeGreaterThanOrEqual(2);
    expect((await screen.findByTestId('runs-this-hour')).textContent).not.toBe('1');
  });
});
