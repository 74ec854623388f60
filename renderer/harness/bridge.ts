/**
 * Browser harness only (never in the packaged app): gives the page the same client object the
 * preload gives it in Electron, built from the same contract, over HTTP to the harness server.
 * Menu commands arrive as a window event here, so tests can play the Edit menu's part.
 */
import { createClient, type Bridge } from '../../shared/client';
import { MENU_CHANNEL, isMenuCommand } from '../../shared/contract';

const client = createClient(async (channel, input) => {
  const response = await fetch(`/__harness/rpc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-cluster-brief': '1' },
    body: JSON.stringify(input),
    credentials: 'same-origin',
  });
  return response.json();
});

const bridge: Bridge = {
  ...client,
  onMenuCommand: (listener) => {
    const handler = (event: Event): void => {
      const command = (event as CustomEvent<unknown>).detail;
      if (isMenuCommand(command)) listener(command);
    };
    window.addEventListener(MENU_CHANNEL, handler);
    return () => window.removeEventListener(MENU_CHANNEL, handler);
  },
};
Object.defineProperty(window, 'clusterBrief', { value: Object.freeze(bridge), writable: false, configurable: false });
