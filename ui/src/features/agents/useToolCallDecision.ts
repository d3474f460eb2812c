import { useRef } from 'react';
import type { Schemas } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { useApi } from '../auth/session';

export type Decision = Schemas['ApprovalRequest']['decision'];

/**
 * Posts a person's decision on a tool call an agent's run waits on; a denial and its reason are
 * told to the model. `onDecided` hears which call was decided how, once the api took it.
 */
export function useToolCallDecision(agentId: string, onDecided: (decision: Decision, toolCallId: string) => void) {
  const api = useApi();
  // The decision under way, for the answer: the submit's callback is of the render that sent it.
  const deciding = useRef<{ decision: Decision; toolCallId: string }>({ decision: 'APPROVED', toolCallId: '' });
  const submission = useSubmit<unknown>(() => onDecided(deciding.current.decision, deciding.current.toolCallId));

  const decide = (toolCallId: string, decision: Decision, reason: string) => {
    deciding.current = { decision, toolCallId };
    return submission.submit(decision === 'APPROVED' ? 'Approving the tool call' : 'Denying the tool call', () =>
      api.POST('/api/agents/{id}/approvals', {
        params: { path: { id: agentId } },
        body: { toolCallId, decision, reason: reason.trim() || undefined },
      }),
    );
  };

  return { submission, decide };
}
