/**
 * The Electron main process: one instance, one data file, one locked-down window, one binder.
 * Everything it serves comes from the Electron-free handler table.
 */
import { BrowserWindow, app, dialog } from 'electron';
import { describeErrorBilingual, toErrorPayload } from '../../shared/errors';
import { openDataFile, type DB } from '../services/db/open';
import { createHandlers } from '../services/handlers';
import { Jobs } from '../services/jobs';
import { electronHost } from './host';
import { dbArgument, resolveDataFile } from '../services/paths';
import { bindContract } from './ipc';
import { installMenu } from './menu';
import { electronNativeBinding } from './native';
import { createMainWindow, hardenSession } from './window';

app.enableSandbox();
let db: DB | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  void app.whenReady().then(start);
}

function start(): void {
  const dataFile = resolveDataFile({ db: dbArgument(process.argv) }, process.env, app.getPath('userData'));
  try {
    db = openDataFile(dataFile, { nativeBinding: electronNativeBinding(app.getAppPath(), app.isPackaged) });
  } catch (error) {
    dialog.showErrorBox('Cluster Brief', describeErrorBilingual(toErrorPayload(error)));
    app.exit(1);
    return;
  }
  hardenSession();
  installMenu();
  bindContract(createHandlers({ db, dataFile, appName: app.getName(), appVersion: app.getVersion(), host: electronHost(), jobs: new Jobs() }));
  createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => db?.close());
