/**
 * The data-file safety channels: the quick_check the page asks for once the app has opened (a
 * failure marks the file, and every write is refused), the backups beside the data file, and
 * restoring one by its file name — the current file is backed up first.
 */
import type { HandlerContext, Handlers } from '../handlers';
import { listBackups } from '../db/backup';
import { checkHealth, knownHealth } from '../db/health';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { restoreBackup } from '../db/restore';

type BackupChannels = 'checkFileHealth' | 'listBackups' | 'restoreBackup';

export function backupHandlers(ctx: HandlerContext): Pick<Handlers, BackupChannels> {
  return {
    checkFileHealth: () => checkHealth(ctx.db),
    listBackups: () => ({ folder: path.dirname(path.resolve(ctx.dataFile)), health: knownHealth(ctx.db), backups: listBackups(ctx.dataFile) }),
    restoreBackup: async ({ name }) => {
      // Only a listed backup, by its name: the page cannot point the app at any other file.
      const listed = listBackups(ctx.dataFile).find((b) => b.name === name);
      if (!listed) throw new AppError('BACKUP_NOT_FOUND', 'backup not listed', { path: name });
      const result = await restoreBackup(ctx.db, ctx.dataFile, listed.path);
      return { restored: path.basename(result.restored), safetyBackup: path.basename(result.safetyBackup) };
    },
  };
}
