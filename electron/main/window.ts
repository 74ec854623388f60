/**
 * The app window, locked down: context isolation, sandbox, no Node in the page, a strict CSP, no
 * navigation away, no new windows, no permissions.
 */
import { BrowserWindow, session } from 'electron';
import path from 'node:path';
import { isAppPageUrl } from '../services/app-page';
import { CONTENT_SECURITY_POLICY } from '../services/csp';

export function appPageUrl(): string {
  const dev = process.env.ELECTRON_RENDERER_URL;
  return dev ? dev : `file://${path.join(__dirname, '../renderer/index.html')}`;
}

/** True only for the app's own page (the built file, or the dev server in development). */
export function isAppPage(url: string): boolean {
  return isAppPageUrl(url, process.env.ELECTRON_RENDERER_URL);
}

export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  if (!process.env.ELECTRON_RENDERER_URL) {
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    });
  }
  // Nothing leaves the machine: refuse every request that is not the app's own files or dev server.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url;
    const local = url.startsWith('file:') || url.startsWith('devtools:') || url.startsWith('blob:') || url.startsWith('data:');
    const dev = process.env.ELECTRON_RENDERER_URL;
    callback({ cancel: !(local || (dev !== undefined && url.startsWith(new URL(dev).origin))) });
  });
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: '集群简报 Cluster Brief',
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click would otherwise try to open a link in a new window (denied anyway below).
      disableBlinkFeatures: 'Auxclick',
      // The briefing preview draws its PDF with pdf.js (no frame, no PDF viewer): plugins stay off.
      plugins: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppPage(url)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!isAppPage(url)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  void win.loadURL(appPageUrl());
  return win;
}
