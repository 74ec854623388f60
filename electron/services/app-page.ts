/**
 * Which page may call the backend: only the app's own built page (a file URL ending in
 * renderer/index.html), or the dev server's origin in development. Pure, so it is tested in Node;
 * electron/main/ipc.ts applies it to every call's sender frame.
 */
export function isAppPageUrl(url: string, devServerUrl: string | undefined): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    return u.origin === dev.origin;
  }
  return u.protocol === 'file:' && u.host === '' && decodeURIComponent(u.pathname).replace(/\\/g, '/').endsWith('/renderer/index.html');
}

/** The sender check of the binder: a top-level frame showing the app page. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined, devServerUrl: string | undefined): boolean {
  return !!frame && frame.parent === null && isAppPageUrl(frame.url, devServerUrl);
}
