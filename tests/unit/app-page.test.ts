import { describe, expect, it } from 'vitest';
import { isAppPageUrl, isTrustedSender } from '../../electron/services/app-page';

describe('which page may call the backend', () => {
  it('trusts the built app page only', () => {
    expect(isAppPageUrl('file:///C:/Program%20Files/Cluster%20Brief/resources/app.asar/out/renderer/index.html', undefined)).toBe(true);
    expect(isAppPageUrl('file:///Applications/Cluster Brief.app/Contents/Resources/app.asar/out/renderer/index.html#/entity/smart-robots', undefined)).toBe(true);
    expect(isAppPageUrl('file:///tmp/evil/index.html', undefined)).toBe(false);
    expect(isAppPageUrl('https://example.com/renderer/index.html', undefined)).toBe(false);
    expect(isAppPageUrl('file://attacker-host/share/out/renderer/index.html', undefined)).toBe(false);
    expect(isAppPageUrl('not a url', undefined)).toBe(false);
  });

  it('in development, trusts the dev server origin and nothing else', () => {
    expect(isAppPageUrl('http://localhost:5173/#/', 'http://localhost:5173')).toBe(true);
    expect(isAppPageUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppPageUrl('file:///x/out/renderer/index.html', 'http://localhost:5173')).toBe(false);
  });

  it('refuses subframes and missing frames', () => {
    const url = 'file:///app/out/renderer/index.html';
    expect(isTrustedSender({ url, parent: null }, undefined)).toBe(true);
    expect(isTrustedSender({ url, parent: {} }, undefined)).toBe(false);
    expect(isTrustedSender(null, undefined)).toBe(false);
  });
});
