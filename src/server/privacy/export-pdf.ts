// The personal-data export as a printable A4 PDF (pdfkit). pdfkit's standard fonts only encode
// Windows-1252, so names such as "Łucja Nguyễn" would print as garbage: Noto Sans is embedded
// (@expo-google-fonts/noto-sans, OFL; see STACK.md "Fonts in PDFs").

import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";
import { formatLongDateTime } from "../../lib/dates";
import { instanceTimeZone } from "../config/time-zone";
import { exportSections } from "./export-text";
import type { PersonalDataExport } from "./export";

function fontFile(weight: "400Regular" | "700Bold"): string {
  // resolved from the app's folder at run time (not by the bundler)
  const require = createRequire(path.join(process.cwd(), "package.json"));
  return require.resolve(`@expo-google-fonts/noto-sans/${weight}/NotoSans_${weight}.ttf`);
}

export function renderExportPdf(data: PersonalDataExport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: { Title: `Mes données — ${data.platform.name}`, Creator: data.platform.name },
  });
  doc.registerFont("Body", fontFile("400Regular"));
  doc.registerFont("Bold", fontFile("700Bold"));
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.font("Bold").fontSize(20).fillColor("#1a1a1a").text("Mes données");
  doc
    .font("Body")
    .fontSize(10)
    .fillColor("#444444")
    .text(`Tout ce que ${data.platform.name}${data.platform.organisation ? ` (${data.platform.organisation})` : ""} garde sur vous, le ${formatLongDateTime(data.exportedAt, instanceTimeZone())}.`);

  for (const s of exportSections(data)) {
    doc.moveDown(1).font("Bold").fontSize(14).fillColor("#0b3d6b").text(s.title);
    doc.font("Body").fontSize(10.5).fillColor("#1a1a1a");
    if (s.intro) doc.fillColor("#444444").text(s.intro).fillColor("#1a1a1a");
    if (s.entries.length === 0) doc.moveDown(0.2).text(s.empty);
    for (const e of s.entries) {
      doc.moveDown(0.3);
      if (e.heading) doc.font("Bold").text(e.heading).font("Body");
      for (const line of e.lines) doc.text(line, { indent: e.heading ? 8 : 0 });
    }
  }
  doc.end();
  return finished;
}
