import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LinkButton } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { IconArrowRight } from "@/components/ui/icons";
import { afterStep, draftKey, durationChoice, stepBySlug, stepHref, WIZARD_STEPS } from "@/components/beneficiary/steps";
import { AvailabilityStep } from "@/components/beneficiary/wizard/AvailabilityStep";
import { BackgroundStep, emptyFormation } from "@/components/beneficiary/wizard/BackgroundStep";
import { JobsStep } from "@/components/beneficiary/wizard/JobsStep";
import { MobilityStep } from "@/components/beneficiary/wizard/MobilityStep";
import { PlaceStep } from "@/components/beneficiary/wizard/PlaceStep";
import { SkillsStep, type SkillGroup } from "@/components/beneficiary/wizard/SkillsStep";
import type { JobPick } from "@/components/beneficiary/wizard/types";
import { VisibilityStep } from "@/components/beneficiary/wizard/VisibilityStep";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/auth/session";

type Props = { params: Promise<{ step: string }> };

const INTROS: Record<string, string> = {
  lieu: "Pour vous montrer les offres près de chez vous.",
  deplacements: "Pour vous montrer seulement les offres où vous pouvez aller.",
  metiers: "Choisissez dans la liste : pas besoin d'écrire de phrase.",
  competences: "Cochez ce que vous savez faire. Les premières cases viennent de vos métiers.",
  disponibilites: "Pour trouver des horaires qui vous vont.",
  parcours: "Tout est facultatif sur cette page.",
  visibilite: "C'est vous qui décidez.",
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = stepBySlug((await params).step);
  return { title: found ? `Mon CV : ${found.step.section}` : "Mon CV" };
}

type Caller = Awaited<ReturnType<typeof serverCaller>>;
type Profile = NonNullable<Awaited<ReturnType<Caller["profile"]["mine"]>>["profile"]>;

/**
 * Jobs saved with a ROME code only (imported or demo profiles) have no job title: find the
 * title of the same name in the referential so that the step can save them again.
 */
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

export default async function WizardStepPage({ params }: Props) {
  const { step: slug } = await params;
  const found = stepBySlug(slug);
  if (!found) notFound();
  const user = await requirePageRole(["beneficiary"], `/beneficiaire/cv/modifier/${slug}`);
  const caller = await serverCaller();
  const { profile, completeness } = await caller.profile.mine();
  const { step, index } = found;
  const done = new Set<string>(completeness.done);
  // A profile imported by the département (or from the demo) has its data but no step marked as
  // saved: show what it holds rather than empty questions.
  const legacy = Boolean(profile) && completeness.done.length === 0;
  const prev = WIZARD_STEPS[index - 1];
  const common = {
    draftKey: draftKey(user.id, step.slug),
    next: afterStep(index),
    prevHref: prev ? stepHref(prev.key) : "/beneficiaire",
    prevLabel: prev ? "Précédent" : "Retour à l'accueil",
  };

  let form: React.ReactNode;
  switch (step.key) {
    case "place":
      form = (
        <PlaceStep
          {...common}
          initial={{
            query: "",
            commune: profile?.commune ? { insee: profile.commune.insee, name: profile.commune.name, postcodes: profile.commune.postcodes } : null,
            point: profile?.preciseLocation ? profile.point : null,
            keepPrecise: profile?.preciseLocation ? "yes" : "",
          }}
        />
      );
      break;
    case "mobility": {
      const saved = profile && (done.has("mobility") || legacy || profile.travelModes.length > 0);
      form = (
        <MobilityStep
          {...common}
          initial={{
            modes: saved ? profile.travelModes : [],
            unit: "km",
            km: Math.min(100, Math.max(1, Math.round(profile?.maxDistanceKm ?? 20))),
            minutes: 30,
            licence: saved ? profile.drivingLicence : "",
            vehicle: saved ? (profile.hasVehicle ? "yes" : "no") : "",
          }}
        />
      );
      break;
    }
    case "jobs": {
      const sought = profile ? await jobPicks(caller, profile.jobs, "sought") : [];
      const did = profile ? await jobPicks(caller, profile.jobs, "done") : [];
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
      const jobs = profile?.jobs ?? [];
      const romeCodes = [...new Set([...jobs.filter((j) => j.kind === "sought"), ...jobs.filter((j) => j.kind === "done")].map((j) => j.romeCode))];
      if (romeCodes.length === 0) {
        form = (
          <>
            <Notice tone="info" live="none" title="Choisissez d'abord vos métiers.">
              <p>Les compétences à cocher viennent des métiers que vous cherchez.</p>
            </Notice>
            <LinkButton href={stepHref("jobs")} block icon={<IconArrowRight />}>
              Choisir mes métiers
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
        groups.push({ key: "soft", title: "Vos qualités (savoir-être)", kind: "soft", skills: suggestions.softSkills });
      }
      const listed = new Set(groups.flatMap((g) => g.skills.map((s) => s.ogrCode)));
      const others = (profile?.skills ?? []).filter((s) => !listed.has(s.ogrCode));
      if (others.length) groups.push({ key: "other", title: "Vos autres compétences", kind: "other", skills: others });
      form = <SkillsStep {...common} initial={{ codes: (profile?.skills ?? []).map((s) => s.ogrCode) }} groups={groups} />;
      break;
    }
    case "availability": {
      const saved = profile && (done.has("availability") || legacy);
      form = (
        <AvailabilityStep
          {...common}
          initial={{
            when: saved ? (profile.availableFrom ? "date" : "now") : "",
            date: profile?.availableFrom ? String(profile.availableFrom).slice(0, 10) : "",
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
            formations: (profile?.formations ?? []).map((f, i) => ({
              ...emptyFormation(),
              key: `saved-${i}`,
              title: f.title,
              year: f.year ? String(f.year) : "",
            })),
            about: profile?.about ?? "",
          }}
        />
      );
      break;
    case "visibility":
      form = (
        <VisibilityStep
          {...common}
          initial={{ visible: profile && (done.has("visibility") || legacy) ? (profile.visibleToEmployers ? "yes" : "no") : "" }}
        />
      );
      break;
  }

  return (
    <div className="narrow">
      <p className="wizard-progress">
        Étape {index + 1} sur {WIZARD_STEPS.length}
      </p>
      <ol className="wizard-dots" aria-hidden="true">
        {WIZARD_STEPS.map((s, i) => (
          <li key={s.key} data-state={i === index ? "current" : done.has(s.key) ? "done" : "todo"} />
        ))}
      </ol>
      <PageHeader title={step.title} intro={INTROS[step.slug]} />
      {!profile && step.key !== "place" ? (
        <Notice tone="warning" live="none" title="Commencez par dire où vous habitez.">
          <p>
            <a href={stepHref("place")}>Aller à la première étape</a>
          </p>
        </Notice>
      ) : null}
      {form}
    </div>
  );
}
