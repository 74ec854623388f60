/**
 * The sandboxed preload: exposes exactly one object, the typed client built from the contract, with
 * Electron IPC as its transport. Nothing else of Electron or Node reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createClient } from '../../shared/client';
import { ipcChannel } from '../../shared/contract';

const client = createClient((channel, input) => ipcRenderer.invoke(ipcChannel(channel), input));
contextBridge.exposeInMainWorld('clusterBrief', client);
