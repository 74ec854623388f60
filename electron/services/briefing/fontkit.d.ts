/** The part of fontkit (no bundled types) that the briefing uses: opening a font, reading its map, subsetting it. */
declare module 'fontkit' {
  export interface Font {
    familyName: string;
    postscriptName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
    characterSet: number[];
    unitsPerEm: number;
    glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
    /** A subset of the font's glyphs (font-subset.ts): outlines and metrics, no character map. */
    createSubset(): { includeGlyph(glyph: number | { id: number }): number; encode(): Uint8Array };
  }
  export interface FontCollection {
    fonts: Font[];
  }
  export function openSync(file: string): Font | FontCollection;
}
