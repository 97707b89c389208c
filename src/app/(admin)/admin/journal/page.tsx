import { formatDateTime } from "@/lib/dates";
import { instanceTimeZone } from "@/server/config/time-zone";
import type { Metadata } from "next";
import Link from "next/link";
import { AuditDetails } from "@/components/instance/AuditDetails";
import { Card } from "@/components/ui/Card";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { Pagination } from "@/components/ui/Pagination";
import { SelectField, TextField } from "@/components/ui/TextField";
import { IconDocument } from "@/components/ui/icons";
import { serverCaller } from "@/lib/trpc/server";
import { actionLabel, prefixLabel, subjectLabel } from "@/server/audit/labels";
import { auditListInput } from "@/server/audit/list";
import { requirePageRole } from "@/server/api/session";

export const metadata: Metadata = { title: "Journal" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTERS = ["action", "actor", "subjectType", "subjectId", "from", "to"] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

function first(value: string | string[] | undefined): string {
  return ((Array.isArray(value) ? value[0] : value) ?? "").trim();
}

function journalHref(filters: Filters, page: number) {
  const search = new URLSearchParams();
  for (const key of FILTERS) if (filters[key]) search.set(key, filters[key]);
  if (page > 1) search.set("page", String(page));
  const qs = search.toString();
  return `/admin/journal${qs ? `?${qs}` : ""}`;
}

export default async function JournalPage({ searchParams }: Props) {
  await requirePageRole(["admin"], "/admin/journal");
  const params = await searchParams;
  const filters = Object.fromEntries(FILTERS.map((k) => [k, first(params[k]).slice(0, 100)])) as Filters;
  const page = Math.max(1, Math.min(100_000, Number.parseInt(first(params.page), 10) || 1));

  // A filter typed by hand in the URL that makes no sense is shown as an error, not a crash.
  const input = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Partial<Filters>;
  const parsed = auditListInput.safeParse({ ...input, page });
  const caller = await serverCaller();
  const list = await caller.audit.list(parsed.success ? parsed.data : { page: 1 });
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const filtered = parsed.success && Object.keys(input).length > 0;

  return (
    <>
      <PageHeader title="Journal" intro="Qui a fait quoi, et quand : comptes, dossiers consultés, offres, imports, réglages de l'instance." />
      <Card title="Rechercher dans le journal" icon={<IconDocument />} id="journal">
        <form method="get" action="/admin/journal" className="filters" role="search" aria-label="Filtrer le journal">
          <SelectField
            id="journal-action"
            name="action"
            label="Action"
            defaultValue={filters.action}
            options={[{ value: "", label: "Toutes" }, ...list.families.map((f) => ({ value: f, label: prefixLabel(f) }))]}
          />
          <TextField id="journal-actor" name="actor" type="search" label="Auteur (nom ou adresse e-mail)" defaultValue={filters.actor} autoComplete="off" />
          <SelectField
            id="journal-subject-type"
            name="subjectType"
            label="Sur quoi"
            defaultValue={filters.subjectType}
            options={[{ value: "", label: "Tout" }, ...list.subjectTypes.map((s) => ({ value: s, label: subjectLabel(s) }))]}
          />
          <TextField id="journal-subject-id" name="subjectId" label="Identifiant" hint="L'identifiant exact, copié d'une ligne du journal." defaultValue={filters.subjectId} autoComplete="off" />
          <TextField id="journal-from" name="from" type="date" label="Du" defaultValue={filters.from} />
          <TextField id="journal-to" name="to" type="date" label="Au" defaultValue={filters.to} />
          <div className="field">
            <button type="submit" className="btn btn--primary">
              Filtrer
            </button>
          </div>
        </form>
        {filtered ? (
          <p>
            <Link href="/admin/journal">Effacer les filtres</Link>
          </p>
        ) : null}

        {!parsed.success ? (
          <Notice tone="error" title="Filtre incompris">
            {parsed.error.issues.map((i) => i.message).join(" ")} Le journal est affiché sans filtre.
          </Notice>
        ) : null}

        <p role="status" id="journal-count">
          {list.total === 0
            ? "Aucun évènement ne correspond."
            : `${list.total} évènement${list.total > 1 ? "s" : ""}${pages > 1 ? ` — page ${list.page} sur ${pages}` : ""}.`}
        </p>

        {list.items.length > 0 ? (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="journal-caption">
            <table className="table">
              <caption id="journal-caption">Évènements du journal, les plus récents d'abord (heure de Paris)</caption>
              <thead>
                <tr>
                  <th scope="col">Quand</th>
                  <th scope="col">Qui</th>
                  <th scope="col">Quoi</th>
                  <th scope="col">Sur quoi</th>
                  <th scope="col">Détails</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((e) => (
                  <tr key={e.id} data-testid="journal-row">
                    <td className="nowrap">{formatDateTime(e.at, instanceTimeZone())}</td>
                    <td className="break">
                      {e.actor === null ? (
                        <span className="muted">système</span>
                      ) : e.actor.known ? (
                        <>
                          {e.actor.name || "(sans nom)"}
                          {e.actor.email ? (
                            <>
                              <br />
                              <span className="muted">{e.actor.email}</span>
                            </>
                          ) : null}
                        </>
                      ) : (
                        <span className="muted">compte supprimé</span>
                      )}
                    </td>
                    <th scope="row">
                      {actionLabel(e.action)}
                      {actionLabel(e.action) !== e.action ? <span className="sr-only"> ({e.action})</span> : null}
                    </th>
                    <td className="break">
                      {subjectLabel(e.subjectType)}
                      {e.subjectId ? (
                        <>
                          <br />
                          <Link
                            className="muted"
                            href={journalHref({ ...emptyFilters, subjectType: e.subjectType, subjectId: e.subjectId }, 1)}
                            aria-label={`Tout le journal de : ${subjectLabel(e.subjectType)} ${e.subjectId}`}
                          >
                            {e.subjectId}
                          </Link>
                        </>
                      ) : null}
                    </td>
                    <td className="break">
                      <AuditDetails details={e.details} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}

        <Pagination page={list.page} pages={pages} href={(p) => journalHref(parsed.success ? filters : emptyFilters, p)} label="Pages du journal" />
      </Card>
    </>
  );
}

const emptyFilters: Filters = { action: "", actor: "", subjectType: "", subjectId: "", from: "", to: "" };
