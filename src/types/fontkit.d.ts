// The part of fontkit (pdfkit's own font engine, no bundled types) that src/server/lib/pdf.ts uses.
declare module "fontkit" {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Buffer): Font | { fonts: Font[] };
}
