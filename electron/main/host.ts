/** The Host for the app: native save/open dialogs and the system's program for a finished file. */
import { BrowserWindow, dialog, shell } from 'electron';
import type { Host } from '../services/host';

export function electronHost(): Host {
  const parent = (): BrowserWindow | undefined => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  return {
    chooseSavePath: async ({ suggestedName, filters }) => {
      const win = parent();
      const options = { defaultPath: suggestedName, filters, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    chooseOpenPath: async ({ filters }) => {
      const win = parent();
      const options = { filters, properties: ['openFile' as const] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0]!;
    },
    openPath: async (file) => {
      const error = await shell.openPath(file);
      if (error) throw new Error(error);
    },
  };
}
