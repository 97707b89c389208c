import type { Metadata } from "next";
import Link from "next/link";
import { IconDownload } from "@/components/ui/icons";
import { PrintButton } from "@/components/beneficiary/PrintButton";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";
import { formatLongDateTime } from "@/lib/dates";
import { instanceTimeZone } from "@/server/config/time-zone";
import { exportSections } from "@/server/privacy/export-text";
import "./export.css";

export const metadata: Metadata = { title: "Toutes mes données" };

/** Everything kept about the person, in plain French, to read on the phone, print or save as PDF. */
export default async function AllMyDataPage() {
  await requirePageRole(["beneficiary"], "/beneficiaire/mes-donnees/tout");
  const data = await (await serverCaller()).privacy.exportMine();
  if (!data) return null;
  const sections = exportSections(data);

  return (
    <div className="readable data-export">
      <p className="no-print">
        <Link href="/beneficiaire/mes-donnees">Retour à Mes données</Link>
      </p>
      <PageHeader
        title="Toutes mes données"
        intro={`Tout ce que ${data.platform.name} garde sur vous, le ${formatLongDateTime(data.exportedAt, instanceTimeZone())}.`}
      />
      <div className="data-export__actions no-print">
        <PrintButton />
        <a href="/api/mes-donnees/pdf" download className="btn btn--secondary btn--block">
          <IconDownload />
          <span>Télécharger en PDF</span>
        </a>
        <a href="/api/mes-donnees" download className="btn btn--secondary btn--block">
          <IconDownload />
          <span>Télécharger (JSON, pour un autre service)</span>
        </a>
      </div>
      <nav aria-label="Sommaire" className="no-print">
        <ul className="data-export__toc">
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {sections.map((s) => (
        <section key={s.id} id={s.id} aria-labelledby={`${s.id}-titre`} className="data-export__section">
          <h2 id={`${s.id}-titre`}>{s.title}</h2>
          {s.intro ? <p className="muted">{s.intro}</p> : null}
          {s.entries.length === 0 ? (
            <p>{s.empty}</p>
          ) : (
            <ul className="data-export__list">
              {s.entries.map((e, i) => (
                <li key={i}>
                  {e.heading ? <h3>{e.heading}</h3> : null}
                  {e.lines.map((line, j) => (
                    <p key={j}>{line}</p>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
