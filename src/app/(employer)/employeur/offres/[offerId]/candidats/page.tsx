import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CandidateListItem } from "@/components/pro/recruiting/CandidateListItem";
import { MarkFilled } from "@/components/pro/recruiting/MarkFilled";
import { RecruitingNav } from "@/components/pro/recruiting/RecruitingNav";
import { recruitingPaths } from "@/components/pro/recruiting/labels";
import { orNotFound } from "@/components/pro/recruiting/orNotFound";
import { Checkbox } from "@/components/ui/Checkbox";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { SelectField } from "@/components/ui/TextField";
import { IconSearch } from "@/components/beneficiary/icons";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/auth/session";
import "@/components/pro/recruiting/recruiting.css";

export const metadata: Metadata = { title: "Candidats pour l'offre" };

type Props = {
  params: Promise<{ offerId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DISTANCES = [5, 10, 20, 30, 50, 100];
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function CandidatesPage({ params, searchParams }: Props) {
  const { offerId } = await params;
  await requirePageRole(["employer"], `/employeur/offres/${offerId}/candidats`);
  if (!UUID.test(offerId)) notFound();
  const sp = await searchParams;
  const distanceParam = Number(first(sp.distance));
  const maxDistanceKm = DISTANCES.includes(distanceParam) ? distanceParam : undefined;
  const licence = first(sp.permis) === "1";
  const filtered = maxDistanceKm !== undefined || licence;

  const data = await orNotFound((await serverCaller()).recruiting.candidates({ offerId, maxDistanceKm, licence }));
  const paths = recruitingPaths(offerId);
  const { offer, items } = data;

  return (
    <div className="readable">
      <RecruitingNav offerId={offerId} current="candidates" />
      <PageHeader
        title={`Candidats pour « ${offer.title} »`}
        intro="Les personnes proches de votre offre, les plus pertinentes d'abord. Leur nom et leurs coordonnées restent cachés : demandez à les contacter, elles décident."
      />
      {offer.suggestMarkFilled ? (
        <MarkFilled offerId={offer.id} version={offer.version} hires={offer.hires} positions={offer.positions} />
      ) : null}
      {!offer.open ? (
        <Notice tone="warning" live="none" title="Cette offre n'est pas en ligne.">
          <p>Vous pourrez demander à contacter ces candidats quand elle sera publiée.</p>
        </Notice>
      ) : null}

      <form method="get" action={paths.candidates} className="recruit-filters" aria-label="Filtrer les candidats">
        <SelectField
          id="distance"
          name="distance"
          label="Distance maximale"
          defaultValue={maxDistanceKm ? String(maxDistanceKm) : ""}
          options={[{ value: "", label: "Toutes les distances" }, ...DISTANCES.map((d) => ({ value: String(d), label: `${d} km` }))]}
        />
        <Checkbox id="permis" name="permis" value="1" defaultChecked={licence} label="Seulement avec le permis de conduire" />
        <div className="field">
          {/* a plain submit button: the design system's Button takes a click handler (client only) */}
          <button type="submit" className="btn btn--secondary">
            <IconSearch />
            <span>Filtrer</span>
          </button>
        </div>
      </form>

      <p className="recruit-count">
        {items.length === 0
          ? "Aucun candidat"
          : `${items.length} candidat${items.length > 1 ? "s" : ""}`}
        {filtered ? " avec ces filtres" : ""}
        {filtered ? (
          <>
            {" · "}
            <Link href={paths.candidates}>Effacer les filtres</Link>
          </>
        ) : null}
      </p>

      {data.applicantsNotListed > 0 ? (
        <Notice live="none">
          <p>
            {data.applicantsNotListed === 1
              ? "1 personne a postulé sans apparaître dans ce classement"
              : `${data.applicantsNotListed} personnes ont postulé sans apparaître dans ce classement`}{" "}
            (plus loin, ou d'autres critères). <Link href={paths.inbox}>Voir les candidatures reçues</Link>
          </p>
        </Notice>
      ) : null}

      {items.length === 0 ? (
        <p>
          {filtered
            ? "Essayez une distance plus grande, ou sans le filtre sur le permis."
            : "Personne ne correspond pour l'instant à cette offre près du lieu de travail. De nouveaux candidats s'inscrivent chaque semaine : revenez bientôt."}
        </p>
      ) : (
        <ol className="recruit-list" aria-label="Candidats classés">
          {items.map((c) => (
            <li key={c.profileId}>
              <CandidateListItem offerId={offerId} candidate={c} canContact={offer.open} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
