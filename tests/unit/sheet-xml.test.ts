/**
 * The worksheet scanner reads what spreadsheet programs write, however the bytes arrive: the forms
 * below come from Excel, LibreOffice, WPS and the OpenXML SDK (prefixed elements, cells without
 * references), and every test also feeds the part one byte at a time.
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../electron/services/workbook/cells';
import { MAX_ROW_CHARS, RowTooLong, sheetRows, type SheetContext, type SheetRow } from '../../electron/services/workbook/sheet-xml';
import { PartDamage, percentStylesOf, sharedStringsOf } from '../../electron/services/workbook/zip-check';

const context: SheetContext = { sharedStrings: ['智能机器人', 'revenue'], isDateStyle: (s) => s === 7, isPercentStyle: (s) => s === 9, date1904: false };

async function read(xml: string, chunkSize = 65536, ctx: SheetContext = context): Promise<SheetRow[]> {
  const bytes = Buffer.from(xml, 'utf8');
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  }
  const rows: SheetRow[] = [];
  for await (const batch of sheetRows(chunks(), ctx)) rows.push(...batch);
  return rows;
}

/** Rows as [number, {column: cell}] for comparing. */
const shape = (rows: SheetRow[]): [number, Record<number, Cell>][] => rows.map((r) => [r.number, Object.fromEntries(r.cells.map((c, i) => [i, c]).filter(([, c]) => c))]);

async function expectRows(xml: string, expected: [number, Record<number, Cell>][]): Promise<void> {
  expect(shape(await read(xml))).toEqual(expected);
  // Split anywhere, even inside a multi-byte character, the result is the same.
  expect(shape(await read(xml, 1))).toEqual(expected);
  expect(shape(await read(xml, 7))).toEqual(expected);
}

const sheet = (rows: string, ns = ''): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${ns}worksheet xmlns${ns ? `:${ns.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${ns}dimension ref="A1:C3"/><${ns}sheetData>${rows}</${ns}sheetData><${ns}rowBreaks count="1"><${ns}brk id="2"/></${ns}rowBreaks></${ns}worksheet>`;

describe('the worksheet scanner', () => {
  it('reads shared strings, numbers, inline strings and empty cells by column, as exceljs or Excel write them', async () => {
    await expectRows(
      sheet(
        '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="C1" s="2" t="s"><v>1</v></c></row>' +
          '<row r="2"><c r="A2"><v>1234.5</v></c><c r="B2" t="inlineStr"><is><t xml:space="preserve"> 数 据 </t></is></c><c r="C2" s="3"/></row>',
      ),
      [
        [1, { 1: { kind: 'text', text: '智能机器人' }, 3: { kind: 'text', text: 'revenue' } }],
        [2, { 1: { kind: 'number', value: 1234.5 }, 2: { kind: 'text', text: ' 数 据 ' }, 3: { kind: 'empty' } }],
      ],
    );
  });

  it('keeps full precision and reads exponents', async () => {
    await expectRows(sheet('<row r="1"><c r="A1"><v>0.30000000000000004</v></c><c r="B1"><v>1.5E-7</v></c><c r="C1"><v>-12</v></c></row>'), [
      [1, { 1: { kind: 'number', value: 0.30000000000000004 }, 2: { kind: 'number', value: 1.5e-7 }, 3: { kind: 'number', value: -12 } }],
    ]);
  });

  it('reads prefixed elements (OpenXML SDK) and cells and rows without references, which follow the one before', async () => {
    await expectRows(sheet('<x:row r="4"><x:c r="B4"><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c t="s"><x:v>0</x:v></x:c></x:row>', 'x:'), [
      [4, { 2: { kind: 'number', value: 1 }, 3: { kind: 'number', value: 2 } }],
      [5, { 1: { kind: 'text', text: '智能机器人' } }],
    ]);
  });

  it('joins rich inline runs without phonetic guides, decodes entities and CDATA, accepts single quotes', async () => {
    await expectRows(
      sheet(
        `<row r='1'><c r='A1' t='inlineStr'><is><r><rPr><color rgb="FFFF0000"/><rFont val="Calibri"/></rPr><t>A &amp; B &lt;</t></r><r><t>&#x4E2D;&#25991;</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></is></c>` +
          `<c r='B1' t='str'><v><![CDATA[<raw> & text]]></v></c></row>`,
      ),
      [[1, { 1: { kind: 'text', text: 'A & B <中文' }, 2: { kind: 'text', text: '<raw> & text' } }]],
    );
  });

  it('tells formulas (own and shared), booleans, errors and dates apart', async () => {
    await expectRows(
      sheet(
        '<row r="1"><c r="A1"><f>SUM(B1:C1)</f><v>3</v></c><c r="B1"><f t="shared" si="0"/><v>1</v></c><c r="C1" t="str"><f>"=1+2"</f><v>=1+2</v></c></row>' +
          '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="e"><v>#N/A</v></c><c r="C2" s="7"><v>45078</v></c><c r="D2" t="d"><v>2023-06-01T00:00:00Z</v></c><c r="E2" s="8"><v>45078</v></c></row>',
      ),
      [
        [1, { 1: { kind: 'formula', formula: '=SUM(B1:C1)' }, 2: { kind: 'formula', formula: '=' }, 3: { kind: 'formula', formula: '="=1+2"' } }],
        [
          2,
          {
            1: { kind: 'other', shown: 'TRUE' },
            2: { kind: 'other', shown: '#N/A' },
            3: { kind: 'date', value: new Date('2023-06-01T00:00:00.000Z') },
            4: { kind: 'date', value: new Date('2023-06-01T00:00:00.000Z') },
            5: { kind: 'number', value: 45078 },
          },
        ],
      ],
    );
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const rows = await read(sheet('<row r="1"><c r="A1" s="7"><v>43616</v></c></row>'), 65536, { ...context, date1904: true });
    expect(rows[0]!.cells[1]).toEqual({ kind: 'date', value: new Date('2023-06-01T00:00:00.000Z') });
  });

  it('skips comments and self-closed rows, and ignores what follows the sheet data', async () => {
    await expectRows(sheet('<row r="1"/><!-- a note --><row r="2"><!-- <c r="A2"><v>9</v></c> --><c r="B2"><v>5</v></c></row>'), [
      [1, {}],
      [2, { 2: { kind: 'number', value: 5 } }],
    ]);
  });

  it('refuses a row that never ends instead of holding the whole part in memory', async () => {
    const endless = `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${'row>'.repeat(MAX_ROW_CHARS / 4 + 1)}`;
    await expect(read(endless)).rejects.toMatchObject({ row: 2 });
    await expect(read(endless)).rejects.toBeInstanceOf(RowTooLong);
  });
});

describe('damage inside a worksheet part', () => {
  /** The damage reading `xml` ends with, fed whole and byte by byte. */
  async function damageOf(xml: string | Buffer): Promise<PartDamage[]> {
    const bytes = typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml;
    const found: PartDamage[] = [];
    for (const size of [65536, 1]) {
      const chunks = async function* (): AsyncGenerator<Buffer> {
        for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
      };
      try {
        for await (const _batch of sheetRows(chunks(), context)) void _batch;
      } catch (error) {
        if (error instanceof PartDamage) found.push(error);
        else throw error;
      }
    }
    return found;
  }

  it('refuses a shared-string index past the table, naming the cell, on either reading path', async () => {
    for (const cell of ['<c r="B3" t="s"><v>2</v></c>', '<c t="s" r="B3"><v> 9 </v></c>', '<c r="B3" t="s"><v>x</v></c>']) {
      const damage = await damageOf(sheet(`<row r="3"><c r="A3"><v>1</v></c>${cell}</row>`));
      expect(damage.map((d) => [d.problem, d.details.cell])).toEqual([
        ['dangling_string', 'B3'],
        ['dangling_string', 'B3'],
      ]);
      expect(damage[0]!.details.count).toBe(2);
    }
  });

  it('refuses a character reference to no XML character, naming the cell; a real one reads', async () => {
    for (const ref of ['&#x110000;', '&#0;', '&#xD800;', '&#9999999999;']) {
      const damage = await damageOf(sheet(`<row r="5"><c r="D5" t="inlineStr"><is><t>a${ref}</t></is></c></row>`));
      expect(damage.map((d) => [d.problem, d.details.cell, d.details.ref])).toEqual([
        ['bad_char_ref', 'D5', ref],
        ['bad_char_ref', 'D5', ref],
      ]);
    }
    await expectRows(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&#x1F600;&#9;&#x10FFFF;</t></is></c></row>'), [[1, { 1: { kind: 'text', text: '\u{1F600}\t\u{10FFFF}' } }]]);
  });

  it('refuses bytes that are not UTF-8 instead of storing U+FFFD, however the bytes arrive', async () => {
    const [head, tail] = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>MARK</t></is></c></row>').split('MARK');
    const damage = await damageOf(Buffer.concat([Buffer.from(head!), Buffer.from([0xe6, 0x96, 0x28]), Buffer.from(tail!)]));
    expect(damage.map((d) => d.problem)).toEqual(['invalid_utf8', 'invalid_utf8']);
    // A part cut off inside a character is damaged too.
    expect((await damageOf(Buffer.concat([Buffer.from(head!), Buffer.from([0xe6, 0x96])]))).map((d) => d.problem)).toEqual(['invalid_utf8', 'invalid_utf8']);
  });

  it('marks numbers in a percent style, so the reader can make 0.052 a 5.2 percent figure', async () => {
    await expectRows(sheet('<row r="1"><c r="A1" s="9"><v>0.052</v></c><c r="B1" s="3"><v>0.052</v></c></row>'), [[1, { 1: { kind: 'number', value: 0.052, percent: true }, 2: { kind: 'number', value: 0.052 } }]]);
  });
});

describe('the shared-string table', () => {
  it('reads plain, rich, prefixed and empty items, without phonetic guides', () => {
    const xml =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4"><si><t>新一代电子信息</t></si>' +
      '<si><r><t>Smart </t></r><r><rPr><b/></rPr><t>robots</t></r></si><si/><si><t>東京</t><rPh sb="0" eb="2"><t>とうきょう</t></rPh></si></sst>';
    expect(sharedStringsOf(xml)).toEqual(['新一代电子信息', 'Smart robots', '', '東京']);
    expect(sharedStringsOf('<x:sst><x:si><x:t>a &amp; b</x:t></x:si></x:sst>')).toEqual(['a & b']);
  });
});

describe('percent styles', () => {
  it('are the cell styles whose format shows a percentage, not those that only add the sign (as this app and LibreOffice write it)', () => {
    const styles =
      '<styleSheet><numFmts count="4"><numFmt numFmtId="164" formatCode="General&quot;%&quot;"/><numFmt numFmtId="165" formatCode="General\\%"/>' +
      '<numFmt numFmtId="166" formatCode="0.0%"/><numFmt numFmtId="167" formatCode="[Red]0.00%;[Blue]-0.00%"/><numFmt numFmtId="168" formatCode="General%"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="9"/></cellStyleXfs>' +
      '<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165" applyNumberFormat="1"><alignment vertical="center"/></xf><xf numFmtId="166"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="167"/><xf numFmtId="168"/></cellXfs></styleSheet>';
    expect([...percentStylesOf(styles)]).toEqual([3, 4, 5, 6]);
    expect([...percentStylesOf('<x:styleSheet><x:cellXfs><x:xf numFmtId="10"/></x:cellXfs></x:styleSheet>')]).toEqual([0]);
  });
});
