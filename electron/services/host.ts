/**
 * What the handlers need from the desktop around them, as an interface: where to save or open a
 * file (a native dialog in Electron; a fixed folder in the browser harness), and opening a finished
 * file with the system's program. Handlers never import Electron; main and the harness implement this.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Host {
  /** Asks the person where to save; resolves null when they cancel. */
  chooseSavePath(request: { suggestedName: string; filters: FileFilter[] }): Promise<string | null>;
  /** Asks the person for a file to open; resolves null when they cancel. */
  chooseOpenPath(request: { filters: FileFilter[] }): Promise<string | null>;
  /** Opens a file with the program the system uses for it (a PDF viewer, a spreadsheet program). */
  openPath(file: string): Promise<void>;
}

/**
 * A host without dialogs (browser harness, tests): saves into a fixed folder under the suggested
 * name, opens the file most recently placed in `openQueue`, and records what it was asked to open.
 */
export function folderHost(saveDir: string, join: (dir: string, name: string) => string): Host & { opened: string[]; openQueue: string[] } {
  const opened: string[] = [];
  const openQueue: string[] = [];
  return {
    opened,
    openQueue,
    chooseSavePath: async ({ suggestedName }) => join(saveDir, suggestedName),
    chooseOpenPath: async () => openQueue.shift() ?? null,
    openPath: async (file) => {
      opened.push(file);
    },
  };
}
