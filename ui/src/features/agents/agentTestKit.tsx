// Test support for the agents pages: the api as the pages meet it, answered from fixtures, with
// every request recorded. Only the tests import this module.
import { render } from '@testing-library/react';
import type Keycloak from 'keycloak-js';
import createClient from 'openapi-fetch';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { paths } from '../../api/schema';
import { CurrentUserProvider } from '../account/currentUser';
import { SessionProvider } from '../auth/session';
import type { Agent } from './agentForm';

/** A request the page sent: its method, path, query and JSON body. */
export interface Sent {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/**
 * An answer of the fake api: a status and a JSON body (problem+json when the status is 4xx/5xx),
 * or a `text/event-stream` body that the test writes to as it goes.
 */
export interface Answer {
  status?: number;
  body?: unknown;
  stream?: ReadableStream<Uint8Array>;
}

/** A server-sent event stream a test writes to: `send` a piece of its text, then `close` it. */
export interface FakeEventStream {
  stream: ReadableStream<Uint8Array>;
  send: (text: string) => void;
  close: () => void;
}

export function fakeEventStream(): FakeEventStream {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({ start: (given) => void (controller = given) });
  return {
    stream,
    send: (text) => controller.enqueue(encoder.encode(text)),
    close: () => controller.close(),
  };
}

/** A session message as the event stream sends it. */
export function messageEvent(message: { id: number; role: string; content: unknown; runId?: string }): string {
  const data = { runId: 'run-1', createdAt: '2026-12-07T10:00:00Z', ...message };
  return `event:message\nid:${message.id}\ndata:${JSON.stringify(data)}\n\n`;
}

/** A piece of an answer being generated, as the event stream sends it. */
export function tokenEvent(text: string, runId = 'run-1'): string {
  return `event:token\ndata:${JSON.stringify({ runId, text })}\n\n`;
}

/** Answers by `METHOD /path` (the path exactly as sent); a function sees the request. */
export type FakeRoutes = Record<string, Answer | ((sent: Sent) => Answer)>;

export const MODEL_CONNECTION = '11111111-1111-4111-8111-111111111111';
export const ADS_CONNECTION = '22222222-2222-4222-8222-222222222222';
export const BLOG_CONNECTION = '33333333-3333-4333-8333-333333333333';
export const SLACK_CONNECTION = '44444444-4444-4444-8444-444444444444';

const connection = (id: string, type: string, name: string) => ({
  id,
  type,
  name,
  config: {},
  secrets: {},
  status: 'OK',
  createdBy: 'acme-admin',
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
});

/** The tenant's connections: a model connection, a Google Ads account, a blog and a Slack workspace. */
export const connections = [
  connection(MODEL_CONNECTION, 'openai', 'OpenAI'),
  connection(ADS_CONNECTION, 'google-ads', 'Ads account'),
  connection(BLOG_CONNECTION, 'wordpress', 'Blog'),
  connection(SLACK_CONNECTION, 'slack', 'Team Slack'),
];

type Input = { name: string; type: string; label: string; description: string; required: boolean };

const input = (name: string, type: string, required = false): Input => ({
  name,
  type,
  label: name,
  description: '',
  required,
});

const type = (id: string, name: string, actions: [string, string, 'READ' | 'WRITE', Input[]][]) => ({
  type: id,
  name,
  description: name,
  auth: 'token',
  fields: [],
  syncResources: [],
  actions: actions.map(([action, label, access, inputs]) => ({
    id: action,
    name: label,
    jobType: `io.brain:${id}:1`,
    access,
    inputs,
  })),
});

/** The connector catalog: each connector's actions, read or write, with their inputs. */
export const connectorTypes = [
  type('openai', 'OpenAI', [['chat', 'Chat completion', 'READ', [input('prompt', 'string', true)]]]),
  type('google-ads', 'Google Ads', [
    ['list-campaigns', 'Read campaigns', 'READ', [input('resource', 'string', true), input('limit', 'integer')]],
    ['pause-campaign', 'Pause campaign', 'WRITE', [input('campaignId', 'string', true)]],
  ]),
  type('wordpress', 'WordPress', [['create-post', 'Create post', 'WRITE', [input('title', 'string'), input('content', 'string')]]]),
];

/** An agent as the api answers it. */
export function anAgent(overrides: Partial<Agent> = {}): Agent {
  return {
    id: 'a-1',
    key: 'campaign-analyst',
    processId: 'brain-agent-campaign-analyst',
    name: 'Campaign analyst',
    currentVersion: 3,
    config: {
      name: 'Campaign analyst',
      role: 'You are a witty marketing expert.',
      taskPrompt: 'Summarise last week.',
      model: { connectionId: MODEL_CONNECTION, model: 'gpt-4o-mini', temperature: 0.7, maxOutputTokens: 2048 },
      tools: [
        {
          connector: 'google-ads',
          action: 'list-campaigns',
          connectionId: ADS_CONNECTION,
          access: 'READ',
          requiresApproval: false,
          name: 'google_ads_list_campaigns',
        },
      ],
      schedule: { cron: '0 9 * * MON', timeZone: 'Europe/Berlin' },
      delivery: { kind: 'RUN' },
      limits: { maxModelCalls: 10, maxToolCalls: 20, maxTokens: 50000 },
    },
    scheduleDescription: 'every Monday at 09:00 (Europe/Berlin)',
    createdBy: 'acme-admin',
    createdAt: '2026-12-01T10:00:00Z',
    updatedBy: 'acme-editor',
    updatedAt: '2026-12-06T10:00:00Z',
    ...overrides,
  };
}

/** The answers every agents page needs: the signed-in user, the connections and the catalog. */
function baseRoutes(permissions: string[]): FakeRoutes {
  return {
    'GET /api/me': {
      body: { id: 'u-1', username: 'acme-editor', name: 'Acme Editor', kind: 'USER', roles: [], permissions },
    },
    'GET /api/connectors': { body: connections },
    'GET /api/connector-types': { body: connectorTypes },
    'GET /api/agents/a-1/approvals': { body: [] },
  };
}

/** The fake api: answers from `routes`, records what was sent, 404 for anything else. */
export function fakeApi(routes: FakeRoutes) {
  const sent: Sent[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.text();
    const entry: Sent = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      body: text ? JSON.parse(text) : undefined,
    };
    sent.push(entry);
    const route = routes[`${entry.method} ${entry.path}`];
    const answer = typeof route === 'function' ? route(entry) : (route ?? { status: 404, body: { detail: 'Not here' } });
    const status = answer.status ?? 200;
    if (answer.stream) {
      return new Response(answer.stream, { status, headers: { 'Content-Type': 'text/event-stream' } });
    }
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  };
  return { api: createClient<paths>({ baseUrl: 'http://brain.test', fetch }), sent };
}

/**
 * Renders `page` at `path` (matched by `route`) for a user with `permissions`, against the fake
 * api; the Runs page's route (and an agent's, from the list) is a stand-in.
 */
export function renderPage({
  page,
  route,
  path,
  permissions,
  routes = {},
}: {
  page: ReactNode;
  route: string;
  path: string;
  permissions: string[];
  routes?: FakeRoutes;
}) {
  const { api, sent } = fakeApi({ ...baseRoutes(permissions), ...routes });
  render(
    <MemoryRouter initialEntries={[path]}>
      <SessionProvider session={{ api, keycloak: {} as Keycloak, signOut: () => {} }}>
        <CurrentUserProvider>
          <Routes>
            <Route path={route} element={page} />
            <Route path="/runs/:id" element={<p data-testid="run-page">The run page</p>} />
            {route !== '/agents/:id' && (
              <Route path="/agents/:id" element={<p data-testid="agent-page">An agent's page</p>} />
            )}
          </Routes>
        </CurrentUserProvider>
      </SessionProvider>
    </MemoryRouter>,
  );
  return sent;
}

/** The requests sent with this method to this path. */
export function sentTo(sent: Sent[], method: string, path: string): Sent[] {
  return sent.filter((request) => request.method === method && request.path === path);
}
