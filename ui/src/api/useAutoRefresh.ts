import { useEffect } from 'react';

/** How often a page showing something that may still change loads it again. */
export const REFRESH_MS = 5000;

/**
 * Calls `reload` every REFRESH_MS while `live` is true (and the tab is visible): for runs that have
 * not ended, deliveries waiting to be dispatched.
 */
export function useAutoRefresh(live: boolean, reload: () => void) {
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') reload();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [live, reload]);
}
