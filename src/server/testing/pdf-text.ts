// The text of a PDF as a reader gets it, extracted by poppler's pdftotext (Debian's
// poppler-utils, installed by .ci/run): a real extraction, not a look at pdfkit's input.

import { execFile } from "node:child_process";

function pdftotext(pdf: Buffer, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile("pdftotext", [...args, "-", "-"], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? reject(new Error(`pdftotext a échoué (poppler-utils installé ?) : ${err.message} ${stderr}`)) : resolve(stdout),
    );
    child.stdin!.end(pdf);
  });
}

/** The PDF's text, lines in reading order. */
export function pdfText(pdf: Buffer): Promise<string> {
  return pdftotext(pdf, ["-enc", "UTF-8"]);
}

export type PdfWord = { page: number; text: string; xMin: number; xMax: number; yMin: number; yMax: number; pageWidth: number; pageHeight: number };

/** Every word with its box in points (pdftotext -bbox), to check nothing runs off the page. */
export async function pdfWords(pdf: Buffer): Promise<PdfWord[]> {
  const html = await pdftotext(pdf, ["-enc", "UTF-8", "-bbox"]);
  const words: PdfWord[] = [];
  let page = 0;
  let pageWidth = 0;
  let pageHeight = 0;
  for (const line of html.split("\n")) {
    const p = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line);
    if (p) {
      page++;
      pageWidth = Number(p[1]);
      pageHeight = Number(p[2]);
      continue;
    }
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (w) {
      words.push({ page, text: w[5]!, xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), pageWidth, pageHeight });
    }
  }
  return words;
}
