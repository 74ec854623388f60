/** The part of fontkit (no bundled types) that the briefing uses: opening a font, reading its map. */
declare module 'fontkit' {
  export interface Font {
    familyName: string;
    postscriptName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
    characterSet: number[];
    unitsPerEm: number;
    glyphForCodePoint(codePoint: number): { advanceWidth: number };
  }
  export interface FontCollection {
    fonts: Font[];
  }
  export function openSync(file: string): Font | FontCollection;
}
