/** The part of yauzl 3 (which ships no types) that zip-check.ts uses. */
declare module 'yauzl' {
  export interface Entry {
    fileName: string;
    compressedSize: number;
    uncompressedSize: number;
  }
  export interface ZipFile {
    entryCount: number;
    readEntry(): void;
    openReadStream(entry: Entry, cb: (err: Error | null, stream: NodeJS.ReadableStream & { destroy(): void }) => void): void;
    close(): void;
    on(event: 'entry', cb: (entry: Entry) => void): this;
    on(event: 'end', cb: () => void): this;
    on(event: 'error', cb: (err: Error) => void): this;
  }
  export interface Options {
    lazyEntries?: boolean;
    autoClose?: boolean;
    validateEntrySizes?: boolean;
    decodeStrings?: boolean;
  }
  export function open(path: string, options: Options, callback: (err: Error | null, zipfile: ZipFile) => void): void;
}
