/**
 * The module inside pdfmake 0.3 (pinned) that pdfmake-lines.ts wraps: the renderer that writes each
 * laid-out line of text through pdfkit.
 */
declare module 'pdfmake/js/Renderer' {
  /** A piece of a line as pdfmake laid it out: a word (a Chinese character), in one look. */
  export interface LaidInline {
    text: string;
    /** Its advance in points, as pdfmake measured it. */
    width: number;
    /** Where it starts, in points from the line's start. */
    x: number;
    [property: string]: unknown;
  }
  export interface LaidLine {
    inlines: LaidInline[];
    [property: string]: unknown;
  }
  export default class Renderer {
    renderLine(line: LaidLine, x: number, y: number): void;
  }
}
