/** The typed client the preload (or the browser harness) put on the window. */
import { CallError, type Bridge, type Client } from '../../shared/client';
import { CHANNELS } from '../../shared/contract';
import { ErrorPayload } from '../../shared/errors';

declare global {
  interface Window {
    clusterBrief?: Bridge;
  }
}

/**
 * A failed call as the page's own CallError. The bridge is built in another realm (the preload
 * behind contextBridge, or the harness's own script), so its error's class is not the page's and
 * `instanceof CallError` failed there: the person saw "AppError: …" instead of the words for its code.
 */
function asCallError(error: unknown): unknown {
  if (error instanceof CallError) return error;
  const carried = error !== null && typeof error === 'object' && 'payload' in error ? (error as { payload: unknown }).payload : error;
  const payload = ErrorPayload.safeParse(carried);
  return payload.success ? new CallError(payload.data) : error;
}

let wrapped: { from: Bridge; api: Bridge } | null = null;

export function getApi(): Bridge {
  const bridge = window.clusterBrief;
  if (!bridge) throw new Error('Cluster Brief bridge missing: open the app through Electron or the test harness.');
  if (wrapped?.from !== bridge) {
    const client: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const channel of CHANNELS) {
      const call = bridge[channel] as (input: unknown) => Promise<unknown>;
      client[channel] = (input: unknown) => call(input).catch((error: unknown) => Promise.reject(asCallError(error)));
    }
    wrapped = { from: bridge, api: { ...(client as Client), onMenuCommand: (listener) => bridge.onMenuCommand(listener) } };
  }
  return wrapped.api;
}
