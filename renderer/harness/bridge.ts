/**
 * Browser harness only (never in the packaged app): gives the page the same client object the
 * preload gives it in Electron, built from the same contract, over HTTP to the harness server.
 */
import { createClient } from '../../shared/client';

const client = createClient(async (channel, input) => {
  const response = await fetch(`/__harness/rpc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-cluster-brief': '1' },
    body: JSON.stringify(input),
    credentials: 'same-origin',
  });
  return response.json();
});

Object.defineProperty(window, 'clusterBrief', { value: Object.freeze(client), writable: false, configurable: false });
