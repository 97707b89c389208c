// Every PDF the platform makes (CV, access-code letter, personal-data export) starts here.
// pdfkit's standard fonts (Helvetica…) only encode Windows-1252: "Łucja Nguyễn" would print as
// garbage. Noto Sans is embedded instead (@expo-google-fonts/noto-sans ships whole TTFs per
// weight, OFL; see STACK.md "Fonts in PDFs"): Latin Extended, Vietnamese, Greek and Cyrillic.
// What it cannot draw (emoji, scripts it does not cover) is dropped before pdfkit sees it, so
// no empty box or stray bytes end up on paper.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { create as openFont, type Font } from "fontkit";
import PDFDocument from "pdfkit";

export type PdfDoc = PDFKit.PDFDocument;
/** The two registered font names: use `doc.font(BODY)` / `doc.font(BOLD)`. */
export const BODY = "Body";
export const BOLD = "Bold";

type Weight = "400Regular" | "700Bold";
const fonts = new Map<Weight, { file: Buffer; font: Font }>();

function notoSans(weight: Weight): { file: Buffer; font: Font } {
  let loaded = fonts.get(weight);
  if (!loaded) {
    // resolved from the app's folder at run time (not by the bundler)
    const require = createRequire(path.join(process.cwd(), "package.json"));
    const file = readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${weight}/NotoSans_${weight}.ttf`));
    const opened = openFont(file);
    loaded = { file, font: "fonts" in opened ? opened.fonts[0]! : opened };
    fonts.set(weight, loaded);
  }
  return loaded;
}

const LINE_BREAK = /\r\n?|\n/g;
// Invisible joiners and selectors (ZWJ, FE0F…) only mean something next to what they join:
// the font may have a glyph for them, but once an emoji is gone they are noise. The soft
// hyphen stays (pdfkit breaks lines there).
const INVISIBLE = /[\p{Cf}\p{Variation_Selector}]/u;

/**
 * The text as the embedded fonts can print it: composed (NFC, so "ễ" is one glyph), tabs as
 * spaces, and every character that either weight has no glyph for removed (emoji, scripts
 * Noto Sans does not cover, control characters), as well as invisible joiners and selectors;
 * the spaces left around a removed character collapse to one.
 */
export function printable(text: string): string {
  const regular = notoSans("400Regular").font;
  const bold = notoSans("700Bold").font;
  return text
    .normalize("NFC")
    .replace(LINE_BREAK, "\n")
    .split("\n")
    .map((line) => {
      let kept = "";
      for (const ch of line.replace(/\t/g, " ")) {
        const cp = ch.codePointAt(0)!;
        if (cp >= 0x20 && (cp === 0xad || !INVISIBLE.test(ch)) && regular.hasGlyphForCodePoint(cp) && bold.hasGlyphForCodePoint(cp)) kept += ch;
      }
      return kept === line ? line : kept.replace(/ {2,}/g, " ").trim();
    })
    .join("\n");
}

/**
 * pdfkit's text options with OpenType's "ccmp" feature off. Noto Sans's ccmp splits "ị" (and
 * other letters of Vietnamese) into "i" + a combining dot, and pdfkit then records the "i"
 * glyph as "ị" in the text layer: copied or extracted text comes back wrong ("Thi", or every
 * later "i" as "ị"). Text is composed (NFC) before layout, so the font's precomposed glyphs
 * are used instead and the marks still stack (mark, mkmk) when no precomposed glyph exists.
 * A fresh object each call: fontkit writes into the one it is given.
 */
function withoutCcmp(args: unknown[]): unknown[] {
  const at = args.findIndex((a) => typeof a === "object" && a !== null);
  if (at >= 0) {
    const given = args[at] as PDFKit.Mixins.TextOptions;
    return args.map((a, i) => (i === at && !given.features ? { ...given, features: { ccmp: false } } : a));
  }
  // text(str), text(str, x, y): the options come third
  const positional = args.length === 0 ? [] : [args[0], args[1]];
  return [...positional, { features: { ccmp: false } }];
}

/**
 * A new A4 document with Noto Sans registered as BODY and BOLD (and selected), and the PDF
 * bytes once `doc.end()` is called. Every string given to `doc.text` goes through
 * `printable` first, so no caller can forget it; pdfkit wraps lines within the margins and
 * breaks a word longer than the line.
 */
export function createPdf(options: PDFKit.PDFDocumentOptions): { doc: PdfDoc; finished: Promise<Buffer> } {
  const doc = new PDFDocument({ size: "A4", ...options });
  doc.registerFont(BODY, notoSans("400Regular").file);
  doc.registerFont(BOLD, notoSans("700Bold").file);
  doc.font(BODY);
  const text = doc.text.bind(doc) as (...args: unknown[]) => PdfDoc;
  doc.text = ((value: unknown, ...rest: unknown[]) =>
    text(typeof value === "string" ? printable(value) : value, ...withoutCcmp(rest))) as PdfDoc["text"];
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, finished };
}
