/**
 * The sandboxed preload: exposes exactly one object, the typed client built from the contract, with
 * Electron IPC as its transport, plus the typed subscription to menu commands. Nothing else of
 * Electron or Node reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createClient, withPlainRejections, type Bridge } from '../../shared/client';
import { MENU_CHANNEL, ipcChannel, isMenuCommand } from '../../shared/contract';

// A failed call crosses the bridge as a plain object (withPlainRejections): an Error would lose its payload.
const client = withPlainRejections(createClient((channel, input) => ipcRenderer.invoke(ipcChannel(channel), input)));
const bridge: Bridge = {
  ...client,
  onMenuCommand: (listener) => {
    const handler = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => ipcRenderer.removeListener(MENU_CHANNEL, handler);
  },
};
contextBridge.exposeInMainWorld('clusterBrief', bridge);
