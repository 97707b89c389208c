// The personal-data export as a printable A4 PDF, in the embedded Noto Sans (lib/pdf.ts).

import { BODY, BOLD, createPdf } from "../lib/pdf";
import { formatLongDateTime } from "../../lib/dates";
import { instanceTimeZone } from "../config/time-zone";
import { exportSections } from "./export-text";
import type { PersonalDataExport } from "./export";

export function renderExportPdf(data: PersonalDataExport): Promise<Buffer> {
  const { doc, finished } = createPdf({
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: { Title: `Mes données — ${data.platform.name}`, Creator: data.platform.name },
  });

  doc.font(BOLD).fontSize(20).fillColor("#1a1a1a").text("Mes données");
  doc
    .font(BODY)
    .fontSize(10)
    .fillColor("#444444")
    .text(`Tout ce que ${data.platform.name}${data.platform.organisation ? ` (${data.platform.organisation})` : ""} garde sur vous, le ${formatLongDateTime(data.exportedAt, instanceTimeZone())}.`);

  for (const s of exportSections(data)) {
    doc.moveDown(1).font(BOLD).fontSize(14).fillColor("#0b3d6b").text(s.title);
    doc.font(BODY).fontSize(10.5).fillColor("#1a1a1a");
    if (s.intro) doc.fillColor("#444444").text(s.intro).fillColor("#1a1a1a");
    if (s.entries.length === 0) doc.moveDown(0.2).text(s.empty);
    for (const e of s.entries) {
      doc.moveDown(0.3);
      if (e.heading) doc.font(BOLD).text(e.heading).font(BODY);
      for (const line of e.lines) doc.text(line, { indent: e.heading ? 8 : 0 });
    }
  }
  doc.end();
  return finished;
}
