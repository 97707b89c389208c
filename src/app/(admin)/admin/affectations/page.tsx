import type { Metadata } from "next";
import { adviserOptions } from "@/components/admin/adviserOptions";
import { BulkAssign } from "@/components/admin/BulkAssign";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { Pagination } from "@/components/ui/Pagination";
import { SelectField, TextField } from "@/components/ui/TextField";
import { IconUsers } from "@/components/ui/icons";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";

export const metadata: Metadata = { title: "Affectations" };

const PAGE_SIZE = 100;
const UNASSIGNED = "sans";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/** Unassigned people (or one adviser's), to give to an adviser in bulk. */
export default async function AssignmentsPage({ searchParams }: Props) {
  await requirePageRole(["admin"], "/admin/affectations");
  const params = await searchParams;
  const caller = await serverCaller();
  const [info, caseloads] = await Promise.all([caller.instance.info(), caller.caseload.countsByAdviser()]);
  const territoryName = new Map(info.territories.map((t) => [t.code, t.name]));
  const adviserName = new Map(caseloads.advisers.map((a) => [a.adviserId, `${a.firstName} ${a.lastName}`.trim()]));

  // only known values reach the queries: a hand-edited URL shows the default list
  const fromParam = first(params.de);
  const from = adviserName.has(fromParam) ? fromParam : UNASSIGNED;
  const territoryParam = first(params.territoire);
  const territory = territoryName.has(territoryParam) ? territoryParam : "";
  const q = first(params.q).trim().slice(0, 100);
  const page = Math.max(1, Math.min(1000, Number.parseInt(first(params.page), 10) || 1));

  const query = {
    query: q || undefined,
    territoryCode: territory || undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list =
    from === UNASSIGNED ? await caller.caseload.unassigned(query) : await caller.caseload.list({ ...query, adviserId: from });
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const href = (p: number) => {
    const s = new URLSearchParams();
    if (from !== UNASSIGNED) s.set("de", from);
    if (territory) s.set("territoire", territory);
    if (q) s.set("q", q);
    if (p > 1) s.set("page", String(p));
    const qs = s.toString();
    return `/admin/affectations${qs ? `?${qs}` : ""}`;
  };
  const whose = from === UNASSIGNED ? "sans suivi" : `suivies par ${adviserName.get(from) || "ce conseiller"}`;
  const caption = `Personnes ${whose}${territory ? ` — ${territoryName.get(territory)}` : ""}${q ? ` contenant « ${q} »` : ""}${
    pages > 1 ? ` (page ${page} sur ${pages})` : ""
  }`;

  return (
    <>
      <PageHeader
        title="Affectations"
        intro="Cochez des personnes et choisissez le conseiller qui les suivra. Pour changer de conseiller, affichez les personnes qu'il suit."
      />
      <Card title="Choisir les personnes" icon={<IconUsers />} id="personnes">
        <form method="get" action="/admin/affectations" className="filters" role="search" aria-label="Filtrer les personnes">
          <SelectField
            id="filter-from"
            name="de"
            label="Afficher"
            defaultValue={from}
            options={[
              { value: UNASSIGNED, label: "Les personnes sans suivi" },
              ...caseloads.advisers.map((a) => ({
                value: a.adviserId,
                label: `Les personnes suivies par ${`${a.firstName} ${a.lastName}`.trim() || a.email || "(sans nom)"} (${a.active})`,
              })),
            ]}
          />
          <SelectField
            id="filter-territory"
            name="territoire"
            label="Territoire"
            defaultValue={territory}
            options={[{ value: "", label: "Tous" }, ...info.territories.map((t) => ({ value: t.code, label: t.name }))]}
          />
          <TextField id="filter-q" name="q" type="search" label="Nom ou identifiant" defaultValue={q} autoComplete="off" />
          <div className="field">
            <button type="submit" className="btn btn--primary">
              Afficher
            </button>
          </div>
        </form>

        <p id="people-count">
          {list.total === 0
            ? "Personne ne correspond."
            : `${list.total} personne${list.total > 1 ? "s" : ""} ${whose}${pages > 1 ? `, ${PAGE_SIZE} par page` : ""}.`}
        </p>

        {list.items.length > 0 ? (
          <BulkAssign
            key={`${from}-${territory}-${q}-${page}`}
            caption={caption}
            allowUnassign={from !== UNASSIGNED}
            advisers={adviserOptions(caseloads.advisers, territoryName)}
            people={list.items.map((p) => ({
              profileId: p.profileId,
              name: `${p.firstName} ${p.lastName}`.trim() || "(sans nom)",
              externalId: p.externalId,
              commune: p.communeName ?? p.communeInsee,
              territory: p.territoryCode ? (territoryName.get(p.territoryCode) ?? p.territoryCode) : "hors territoire",
              adviser: p.adviserId ? (adviserName.get(p.adviserId) ?? null) : null,
            }))}
          />
        ) : null}

        <Pagination page={page} pages={pages} href={href} />
      </Card>
    </>
  );
}
