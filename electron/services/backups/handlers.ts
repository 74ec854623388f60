/**
 * The data-file safety channels: the quick_check the page asks for once the app has opened (a
 * failure marks the file, and every write is refused), the backups beside the data file, and
 * restoring one by its file name — the current file is backed up first —, and a backup on request,
 * as a job the page watches.
 */
import type { HandlerContext, Handlers } from '../handlers';
import { backupNow, listBackups } from '../db/backup';
import { checkHealth, knownHealth } from '../db/health';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { restoreBackup } from '../db/restore';

type BackupChannels = 'checkFileHealth' | 'listBackups' | 'restoreBackup' | 'backUpNow';

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
    backUpNow: () =>
      ctx.jobs.start('backup', async (job) => {
        const written = await backupNow(ctx.db, ctx.dataFile, (done, total) => job.progress(done, total));
        const entry = listBackups(ctx.dataFile).find((b) => b.path === written);
        if (!entry) throw new AppError('BACKUP_NOT_FOUND', 'backup pruned as it was written', { path: path.basename(written) });
        return { path: entry.path, summary: { name: entry.name, takenAt: entry.takenAt, bytes: entry.bytes } };
      }),
  };
}
