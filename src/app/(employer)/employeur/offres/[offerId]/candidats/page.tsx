import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { CandidateListItem } from "@/components/pro/recruiting/CandidateListItem";
import { MarkFilled } from "@/components/pro/recruiting/MarkFilled";
import { RecruitingNav } from "@/components/pro/recruiting/RecruitingNav";
import { recruitingPaths } from "@/components/pro/recruiting/labels";
import { orNotFound } from "@/components/pro/recruiting/orNotFound";
import { Checkbox } from "@/components/ui/Checkbox";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { SelectField } from "@/components/ui/TextField";
import { IconSearch } from "@/components/ui/icons";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";
import { DISTANCE_BANDS } from "@/server/recruiting/bands";
import "@/components/pro/recruiting/recruiting.css";

export const metadata: Metadata = { title: "Candidats pour l'offre" };

type Props = {
  params: Promise<{ offerId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DISTANCES: readonly number[] = DISTANCE_BANDS;
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

  const paths = recruitingPaths(offerId);
  // a draft (or paused, closed) offer ranks nobody; a spent daily quota shows nobody new: say why
  const data = await orNotFound((await serverCaller()).recruiting.candidates({ offerId, maxDistanceKm, licence })).catch(
    (err: unknown) => {
      if (err instanceof TRPCError && (err.code === "PRECONDITION_FAILED" || err.code === "TOO_MANY_REQUESTS")) return err;
      throw err;
    },
  );
  if (data instanceof TRPCError) {
    return (
      <div className="readable">
        <RecruitingNav offerId={offerId} current="candidates" />
        <PageHeader title="Candidats pour l'offre" />
        <Notice tone="warning" live="none" title={data.code === "TOO_MANY_REQUESTS" ? "Limite du jour atteinte" : "Cette offre n'est pas en ligne."}>
          <p>{data.message}</p>
          <p>
            <Link href={paths.inbox}>Voir les candidatures reçues</Link>
          </p>
        </Notice>
      </div>
    );
  }
  const { offer, items } = data;

  return (
    <div className="readable">
      <RecruitingNav offerId={offerId} current="candidates" />
      <PageHeader
        title={`Candidats pour « ${offer.title} »`}
        intro="Les personnes proches de votre offre, les plus pertinentes d'abord. Leur nom et leurs coordonnées restent cachés, et la distance est comptée depuis leur commune : demandez à les contacter, elles décident."
      />
      {offer.suggestMarkFilled ? (
        <MarkFilled offerId={offer.id} version={offer.version} hires={offer.hires} positions={offer.positions} />
      ) : null}
      {data.quotaNotice ? (
        <Notice tone="warning" live="none" title="Limite du jour atteinte">
          <p>{data.quotaNotice}</p>
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
            <li key={c.candidateId}>
              <CandidateListItem offerId={offerId} candidate={c} canContact={offer.open} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
