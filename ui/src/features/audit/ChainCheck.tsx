import { useCallback, useState } from 'react';
import type { Schemas } from '../../api/client';
import { call } from '../../api/result';
import { useApi } from '../auth/session';

type ChainCheck =
  | { status: 'idle' | 'checking' }
  | { status: 'done'; result: Schemas['ChainVerification'] }
  | { status: 'failed'; message: string };

/**
 * Asks the api to recompute the audit log's hash chain, which shows whether any row was changed
 * or removed since it was written.
 */
export function useChainCheck() {
  const api = useApi();
  const [check, setCheck] = useState<ChainCheck>({ status: 'idle' });
  const verify = useCallback(async () => {
    setCheck({ status: 'checking' });
    const result = await call('Verifying the audit chain', api.GET('/api/audit/verification'));
    setCheck(
      result.ok ? { status: 'done', result: result.data } : { status: 'failed', message: result.problem.summary },
    );
  }, [api]);
  return { check, verify };
}

export function VerifyChainButton({ check, onVerify }: { check: ChainCheck; onVerify: () => void }) {
  return (
    <button
      type="button"
      className="button"
      data-testid="verify-chain"
      disabled={check.status === 'checking'}
      onClick={onVerify}
    >
      {check.status === 'checking' ? 'Verifying…' : 'Verify chain'}
    </button>
  );
}

export function ChainStatus({ check }: { check: ChainCheck }) {
  if (check.status === 'done') {
    const { intact, rowsChecked, firstBrokenId, problem } = check.result;
    return (
      <p
        className={`chain-status ${intact ? 'chain-intact' : 'chain-broken'}`}
        data-testid="chain-status"
        role="status"
      >
        {intact
          ? `Chain intact (${rowsChecked} rows checked)`
          : `Chain broken at row ${firstBrokenId ?? '?'}: ${problem ?? 'no reason given'}`}
      </p>
    );
  }
  if (check.status === 'failed') {
    return (
      <p className="chain-status chain-broken" data-testid="chain-status" role="alert">
        {check.message}
      </p>
    );
  }
  return null;
}
