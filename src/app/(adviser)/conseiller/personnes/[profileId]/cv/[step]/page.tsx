import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { adviserAfterStep, adviserCvHref, personFileHref } from "@/components/adviser/cv/paths";
import { durationChoice, stepBySlug, WIZARD_STEPS, draftKey } from "@/components/beneficiary/steps";
import { AvailabilityStep } from "@/components/beneficiary/wizard/AvailabilityStep";
import { BackgroundStep, emptyFormation } from "@/components/beneficiary/wizard/BackgroundStep";
import { JobsStep } from "@/components/beneficiary/wizard/JobsStep";
import { MobilityStep } from "@/components/beneficiary/wizard/MobilityStep";
import { PlaceStep } from "@/components/beneficiary/wizard/PlaceStep";
import { SkillsStep, type SkillGroup } from "@/components/beneficiary/wizard/SkillsStep";
import type { JobPick } from "@/components/beneficiary/wizard/types";
import { VisibilityStep } from "@/components/beneficiary/wizard/VisibilityStep";
import { LinkButton } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { IconArrowRight } from "@/components/ui/icons";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/auth/session";

type Props = { params: Promise<{ profileId: string; step: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const INTROS: Record<string, string> = {
  lieu: "Pour montrer à la personne les offres près de chez elle.",
  deplacements: "Pour ne lui montrer que les offres où elle peut aller.",
  metiers: "Choisissez ensemble dans la liste.",
  competences: "Cochez avec la personne ce qu'elle sait faire. Les premières cases viennent de ses métiers.",
  disponibilites: "Pour trouver des horaires qui lui vont.",
  parcours: "Tout est facultatif sur cette page.",
  visibilite: "C'est la personne qui décide.",
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = stepBySlug((await params).step);
  return { title: found ? `CV de la personne : ${found.step.section}` : "CV de la personne" };
}

type Caller = Awaited<ReturnType<typeof serverCaller>>;
type Profile = NonNullable<Awaited<ReturnType<Caller["profile"]["ofPerson"]>>["profile"]>;

/** Same as the person's own wizard: jobs saved with a ROME code only get the job title of the same name. */
async function jobPicks(caller: Caller, jobs: Profile["jobs"], kind: "sought" | "done") {
  const picks: Array<JobPick & { years: number | null }> = [];
  for (const job of jobs.filter((j) => j.kind === kind)) {
    let ogrCode = job.ogrCode;
    let label = job.label;
    if (!ogrCode) {
      const hits = await caller.referentials.searchJobTitles({ q: job.label.slice(0, 100), limit: 10 });
      const hit = hits.find((h) => h.romeCode === job.romeCode);
      if (!hit) continue;
      ogrCode = hit.ogrCode;
      label = hit.label;
    }
    if (!picks.some((p) => p.ogrCode === ogrCode)) picks.push({ ogrCode, label, romeCode: job.romeCode, years: job.years ?? null });
  }
  return picks;
}

/**
 * The CV wizard an adviser walks through with a person they follow: the same steps and forms
 * as the person's own, saving to that person's profile (every change is logged with the
 * adviser's name). Consent to be shown to employers stays the person's own decision.
 */
export default async function AdviserWizardStepPage({ params }: Props) {
  const { profileId, step: slug } = await params;
  const user = await requirePageRole(["adviser", "admin"], `/conseiller/personnes/${profileId}/cv/${slug}`);
  const found = stepBySlug(slug);
  if (!found || !UUID.test(profileId)) notFound();
  const caller = await serverCaller();
  const { profile, completeness } = await caller.profile.ofPerson({ profileId }).catch((err: unknown) => {
    if ((err as { code?: string } | null)?.code === "NOT_FOUND") notFound();
    throw err;
  });
  if (!profile) notFound();
  const { step, index } = found;
  const done = new Set<string>(completeness.done);
  const legacy = completeness.done.length === 0;
  const prev = WIZARD_STEPS[index - 1];
  const name = `${profile.firstName} ${profile.lastName}`.trim() || "la personne";
  const common = {
    profileId,
    draftKey: draftKey(`${user.id}:${profileId}`, step.slug),
    next: adviserAfterStep(profileId, index),
    prevHref: prev ? adviserCvHref(profileId, prev.key) : personFileHref(profileId),
    prevLabel: prev ? "Précédent" : "Retour au dossier",
  };

  let form: React.ReactNode;
  switch (step.key) {
    case "place":
      form = (
        <PlaceStep
          {...common}
          initial={{
            query: "",
            commune: profile.commune ? { insee: profile.commune.insee, name: profile.commune.name, postcodes: profile.commune.postcodes } : null,
            point: profile.preciseLocation ? profile.point : null,
            keepPrecise: profile.preciseLocation ? "yes" : "",
          }}
        />
      );
      break;
    case "mobility": {
      const saved = done.has("mobility") || legacy || profile.travelModes.length > 0;
      form = (
        <MobilityStep
          {...common}
          initial={{
            modes: saved ? profile.travelModes : [],
            unit: "km",
            km: Math.min(100, Math.max(1, Math.round(profile.maxDistanceKm ?? 20))),
            minutes: 30,
            licence: saved ? profile.drivingLicence : "",
            vehicle: saved ? (profile.hasVehicle ? "yes" : "no") : "",
          }}
        />
      );
      break;
    }
    case "jobs": {
      const sought = await jobPicks(caller, profile.jobs, "sought");
      const did = await jobPicks(caller, profile.jobs, "done");
      form = (
        <JobsStep
          {...common}
          initial={{
            query: "",
            sought: sought.map(({ years: _years, ...j }) => j),
            doneQuery: "",
            done: did.map(({ years, ...j }) => ({ ...j, years: durationChoice(years) })),
          }}
        />
      );
      break;
    }
    case "skills": {
      const jobs = profile.jobs;
      const romeCodes = [...new Set([...jobs.filter((j) => j.kind === "sought"), ...jobs.filter((j) => j.kind === "done")].map((j) => j.romeCode))];
      if (romeCodes.length === 0) {
        form = (
          <>
            <Notice tone="info" live="none" title="Choisissez d'abord les métiers.">
              <p>Les compétences à cocher viennent des métiers que la personne cherche.</p>
            </Notice>
            <LinkButton href={adviserCvHref(profileId, "jobs")} block icon={<IconArrowRight />}>
              Choisir les métiers
            </LinkButton>
          </>
        );
        break;
      }
      const suggestions = await caller.profile.skillSuggestions({ romeCodes: romeCodes.slice(0, 15) });
      const labelOf = (romeCode: string) => jobs.find((j) => j.romeCode === romeCode)?.label ?? romeCode;
      const groups: SkillGroup[] = suggestions.jobs
        .filter((j) => j.skills.length)
        .map((j) => ({ key: j.romeCode, title: `Pour le métier : ${labelOf(j.romeCode)}`, kind: "job", skills: j.skills }));
      if (suggestions.softSkills.length) {
        groups.push({ key: "soft", title: "Ses qualités (savoir-être)", kind: "soft", skills: suggestions.softSkills });
      }
      const listed = new Set(groups.flatMap((g) => g.skills.map((s) => s.ogrCode)));
      const others = profile.skills.filter((s) => !listed.has(s.ogrCode));
      if (others.length) groups.push({ key: "other", title: "Ses autres compétences", kind: "other", skills: others });
      form = <SkillsStep {...common} initial={{ codes: profile.skills.map((s) => s.ogrCode) }} groups={groups} />;
      break;
    }
    case "availability": {
      const saved = done.has("availability") || legacy;
      form = (
        <AvailabilityStep
          {...common}
          initial={{
            when: saved ? (profile.availableFrom ? "date" : "now") : "",
            date: profile.availableFrom ? String(profile.availableFrom).slice(0, 10) : "",
            hours: saved ? (profile.fullTime === true ? "full" : profile.fullTime === false ? "part" : "both") : "",
            shifts: saved ? profile.shifts : [],
          }}
        />
      );
      break;
    }
    case "background":
      form = (
        <BackgroundStep
          {...common}
          initial={{
            formations: profile.formations.map((f, i) => ({
              ...emptyFormation(),
              key: `saved-${i}`,
              title: f.title,
              year: f.year ? String(f.year) : "",
            })),
            about: profile.about ?? "",
          }}
        />
      );
      break;
    case "visibility":
      form = profile.visibleToEmployers ? (
        <>
          <Notice tone="info" live="none" title={`${name} a choisi de montrer son profil aux entreprises.`}>
            <p>Vous pouvez le masquer si la personne vous le demande. Seule la personne peut le rendre visible à nouveau, depuis son espace.</p>
          </Notice>
          <VisibilityStep {...common} initial={{ visible: "yes" }} />
        </>
      ) : (
        <>
          <Notice tone="info" live="none" title="Seule la personne peut choisir de montrer son profil aux entreprises.">
            <p>
              Son profil n'est pas visible des entreprises pour l'instant. Si elle le souhaite, elle le fait elle-même depuis son espace,
              rubrique « Mes données ». Elle peut quand même postuler aux offres.
            </p>
          </Notice>
          <LinkButton href={personFileHref(profileId, true)} block icon={<IconArrowRight />}>
            Terminer et revenir au dossier
          </LinkButton>
        </>
      );
      break;
  }

  return (
    <div className="narrow">
      <p>
        <Link href={personFileHref(profileId)}>Retour au dossier de {name}</Link>
      </p>
      <p className="wizard-progress">
        CV de {name} — étape {index + 1} sur {WIZARD_STEPS.length}
      </p>
      <ol className="wizard-dots" aria-hidden="true">
        {WIZARD_STEPS.map((s, i) => (
          <li key={s.key} data-state={i === index ? "current" : done.has(s.key) ? "done" : "todo"} />
        ))}
      </ol>
      <PageHeader title={step.title} intro={INTROS[step.slug]} />
      <p className="muted">Vous remplissez ce CV avec la personne : chaque modification est enregistrée à votre nom.</p>
      {form}
    </div>
  );
}
