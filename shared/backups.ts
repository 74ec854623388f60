/** The data file's health and its backups, as the page and the command line see them. Runs anywhere. */
import { z } from 'zod';

/** unknown: not checked yet on this connection; damaged: quick_check found problems, writes are refused. */
export const FileHealth = z
  .object({
    state: z.enum(['unknown', 'ok', 'damaged']),
    checkedAt: z.string().nullable(),
  })
  .strict();
export type FileHealth = z.infer<typeof FileHealth>;

/** Backups are named <data file>.<label>-<UTC stamp>[-n].sqlite, beside the data file. */
export const BackupEntry = z
  .object({
    /** File name only: restoring names a backup by it, never by a path. */
    name: z.string(),
    path: z.string(),
    /** Why it was taken: before-import, before-undo, before-restore, before-v3, … */
    label: z.string(),
    takenAt: z.string(),
    bytes: z.number().int().nonnegative(),
  })
  .strict();
export type BackupEntry = z.infer<typeof BackupEntry>;

export const BackupList = z
  .object({
    folder: z.string(),
    health: FileHealth,
    backups: z.array(BackupEntry),
  })
  .strict();
export type BackupList = z.infer<typeof BackupList>;

/** A backup's file name as the page may send it: no folders, no way out of the backups folder. */
export const BackupName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\\0]+\.sqlite$/u, 'a backup file name ending in .sqlite');

export const RestoreResult = z
  .object({
    restored: z.string(),
    /** The copy of the data file taken just before it was replaced. */
    safetyBackup: z.string(),
  })
  .strict();
export type RestoreResult = z.infer<typeof RestoreResult>;
