import type { Schemas } from '../../api/client';
import { FieldMessage } from '../shell/Field';
import { connectionsOf, type AgentCatalog } from './agentCatalog';
import { ConnectionSelect, type SectionProps } from './AgentControls';
import { needsApproval, toolKey, type Access, type Agent, type ToolChoice } from './agentForm';
import { ToolDryRunPanel } from './ToolDryRunPanel';

/** One connector action the agent may be given as a tool. */
interface Offered {
  key: string;
  connector: string;
  action: string;
  label: string;
  /** Whether it only reads or changes something at the provider, as the catalog says. */
  access: Access;
  inputs: Schemas['Input'][];
}

/** The catalog's actions, connector by connector, and any tool of the settings the catalog no longer has. */
function offered(catalog: AgentCatalog, chosen: Record<string, ToolChoice>): Offered[] {
  const fromCatalog = catalog.types.flatMap((type) =>
    type.actions.map((action) => ({
      key: toolKey(type.type, action.id),
      connector: type.type,
      action: action.id,
      label: `${type.name}: ${action.name}`,
      access: action.access,
      inputs: action.inputs,
    })),
  );
  const known = new Set(fromCatalog.map((tool) => tool.key));
  const others = Object.entries(chosen)
    .filter(([key]) => !known.has(key))
    .map(([key, tool]) => ({
      key,
      connector: tool.connector,
      action: tool.action,
      label: `${tool.connector}: ${tool.action}`,
      access: tool.access || 'WRITE',
      inputs: [],
    }));
  return [...fromCatalog, ...others];
}

/**
 * The agent's tools as toggles over the connector catalog: each one toggled on is bound to one of
 * the tenant's connections of its connector, read or write as the catalog says, and may need a
 * person's approval. A tool of the saved settings can be tried with sample input (a dry run).
 */
export function ToolToggles({
  id,
  form,
  change,
  errors,
  catalog,
  agent,
}: SectionProps & { catalog: AgentCatalog; agent?: Agent }) {
  const setTool = (key: string, tool: ToolChoice | undefined) => {
    const tools = { ...form.tools };
    if (tool) tools[key] = tool;
    else delete tools[key];
    change({ tools });
  };
  const tools = offered(catalog, form.tools);

  return (
    <fieldset className="agent-section" data-testid="agent-tools">
      <legend className="section-title">Tools</legend>
      <p className="muted">
        The connector actions the agent may use, each on one of your connections. Write tools wait for a person's
        approval unless you untick it.
      </p>
      <FieldMessage id={`${id}-tools`} error={errors.tools} />
      {tools.length === 0 && <p className="muted">The connector catalog offers no actions.</p>}
      <ul className="tool-list">
        {tools.map((tool, index) => (
          <ToolRow
            key={tool.key}
            id={`${id}-tool-${index}`}
            offered={tool}
            choice={form.tools[tool.key]}
            catalog={catalog}
            errors={errors}
            agentId={agent?.id}
            saved={agent?.config.tools?.find((saved) => toolKey(saved.connector, saved.action) === tool.key)}
            onChange={(choice) => setTool(tool.key, choice)}
          />
        ))}
      </ul>
    </fieldset>
  );
}

/** One action's toggle and, when it is on, its connection, access, approval and dry run. */
function ToolRow({
  id,
  offered: tool,
  choice,
  catalog,
  errors,
  agentId,
  saved,
  onChange,
}: {
  id: string;
  offered: Offered;
  choice: ToolChoice | undefined;
  catalog: AgentCatalog;
  errors: Record<string, string>;
  agentId?: string;
  /** The tool as the saved settings have it, if they do. */
  saved?: Schemas['AgentTool'];
  onChange: (choice: ToolChoice | undefined) => void;
}) {
  const connections = connectionsOf(catalog, tool.connector);
  const error = (part: string) => errors[`tool:${tool.key}.${part}`];
  const toggle = (on: boolean) =>
    onChange(
      on
        ? {
            connector: tool.connector,
            action: tool.action,
            connectionId: connections.length === 1 ? connections[0].id : '',
            access: tool.access,
          }
        : undefined,
    );
  const rowError = error('action') ?? error('connector');

  return (
    <li className="tool-row" data-testid="agent-tool" data-tool={tool.key}>
      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="agent-tool-toggle"
          checked={choice !== undefined}
          aria-describedby={`${id}-message`}
          onChange={(event) => toggle(event.target.checked)}
        />
        {tool.label}
      </label>
      <FieldMessage id={id} error={rowError} />
      {choice && (
        <div className="form-grid">
          <ConnectionSelect
            id={`${id}-connection`}
            label="Connection"
            error={error('connectionId')}
            connections={connections}
            value={choice.connectionId}
            required
            testId="agent-tool-connection"
            onChange={(connectionId) => onChange({ ...choice, connectionId })}
          />
          <p className="agent-note" data-testid="agent-tool-access" data-access={tool.access}>
            {tool.access === 'WRITE' ? 'Write: changes something at the provider' : 'Read: only looks things up'}
          </p>
          <label className="checkbox">
            <input
              type="checkbox"
              data-testid="agent-tool-approval"
              checked={needsApproval(choice)}
              onChange={(event) => onChange({ ...choice, requiresApproval: event.target.checked })}
            />
            Needs approval
          </label>
          <FieldMessage id={`${id}-approval`} error={error('requiresApproval')} />
          <FieldMessage id={`${id}-access-message`} error={error('access')} />
          {agentId && saved?.name && <ToolDryRunPanel agentId={agentId} tool={saved.name} inputs={tool.inputs} />}
        </div>
      )}
    </li>
  );
}
