/**
 * `cluster-brief backups` and `cluster-brief restore <backup>`: the backups beside the data file,
 * and putting one back (the current file is backed up first). Plain functions over the services.
 */
import { AppError } from '../../shared/errors';
import { listBackups } from '../services/db/backup';
import { openDataFile } from '../services/db/open';
import { findBackup, restoreBackup, restoreOverUnopenable } from '../services/db/restore';
import type { Io } from './main';

export function backupsCommand(file: string, json: boolean, io: Io): number {
  const backups = listBackups(file);
  if (json) {
    io.out(`${JSON.stringify(backups, null, 2)}\n`);
    return 0;
  }
  if (backups.length === 0) {
    io.out(`没有备份 / no backups beside ${file}\n`);
    return 0;
  }
  for (const b of backups) io.out(`${b.name}\t${b.takenAt}\t${b.label}\t${b.bytes} bytes\n`);
  return 0;
}

export async function restoreCommand(file: string, backup: string | undefined, io: Io): Promise<number> {
  if (!backup) {
    io.err('缺少要恢复的备份 / missing the backup to restore: cluster-brief restore <backup> [--db <file>]\n');
    return 2;
  }
  const source = findBackup(file, backup);
  let db;
  try {
    db = openDataFile(file, { mustExist: true, busyTimeoutMs: 2000, seed: false });
  } catch (error) {
    // A data file that cannot be opened at all is set aside whole, and the backup put in its place.
    if (!(error instanceof AppError) || (error.code !== 'DB_CORRUPT' && error.code !== 'DB_DAMAGED')) throw error;
    const result = restoreOverUnopenable(file, source);
    io.out(`${file}\nrestored from / 已恢复自 ${result.restored}\nthe damaged file was set aside as / 损坏的文件已另存为 ${result.safetyBackup}\n`);
    return 0;
  }
  try {
    const result = await restoreBackup(db, file, source);
    io.out(`${file}\nrestored from / 已恢复自 ${result.restored}\nthe file as it was is kept as / 恢复前的文件已备份为 ${result.safetyBackup}\n`);
    return 0;
  } finally {
    db.close();
  }
}
