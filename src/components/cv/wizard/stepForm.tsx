import "server-only";
import type { ReactNode } from "react";
import { durationChoice, WIZARD_STEPS, type WizardStep } from "@/components/cv/steps";
import { LinkButton } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { IconArrowRight } from "@/components/ui/icons";
import type { serverCaller } from "@/lib/trpc/server";
import { AvailabilityStep } from "./AvailabilityStep";
import { BackgroundStep, emptyFormation } from "./BackgroundStep";
import { JobsStep } from "./JobsStep";
import { MobilityStep } from "./MobilityStep";
import { PlaceStep } from "./PlaceStep";
import { SkillsStep, type SkillGroup } from "./SkillsStep";
import type { JobPick, StepProps } from "./types";
import { VisibilityStep } from "./VisibilityStep";

type Caller = Awaited<ReturnType<typeof serverCaller>>;
type Profile = NonNullable<Awaited<ReturnType<Caller["profile"]["mine"]>>["profile"]>;

/** Who the wizard speaks to: the person about their own CV, or an adviser filling it in with them. */
export type WizardVoice = "self" | "adviser";

/** The words that differ between the person's own wizard and the adviser's. */
const TEXTS = {
  self: {
    intros: {
      lieu: "Pour vous montrer les offres près de chez vous.",
      deplacements: "Pour vous montrer seulement les offres où vous pouvez aller.",
      metiers: "Choisissez dans la liste : pas besoin d'écrire de phrase.",
      competences: "Cochez ce que vous savez faire. Les premières cases viennent de vos métiers.",
      disponibilites: "Pour trouver des horaires qui vous vont.",
      parcours: "Tout est facultatif sur cette page.",
      visibilite: "C'est vous qui décidez.",
    } as Record<string, string>,
    jobsFirstTitle: "Choisissez d'abord vos métiers.",
    jobsFirstText: "Les compétences à cocher viennent des métiers que vous cherchez.",
    jobsFirstLink: "Choisir mes métiers",
    softSkills: "Vos qualités (savoir-être)",
    otherSkills: "Vos autres compétences",
  },
  adviser: {
    intros: {
      lieu: "Pour montrer à la personne les offres près de chez elle.",
      deplacements: "Pour ne lui montrer que les offres où elle peut aller.",
      metiers: "Choisissez ensemble dans la liste.",
      competences: "Cochez avec la personne ce qu'elle sait faire. Les premières cases viennent de ses métiers.",
      disponibilites: "Pour trouver des horaires qui lui vont.",
      parcours: "Tout est facultatif sur cette page.",
      visibilite: "C'est la personne qui décide.",
    } as Record<string, string>,
    jobsFirstTitle: "Choisissez d'abord les métiers.",
    jobsFirstText: "Les compétences à cocher viennent des métiers que la personne cherche.",
    jobsFirstLink: "Choisir les métiers",
    softSkills: "Ses qualités (savoir-être)",
    otherSkills: "Ses autres compétences",
  },
} satisfies Record<WizardVoice, unknown>;

/** The short text under a step's title. */
export function stepIntro(voice: WizardVoice, slug: string): string | undefined {
  return TEXTS[voice].intros[slug];
}

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

export type StepFormOptions = {
  voice: WizardVoice;
  /** where the skills step sends to choose jobs first */
  jobsHref: string;
  /** replaces the visibility step's form (an adviser cannot make a profile visible) */
  visibility?: () => ReactNode;
};

/**
 * The form of one wizard step, filled with what the profile holds. Shared by the person's own
 * wizard and the one an adviser walks through with them.
 */
export async function stepForm(
  caller: Caller,
  { profile, completeness }: { profile: Profile | null | undefined; completeness: { done: readonly string[] } },
  step: WizardStep,
  common: Omit<StepProps<unknown>, "initial">,
  { voice, jobsHref, visibility }: StepFormOptions,
): Promise<ReactNode> {
  const texts = TEXTS[voice];
  const done = new Set<string>(completeness.done);
  // A profile imported by the département (or from the demo) has its data but no step marked as
  // saved: show what it holds rather than empty questions.
  const legacy = Boolean(profile) && completeness.done.length === 0;

  switch (step.key) {
    case "place":
      return (
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
    case "mobility": {
      const saved = profile && (done.has("mobility") || legacy || profile.travelModes.length > 0);
      return (
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
    }
    case "jobs": {
      const sought = profile ? await jobPicks(caller, profile.jobs, "sought") : [];
      const did = profile ? await jobPicks(caller, profile.jobs, "done") : [];
      return (
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
    }
    case "skills": {
      const jobs = profile?.jobs ?? [];
      const romeCodes = [...new Set([...jobs.filter((j) => j.kind === "sought"), ...jobs.filter((j) => j.kind === "done")].map((j) => j.romeCode))];
      if (romeCodes.length === 0) {
        return (
          <>
            <Notice tone="info" live="none" title={texts.jobsFirstTitle}>
              <p>{texts.jobsFirstText}</p>
            </Notice>
            <LinkButton href={jobsHref} block icon={<IconArrowRight />}>
              {texts.jobsFirstLink}
            </LinkButton>
          </>
        );
      }
      const suggestions = await caller.profile.skillSuggestions({ romeCodes: romeCodes.slice(0, 15) });
      const labelOf = (romeCode: string) => jobs.find((j) => j.romeCode === romeCode)?.label ?? romeCode;
      const groups: SkillGroup[] = suggestions.jobs
        .filter((j) => j.skills.length)
        .map((j) => ({ key: j.romeCode, title: `Pour le métier : ${labelOf(j.romeCode)}`, kind: "job", skills: j.skills, first: suggestions.commonShown }));
      if (suggestions.softSkills.length) {
        groups.push({ key: "soft", title: texts.softSkills, kind: "soft", skills: suggestions.softSkills, first: suggestions.commonShown });
      }
      const listed = new Set(groups.flatMap((g) => g.skills.map((s) => s.ogrCode)));
      const others = (profile?.skills ?? []).filter((s) => !listed.has(s.ogrCode));
      if (others.length) groups.push({ key: "other", title: texts.otherSkills, kind: "other", skills: others });
      return <SkillsStep {...common} initial={{ codes: (profile?.skills ?? []).map((s) => s.ogrCode) }} groups={groups} voice={voice} />;
    }
    case "availability": {
      const saved = profile && (done.has("availability") || legacy);
      return (
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
    }
    case "background":
      return (
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
    case "visibility":
      if (visibility) return visibility();
      return (
        <VisibilityStep
          {...common}
          initial={{ visible: profile && (done.has("visibility") || legacy) ? (profile.visibleToEmployers ? "yes" : "no") : "" }}
        />
      );
  }
}

/** The dots under the progress line: one per step, current / done / to do. */
export function WizardDots({ index, done }: { index: number; done: readonly string[] }) {
  return (
    <ol className="wizard-dots" aria-hidden="true">
      {WIZARD_STEPS.map((s, i) => (
        <li key={s.key} data-state={i === index ? "current" : done.includes(s.key) ? "done" : "todo"} />
      ))}
    </ol>
  );
}
