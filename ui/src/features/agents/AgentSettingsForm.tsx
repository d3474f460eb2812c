import { useId, useState, type FormEvent } from 'react';
import { useSubmit } from '../../api/useSubmit';
import { useApi } from '../auth/session';
import { ErrorBox } from '../shell/ErrorBox';
import { FormActions } from '../shell/FormCard';
import { useAgentCatalog } from './agentCatalog';
import { formErrors, toConfig, toForm, type Agent, type AgentForm } from './agentForm';
import { BasicsSection, DeliverySection, LimitsSection, ModelSection, ScheduleSection } from './AgentSettingsSections';
import { ToolToggles } from './ToolToggles';

/**
 * An agent's settings: role, task, model, tools, schedule, delivery and limits. Saving an agent
 * makes a new version of its settings (PUT); without `agent` it creates one (POST). The api's
 * messages show at the fields they name. Without `canWrite` the settings are shown read-only.
 */
export function AgentSettingsForm({
  agent,
  canWrite,
  onSaved,
  onCancel,
}: {
  agent?: Agent;
  canWrite: boolean;
  onSaved: (agent: Agent) => void;
  /** Closes a new agent's form; an agent's form goes back to its saved settings instead. */
  onCancel?: () => void;
}) {
  const api = useApi();
  const id = useId();
  const catalog = useAgentCatalog();
  const [form, setForm] = useState<AgentForm>(() => toForm(agent?.config));
  // Which tool each index of the last sent `config.tools` was, to place the api's messages.
  const [sentTools, setSentTools] = useState<string[]>([]);
  const submission = useSubmit<Agent>((saved) => {
    // The form shows the settings as the api keeps them (defaults filled in).
    setForm(toForm(saved.config));
    onSaved(saved);
  });
  const errors = formErrors(submission.errors, sentTools);
  const change = (part: Partial<AgentForm>) => setForm((current) => ({ ...current, ...part }));

  const save = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!form.name.trim()) missing.name = 'Give the agent a name.';
    if (!form.role.trim()) missing.role = 'Say who the agent is and how it works.';
    if (!form.modelConnectionId) missing['model.connectionId'] = 'Choose the connection that reaches the model.';
    const converted = toConfig(form);
    if (!converted.ok || Object.keys(missing).length > 0) {
      return submission.reject({ ...missing, ...(converted.ok ? {} : converted.errors) });
    }
    setSentTools(converted.toolKeys);
    const body = { config: converted.config };
    return agent
      ? submission.submit('Saving the agent', () =>
          api.PUT('/api/agents/{id}', { params: { path: { id: agent.id } }, body }),
        )
      : submission.submit('Creating the agent', () => api.POST('/api/agents', { body }));
  };

  if (!catalog.data && !catalog.failure) return <p className="muted">Loading the connections…</p>;
  // Without the catalog (an API key without connectors:read, say) the settings still show, by id.
  const choices = catalog.data ?? { connections: [], types: [] };
  const sections = { id, form, change, errors };

  return (
    <form className="card form" onSubmit={save} noValidate aria-label={agent ? 'Agent settings' : 'New agent'}>
      {!agent && <h2 className="form-title">New agent</h2>}
      {submission.problem && (
        <ErrorBox
          title={agent ? 'The settings were not saved' : 'The agent was not created'}
          message={submission.problem.detail}
          testId="agent-save-error"
        />
      )}
      {catalog.failure && (
        <ErrorBox title="The connections could not be loaded" message={catalog.failure} onRetry={catalog.reload} />
      )}
      <fieldset className="agent-settings" disabled={!canWrite || submission.busy}>
        <BasicsSection {...sections} />
        <ModelSection {...sections} catalog={choices} />
        <ToolToggles {...sections} catalog={choices} agent={agent} />
        <ScheduleSection {...sections} description={agent?.scheduleDescription} />
        <DeliverySection {...sections} catalog={choices} />
        <LimitsSection {...sections} />
      </fieldset>
      {canWrite && (
        <FormActions
          busy={submission.busy}
          button={
            agent
              ? { label: 'Save', busyLabel: 'Saving…', testId: 'save-agent' }
              : { label: 'Create', busyLabel: 'Creating…', testId: 'create-agent-submit' }
          }
          onCancel={onCancel ?? (() => setForm(toForm(agent?.config)))}
        />
      )}
    </form>
  );
}
