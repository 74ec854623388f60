/** The typed client the preload (or the browser harness) put on the window. */
import type { Bridge } from '../../shared/client';

declare global {
  interface Window {
    clusterBrief?: Bridge;
  }
}

export function getApi(): Bridge {
  const api = window.clusterBrief;
  if (!api) throw new Error('Cluster Brief bridge missing: open the app through Electron or the test harness.');
  return api;
}
