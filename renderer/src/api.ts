/** The typed client the preload (or the browser harness) put on the window. */
import { CallError, type Bridge } from '../../shared/client';
import { ErrorPayload } from '../../shared/errors';

declare global {
  interface Window {
    clusterBrief?: Bridge;
  }
}

/**
 * A failed call as this page's CallError. The bridge is built in another bundle (the harness's
 * bridge script; the preload), so its CallError is another class and `instanceof` in the page misses
 * it: the payload it carries is taken back here, checked against its schema, so every screen shows the
 * typed error in the person's language.
 */
export function asCallError(error: unknown): unknown {
  if (error instanceof CallError || typeof error !== 'object' || error === null || !('payload' in error)) return error;
  const payload = ErrorPayload.safeParse(error.payload);
  return payload.success ? new CallError(payload.data) : error;
}

let wrapped: { from: Bridge; api: Bridge } | null = null;

export function getApi(): Bridge {
  const api = window.clusterBrief;
  if (!api) throw new Error('Cluster Brief bridge missing: open the app through Electron or the test harness.');
  if (wrapped?.from !== api) {
    const calls = Object.fromEntries(
      Object.entries(api).map(([name, fn]) => [
        name,
        name === 'onMenuCommand' ? fn : (input: unknown) => (fn as (i: unknown) => Promise<unknown>)(input).catch((error: unknown) => Promise.reject(asCallError(error))),
      ]),
    );
    wrapped = { from: api, api: calls as unknown as Bridge };
  }
  return wrapped.api;
}
