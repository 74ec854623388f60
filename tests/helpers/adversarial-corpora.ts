/**
 * HOOKS for the adversarial suite's two corpora (issue 11, "what done means" 9). Other branches
 * own the cases; the runner (tests/unit/adversarial-corpora.test.ts) iterates whatever is listed
 * here, through the command line a person would use, and counts the outcomes:
 *   - DAMAGED_FILE_CASES — damaged data files (branch i11-data: planted corruption of an index page
 *     and of a table page, a 0-byte file, a truncated file, …). Add one entry per case.
 *   - HOSTILE_WORKBOOK_CASES — the workbook corpus (branch i11-input: tests/helpers/bad-workbooks.ts,
 *     files written by LibreOffice, openpyxl and by hand). Map that corpus into this list.
 * Both lists are empty until those branches land; the runner then reports the corpora as absent.
 */

/** A data file damaged on purpose: `damage` receives a healthy data file (the default dataset) and spoils it in place. */
export interface DamagedFileCase {
  name: string;
  damage: (file: string) => void;
}

/**
 * A hostile workbook: `make` writes it into `dir` and returns its path. `outcome`: 'refused' (exit 1
 * with a reason in both languages, nothing written) or 'imported' (read right, e.g. 5.2% as 5.2).
 */
export interface HostileWorkbookCase {
  name: string;
  outcome: 'refused' | 'imported';
  make: (dir: string) => string | Promise<string>;
}

export const DAMAGED_FILE_CASES: DamagedFileCase[] = [];

export const HOSTILE_WORKBOOK_CASES: HostileWorkbookCase[] = [];
