import { useCallback, useState } from 'react';
import type { Schemas } from '../../api/client';
import { call, useResource } from '../../api/result';
import { useRowAction } from '../../api/useRowAction';
import { usePermissions } from '../auth/permissions';
import { useApi } from '../auth/session';
import { ConfirmAction } from '../shell/ConfirmAction';
import { ErrorBox } from '../shell/ErrorBox';
import { ResourceTable } from '../shell/ResourceTable';
import { Timestamp } from '../shell/Timestamp';
import { CreateScheduleForm } from './CreateScheduleForm';

type Schedule = Schemas['Schedule'];

/**
 * An automation's schedules: when each fires, in words, its next fire and its last one; writers
 * enable, disable, delete and create them.
 */
export function SchedulePanel({ automationKey, deployed }: { automationKey: string; deployed: boolean }) {
  const api = useApi();
  const { can } = usePermissions();
  const canWrite = can('automations:write');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string>();
  const schedules = useResource(
    useCallback(
      (signal: AbortSignal) =>
        call(
          'Loading the schedules',
          api.GET('/api/automations/{key}/schedules', { params: { path: { key: automationKey } }, signal }),
        ),
      [api, automationKey],
    ),
  );
  const action = useRowAction(schedules.reload);
  const path = (schedule: Schedule) => ({ path: { key: automationKey, id: schedule.id } });

  const setEnabled = (schedule: Schedule, enabled: boolean) =>
    action.run(
      schedule.id,
      `${enabled ? 'Enabling' : 'Disabling'} schedule “${schedule.name}”`,
      api.PUT('/api/automations/{key}/schedules/{id}', {
        params: path(schedule),
        // A replace: the schedule as it is, by its rule or its cron expression, enabled or not.
        body: {
          name: schedule.name,
          ...(schedule.rule ? { rule: schedule.rule } : { cron: schedule.cron }),
          timeZone: schedule.timeZone,
          enabled,
          variables: schedule.variables,
        },
      }),
    );

  const remove = (schedule: Schedule) =>
    action.run(
      schedule.id,
      `Deleting schedule “${schedule.name}”`,
      api.DELETE('/api/automations/{key}/schedules/{id}', { params: path(schedule) }),
    );

  return (
    <>
      {!deployed && (
        <p className="muted" data-testid="schedule-not-deployed">
          This automation has no deployed version: its schedules start no runs until a version is deployed.
        </p>
      )}
      {canWrite && !creating && (
        <p>
          <button
            type="button"
            className="button"
            data-testid="schedule-new"
            onClick={() => {
              setCreated(undefined);
              setCreating(true);
            }}
          >
            New schedule…
          </button>
        </p>
      )}
      {creating && canWrite && (
        <CreateScheduleForm
          automationKey={automationKey}
          onCancel={() => setCreating(false)}
          onCreated={(schedule) => {
            setCreating(false);
            setCreated(`Schedule “${schedule.name}” created: ${schedule.description}.`);
            schedules.reload();
          }}
        />
      )}
      {created && (
        <p role="status" data-testid="schedule-created">
          {created}
        </p>
      )}
      {action.failure && <ErrorBox title="The schedule was not changed" message={action.failure} testId="schedule-action-error" />}
      <ResourceTable
        resource={schedules}
        failureTitle="The schedules could not be loaded"
        loadingText="Loading schedules…"
        columns={['Name', 'When', 'Next fire', 'Enabled', 'Last fire', { hidden: 'Actions' }]}
        emptyText="No schedules yet."
        rows={(data) =>
          data.map((schedule) => (
            <tr key={schedule.id} data-testid="schedule-row" data-schedule={schedule.name}>
              <td className="strong">{schedule.name}</td>
              <td>
                <span data-testid="schedule-description">{schedule.description}</span>
                <br />
                <code className="mono muted">{schedule.cron}</code>
              </td>
              <td className="nowrap" data-testid="schedule-next">
                {schedule.enabled ? <Timestamp value={schedule.nextFireTimes[0]} /> : <span className="muted">— (disabled)</span>}
              </td>
              <td>
                <span
                  className={`status ${schedule.enabled ? 'status-active' : 'status-disabled'}`}
                  data-testid="schedule-enabled-status"
                >
                  {schedule.enabled ? 'Enabled' : 'Disabled'}
                </span>
              </td>
              <td>
                <Timestamp value={schedule.lastFiredAt} empty="Never" />
                {schedule.lastRunId && (
                  <>
                    {' '}
                    · run <code className="mono">{schedule.lastRunId}</code>
                  </>
                )}
                {schedule.lastError && (
                  <p className="field-error" data-testid="schedule-last-error">
                    {schedule.lastError}
                  </p>
                )}
              </td>
              <td className="actions-cell">
                {canWrite && (
                  <>
                    <button
                      type="button"
                      className="button button-small"
                      data-testid="schedule-toggle"
                      aria-label={`${schedule.enabled ? 'Disable' : 'Enable'} schedule ${schedule.name}`}
                      disabled={action.pending !== undefined}
                      onClick={() => setEnabled(schedule, !schedule.enabled)}
                    >
                      {action.pending === schedule.id ? 'Working…' : schedule.enabled ? 'Disable' : 'Enable'}
                    </button>
                    <ConfirmAction
                      label="Delete"
                      question={`Delete schedule “${schedule.name}”? Runs it started go on.`}
                      testId="schedule-delete"
                      confirmTestId="schedule-delete-confirm"
                      disabled={action.pending !== undefined}
                      onConfirm={() => remove(schedule)}
                    />
                  </>
                )}
              </td>
            </tr>
          ))
        }
      />
    </>
  );
}
