/**
 * The module inside exceljs 4.4 (pinned) that read.ts uses directly: the style reader, which turns
 * a cell's style index into its number format (so a number in a date format reads as a date).
 */
declare module 'exceljs/lib/xlsx/xform/style/styles-xform' {
  export default class StylesXform {
    constructor(initialise?: boolean);
    parseStream(stream: AsyncIterable<Buffer | string>): Promise<unknown>;
    /** The style at a cell's `s` index; its numFmt is the format code (built-in ids resolved). */
    getStyleModel(id: number): { numFmt?: string } | null;
  }
}
