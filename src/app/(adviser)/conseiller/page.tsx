import { formatDate } from "@/lib/dates";
import { instanceTimeZone } from "@/server/config/time-zone";
import type { Metadata } from "next";
import Link from "next/link";
import { RefusedNotice } from "@/components/RefusedNotice";
import { LinkButton } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { Pagination } from "@/components/ui/Pagination";
import { SelectField, TextField } from "@/components/ui/TextField";
import { IconUserPlus, IconUsers } from "@/components/ui/icons";
import { STAGE_LABELS } from "@/components/adviser/caseload/labels";
import { ProfileHits } from "@/components/search/ProfileHits";
import { TakeButton } from "@/components/adviser/caseload/TakeButton";
import "@/components/adviser/caseload/caseload.css";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";
import { PLACEMENT_STAGES, type CaseloadRow, type PlacementStage } from "@/server/caseload/list";

export const metadata: Metadata = { title: "Mes personnes suivies" };

const PAGE_SIZE = 25;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

const CV_FILTERS = {
  "": { label: "Tous", below: undefined, atLeast: undefined },
  lt50: { label: "Moins de 50 %", below: 50, atLeast: undefined },
  lt100: { label: "Pas encore complet", below: 100, atLeast: undefined },
  ge80: { label: "80 % ou plus", below: undefined, atLeast: 80 },
  eq100: { label: "Complet (100 %)", below: undefined, atLeast: 100 },
} as const;
type CvFilter = keyof typeof CV_FILTERS;

const INACTIVE_OPTIONS = ["", "30", "60", "90", "180"] as const;

function personName(r: Pick<CaseloadRow, "firstName" | "lastName">) {
  return `${r.firstName} ${r.lastName}`.trim() || "(sans nom)";
}

export default async function AdviserHome({ searchParams }: Props) {
  const user = await requirePageRole(["adviser", "admin"], "/conseiller");
  const params = await searchParams;
  const isAdmin = user.role === "admin";
  const q = first(params.q).trim().slice(0, 100);
  const statusParam = first(params.statut);
  const status = statusParam === "archived" || statusParam === "all" ? statusParam : "active";
  const territory = isAdmin ? first(params.territoire).trim().slice(0, 50) : "";
  const inactive = (INACTIVE_OPTIONS as readonly string[]).includes(first(params.inactif)) ? first(params.inactif) : "";
  const cvParam = first(params.cv);
  const cv: CvFilter = cvParam in CV_FILTERS ? (cvParam as CvFilter) : "";
  const stageParam = first(params.etape);
  const stage = (PLACEMENT_STAGES as readonly string[]).includes(stageParam) ? (stageParam as PlacementStage) : undefined;
  const page = Math.max(1, Math.min(4000, Number.parseInt(first(params.page), 10) || 1));

  const caller = await serverCaller();
  const [list, unassigned, info, found] = await Promise.all([
    caller.caseload.list({
      query: q || undefined,
      status,
      territoryCode: territory || undefined,
      inactiveDays: inactive ? Number(inactive) : undefined,
      completenessBelow: CV_FILTERS[cv].below,
      completenessAtLeast: CV_FILTERS[cv].atLeast,
      stage,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    caller.caseload.unassigned({ territoryCode: territory || undefined, limit: 50 }),
    caller.instance.info(),
    // the same words, typos forgiven, over everyone this adviser may see
    q ? caller.search.profiles({ q, limit: 10 }) : null,
  ]);
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const territoryName = new Map(info.territories.map((t) => [t.code, t.name]));
  const filtered = Boolean(q || statusParam || territory || inactive || cv || stage);

  const href = (p: number) => {
    const s = new URLSearchParams();
    if (q) s.set("q", q);
    if (status !== "active") s.set("statut", status);
    if (territory) s.set("territoire", territory);
    if (inactive) s.set("inactif", inactive);
    if (cv) s.set("cv", cv);
    if (stage) s.set("etape", stage);
    if (p > 1) s.set("page", String(p));
    const qs = s.toString();
    return `/conseiller${qs ? `?${qs}` : ""}#personnes`;
  };

  return (
    <>
      <RefusedNotice searchParams={searchParams} />
      {first(params.personne) === "effacee" ? <Notice tone="success">La personne et toutes ses données sont effacées.</Notice> : null}
      <PageHeader
        title={`Bonjour ${user.firstName}`}
        intro={isAdmin ? "Toutes les personnes suivies, et celles qui n'ont pas encore de conseiller." : "Les personnes que vous suivez, et celles de votre territoire qui n'ont pas encore de conseiller."}
      >
        <LinkButton href="/conseiller/nouvelle-personne" variant="secondary" icon={<IconUserPlus />}>
          Créer le compte d'une personne
        </LinkButton>
      </PageHeader>

      <Card title={isAdmin ? "Personnes suivies" : "Mes personnes suivies"} icon={<IconUsers />} id="personnes">
        <form method="get" action="/conseiller#personnes" className="caseload-filters" role="search" aria-label="Chercher et filtrer les personnes">
          <TextField id="filter-q" name="q" type="search" label="Nom ou identifiant" defaultValue={q} autoComplete="off" />
          <SelectField
            id="filter-status"
            name="statut"
            label="État du dossier"
            defaultValue={status}
            options={[
              { value: "active", label: "En cours" },
              { value: "archived", label: "Archivé" },
              { value: "all", label: "Tous" },
            ]}
          />
          {isAdmin ? (
            <SelectField
              id="filter-territory"
              name="territoire"
              label="Territoire"
              defaultValue={territory}
              options={[{ value: "", label: "Tous" }, ...info.territories.map((t) => ({ value: t.code, label: t.name }))]}
            />
          ) : null}
          <SelectField
            id="filter-inactive"
            name="inactif"
            label="Sans activité depuis"
            defaultValue={inactive}
            options={INACTIVE_OPTIONS.map((d) => ({ value: d, label: d ? `Plus de ${d} jours` : "Peu importe" }))}
          />
          <SelectField
            id="filter-cv"
            name="cv"
            label="CV rempli"
            defaultValue={cv}
            options={(Object.keys(CV_FILTERS) as CvFilter[]).map((k) => ({ value: k, label: CV_FILTERS[k].label }))}
          />
          <SelectField
            id="filter-stage"
            name="etape"
            label="Emploi"
            defaultValue={stage ?? ""}
            options={[{ value: "", label: "Tous" }, ...PLACEMENT_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))]}
          />
          <div className="field">
            <button type="submit" className="btn btn--primary">
              Filtrer
            </button>
          </div>
        </form>
        {filtered ? (
          <p>
            <Link href="/conseiller#personnes">Effacer les filtres</Link>
          </p>
        ) : null}

        {/* one answer: close names when there are some, "no one" only when there is truly no one */}
        {found && found.hits.length > 0 ? <ProfileHits q={q} hits={found.hits} adviserId={user.id} /> : null}

        <p role="status" id="caseload-count">
          {list.total === 0
            ? filtered
              ? found && found.hits.length > 0
                ? "Personne dans la liste ci-dessous avec exactement ces mots : voyez les noms proches au-dessus."
                : "Aucune personne ne correspond."
              : "Vous ne suivez encore personne. Prenez en charge une personne de votre territoire ci-dessous."
            : `${list.total} personne${list.total > 1 ? "s" : ""}${pages > 1 ? ` — page ${page} sur ${pages}` : ""}.`}
        </p>

        {list.items.length > 0 ? (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="caseload-caption">
            <table className="table">
              <caption id="caseload-caption">Personnes{q ? ` contenant « ${q} »` : ""}</caption>
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Commune</th>
                  {isAdmin ? <th scope="col">Territoire</th> : null}
                  <th scope="col">CV rempli</th>
                  <th scope="col">Dernière activité</th>
                  <th scope="col">Emploi</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((r) => (
                  <tr key={r.profileId} data-testid={`caseload-row-${r.profileId}`}>
                    <th scope="row">
                      <Link href={`/conseiller/personnes/${r.profileId}`}>{personName(r)}</Link>
                      {r.status === "archived" ? <span className="muted"> (archivé)</span> : null}
                    </th>
                    <td>{r.communeName ?? r.communeInsee}</td>
                    {isAdmin ? <td>{r.territoryCode ? (territoryName.get(r.territoryCode) ?? r.territoryCode) : "—"}</td> : null}
                    <td className="nowrap">
                      <span className="caseload-meter">{r.completeness} %</span>
                    </td>
                    <td className="nowrap">{formatDate(r.lastActivityAt, instanceTimeZone())}</td>
                    <td>
                      {STAGE_LABELS[r.stage]}
                      {r.placement ? (
                        <span className="muted">
                          {" "}
                          — {r.placement.jobTitle}, depuis le {formatDate(r.placement.startsOn, instanceTimeZone())}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}

        <Pagination page={page} pages={pages} href={href} />
      </Card>

      <Card title="Personnes sans conseiller" icon={<IconUserPlus />} id="sans-conseiller">
        {!isAdmin && !user.territoryCode ? (
          <p>Votre compte n'est rattaché à aucun territoire : demandez à un administrateur de vous en attribuer un.</p>
        ) : unassigned.total === 0 ? (
          <p>{isAdmin ? "Toutes les personnes ont un conseiller." : "Toutes les personnes de votre territoire ont un conseiller."}</p>
        ) : (
          <>
            <p>
              {unassigned.total} personne{unassigned.total > 1 ? "s" : ""} sans conseiller
              {unassigned.total > unassigned.items.length ? ` (les ${unassigned.items.length} premières)` : ""}.
            </p>
            <ul className="caseload-list">
              {unassigned.items.map((r) => (
                <li key={r.profileId} className="caseload-item" data-testid={`unassigned-${r.profileId}`}>
                  <p>
                    <Link href={`/conseiller/personnes/${r.profileId}`}>
                      <strong>{personName(r)}</strong>
                    </Link>
                    <br />
                    {r.communeName ?? r.communeInsee} — CV rempli à {r.completeness} % — dernière activité le{" "}
                    {formatDate(r.lastActivityAt, instanceTimeZone())}
                  </p>
                  {isAdmin ? (
                    <p className="muted">Attribuez un conseiller depuis le dossier de la personne.</p>
                  ) : (
                    <TakeButton profileId={r.profileId} name={personName(r)} />
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
    </>
  );
}
