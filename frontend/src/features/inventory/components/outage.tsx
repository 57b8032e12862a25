import { createContext, useContext, useEffect } from 'react';
import { ApiError } from '@/lib/api-client';

/**
 * The Inventory panel says once that InventoryPro is unreachable, however many of its parts ran
 * into it (search, item, attachment, sign-on); the parts then stay quiet about it.
 */
export interface OutageReporter {
  report: (error: ApiError) => void;
  clear: () => void;
}

export const OutageContext = createContext<OutageReporter | null>(null);

/** A 503 of InventoryPro being down or slow (not "not configured", which the panel shows itself). */
export function isUnreachable(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 503;
}

/**
 * Reports a part's failure to the panel, and its success (InventoryPro answered again). Returns
 * whether the part should leave the message to the panel.
 */
export function useOutage(error: unknown, succeeded: boolean): boolean {
  const reporter = useContext(OutageContext);
  const unreachable = isUnreachable(error) ? error : null;
  useEffect(() => {
    if (reporter === null) {
      return;
    }
    if (unreachable !== null) {
      reporter.report(unreachable);
    } else if (succeeded) {
      reporter.clear();
    }
  }, [reporter, unreachable, succeeded]);
  return reporter !== null && unreachable !== null;
}
