import { describe, expect, it } from 'vitest';
import { dbArgument, resolveDataFile, userDataDir } from '../../electron/services/paths';

describe('where the data file lives', () => {
  it('mirrors Electron userData for the product on each system', () => {
    expect(userDataDir('win32', { APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'C:\\Users\\li')).toBe('C:\\Users\\li\\AppData\\Roaming\\Cluster Brief');
    expect(userDataDir('darwin', {}, '/Users/li')).toBe('/Users/li/Library/Application Support/Cluster Brief');
    expect(userDataDir('linux', {}, '/home/li')).toBe('/home/li/.config/Cluster Brief');
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/li')).toBe('/cfg/Cluster Brief');
  });

  it('takes --db first, then $CLUSTER_BRIEF_DB, then the default', () => {
    expect(resolveDataFile({ db: '/a.sqlite' }, { CLUSTER_BRIEF_DB: '/b.sqlite' }, '/ud')).toBe('/a.sqlite');
    expect(resolveDataFile({}, { CLUSTER_BRIEF_DB: '/b.sqlite' }, '/ud')).toBe('/b.sqlite');
    expect(resolveDataFile({}, {}, '/ud')).toBe('/ud/cluster-brief.sqlite');
    expect(dbArgument(['electron', '.', '--db', '/x.sqlite'])).toBe('/x.sqlite');
    expect(dbArgument(['electron', '--db=/y.sqlite'])).toBe('/y.sqlite');
  });
});
