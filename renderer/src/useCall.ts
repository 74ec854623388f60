/** Loads one contract call's result for a screen, with loading and error states; a reload keeps the old value until the new one arrives. */
import { useCallback, useEffect, useState } from 'react';
import { CallError } from '../../shared/client';
import type { ErrorPayload } from '../../shared/errors';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: ErrorPayload } | { state: 'ready'; value: T };

export function useCall<T>(load: () => Promise<T>, deps: readonly unknown[]): [Loaded<T>, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const run = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    // Keep showing what is there while it reloads (after an edit), so open panels stay open.
    setResult((current) => (current.state === 'ready' ? current : { state: 'loading' }));
    run().then(
      (value) => live && setResult({ state: 'ready', value }),
      (error: unknown) =>
        live &&
        setResult({
          state: 'error',
          error: error instanceof CallError ? error.payload : { code: 'INTERNAL', message: String(error), details: { reason: String(error) } },
        }),
    );
    return () => {
      live = false;
    };
  }, [run, attempt]);
  return [result, () => setAttempt((n) => n + 1)];
}
