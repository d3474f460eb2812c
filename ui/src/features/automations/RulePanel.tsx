import { useCallback, useState } from 'react';
import type { Schemas } from '../../api/client';
import { call, useResource, type ApiResult } from '../../api/result';
import { useApi } from '../auth/session';
import { ErrorBox } from '../shell/ErrorBox';
import { RuleEditor } from './RuleEditor';
import { emptyRule, stateOf, type RuleState } from './ruleForm';

/**
 * The editor's Rule list tab: the rule the newest version was generated from, to change and save
 * as a new version; a version drawn in the diagram editor has none, so the rule starts empty.
 */
export function RulePanel({
  automation,
  fromRule,
  diagramChanged,
  onSaved,
}: {
  automation: Schemas['Automation'];
  /** Whether the newest version was generated from a rule. */
  fromRule: boolean;
  /** Whether the diagram editor holds unsaved changes, which saving a rule replaces. */
  diagramChanged: boolean;
  onSaved: (version: Schemas['AutomationVersion']) => void;
}) {
  const api = useApi();
  const { key, latestVersion } = automation;
  // Cancel starts the form again from the rule as saved.
  const [attempt, setAttempt] = useState(0);
  const rule = useResource(
    useCallback(
      async (signal: AbortSignal): Promise<ApiResult<RuleState>> => {
        if (!fromRule) return { ok: true, data: emptyRule() };
        const answer = await call(
          'Loading the rule',
          api.GET('/api/automations/{key}/versions/{version}/rule', {
            params: { path: { key, version: latestVersion } },
            signal,
          }),
        );
        return answer.ok ? { ok: true, data: stateOf(answer.data) } : answer;
      },
      [api, key, latestVersion, fromRule],
    ),
  );

  if (!rule.data) {
    return rule.failure ? (
      <ErrorBox title="The rule could not be loaded" message={rule.failure} onRetry={rule.reload} />
    ) : (
      <p className="muted">Loading the rule…</p>
    );
  }
  return (
    <>
      {!fromRule && (
        <p className="muted" data-testid="rule-drawn">
          Version {latestVersion} was drawn in the diagram editor. Saving a rule replaces its diagram with the one
          generated from the rule, as a new version.
        </p>
      )}
      {diagramChanged && (
        <p className="field-hint warning" data-testid="rule-replaces-changes">
          The diagram has unsaved changes: saving the rule replaces them.
        </p>
      )}
      <RuleEditor
        // A newly saved rule, or Cancel, starts the form afresh.
        key={`${latestVersion}-${fromRule}-${attempt}`}
        automation={automation}
        initial={rule.data}
        onSaved={onSaved}
        onCancel={() => setAttempt((count) => count + 1)}
      />
    </>
  );
}
