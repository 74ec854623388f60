/** Loads one contract call's result for a screen, with loading and error states. */
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
    setResult({ state: 'loading' });
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
