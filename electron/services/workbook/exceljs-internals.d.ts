/**
 * Two modules inside exceljs 4.4 (pinned) that read.ts uses directly: the worksheet reader and the
 * style manager. exceljs' own zip handling in its streaming reader does not always take in the
 * parts after the sheets, so read.ts opens the zip itself and hands exceljs one sheet.
 */
declare module 'exceljs/lib/stream/xlsx/worksheet-reader' {
  import type { Row } from 'exceljs';
  export default class WorksheetReader {
    constructor(args: {
      workbook: { sharedStrings: unknown[]; styles: unknown; properties: { model?: { date1904?: boolean } } };
      id: number;
      iterator: AsyncIterable<Buffer | string>;
      options: { worksheets: 'emit'; hyperlinks: 'ignore' };
    });
    [Symbol.asyncIterator](): AsyncGenerator<Row>;
  }
}

declare module 'exceljs/lib/xlsx/xform/style/styles-xform' {
  export default class StylesXform {
    constructor(initialise?: boolean);
    parseStream(stream: AsyncIterable<Buffer | string>): Promise<unknown>;
  }
}
