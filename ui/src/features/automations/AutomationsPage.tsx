import { useCallback, useState, type MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { call, useResource } from '../../api/result';
import { usePermissions } from '../auth/permissions';
import { useApi } from '../auth/session';
import { CreateButton } from '../shell/CreateFlow';
import { Page } from '../shell/Page';
import { Pager } from '../shell/Pager';
import { ResourceTable } from '../shell/ResourceTable';
import { SearchBox } from '../shell/SearchBox';
import { Timestamp } from '../shell/Timestamp';
import { CreateAutomationForm } from './CreateAutomationForm';
import { RuleEditor } from './RuleEditor';
import { emptyRule } from './ruleForm';

const PAGE_SIZE = 25;

/** The tenant's automations (BPMN flows): search them, open one in the editor, create one. */
export default function AutomationsPage({ title }: { title: string }) {
  const api = useApi();
  const navigate = useNavigate();
  const canWrite = usePermissions().can('automations:write');
  const [{ q, page }, setQuery] = useState({ q: '', page: 0 });
  // A new automation starts from an empty diagram, or from a rule of the rule list.
  const [creating, setCreating] = useState<'diagram' | 'rule'>();
  const automations = useResource(
    useCallback(
      (signal: AbortSignal) =>
        call(
          'Loading the automations',
          api.GET('/api/automations', { params: { query: { q: q || undefined, page, size: PAGE_SIZE } }, signal }),
        ),
      [api, q, page],
    ),
  );
  const search = useCallback(
    (text: string) => setQuery((current) => (current.q === text ? current : { q: text, page: 0 })),
    [],
  );
  const open = (key: string) => navigate(`/integrations/automation/${encodeURIComponent(key)}`);

  return (
    <Page
      title={title}
      actions={
        canWrite &&
        !creating && (
          <>
            <CreateButton label="New automation" testId="create-automation" onClick={() => setCreating('diagram')} />
            <CreateButton label="New from a rule" testId="create-automation-rule" onClick={() => setCreating('rule')} />
          </>
        )
      }
    >
      <p className="page-intro">
        An automation is a BPMN flow: draw it in the editor, drop in connector steps such as “Slack: post message”, save
        it as a version and deploy it to run. Or write it as a rule: when a webhook arrives or on a schedule, if
        conditions hold, then these actions; Brain draws the diagram.
      </p>
      {creating === 'diagram' && (
        <CreateAutomationForm onCreated={(created) => open(created.key)} onCancel={() => setCreating(undefined)} />
      )}
      {creating === 'rule' && (
        <RuleEditor
          initial={emptyRule()}
          onCreated={(created) => navigate(`/integrations/automation/${encodeURIComponent(created.key)}?view=rule`)}
          onCancel={() => setCreating(undefined)}
        />
      )}
      <SearchBox label="Search automations" placeholder="Search by name or key" testId="automation-search" onSearch={search} />
      <ResourceTable
        resource={automations}
        failureTitle="The automations could not be loaded"
        loadingText="Loading automations…"
        columns={['Name', 'Key', 'Latest version', 'Deployed version', 'Updated']}
        emptyText={q ? 'No automation matches.' : canWrite ? 'No automations yet: create one.' : 'No automations yet.'}
        rows={(data) =>
          data.items.map((automation) => (
            <tr
              key={automation.key}
              data-testid="automation-row"
              data-key={automation.key}
              className="clickable-row"
              onClick={(event: MouseEvent) => {
                // The name's link navigates by itself.
                if (!(event.target as Element).closest('a')) open(automation.key);
              }}
            >
              <td className="strong">
                <Link to={`/integrations/automation/${encodeURIComponent(automation.key)}`}>{automation.name}</Link>
              </td>
              <td>
                <code className="mono">{automation.key}</code>
              </td>
              <td data-testid="automation-latest">{automation.latestVersion}</td>
              <td data-testid="automation-deployed-version">
                {automation.deployedVersion ?? <span className="muted">Not deployed</span>}
              </td>
              <td>
                <Timestamp value={automation.updatedAt} />
              </td>
            </tr>
          ))
        }
        footer={(data) => (
          <Pager data={data} page={page} busy={automations.loading} onPage={(next) => setQuery((current) => ({ ...current, page: next }))} testId="automations" />
        )}
      />
    </Page>
  );
}
