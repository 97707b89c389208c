import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { adviserAfterStep, adviserCvHref, personFileHref } from "@/components/adviser/cv/paths";
import { stepBySlug, WIZARD_STEPS, draftKey } from "@/components/cv/steps";
import { stepForm, stepIntro, WizardDots } from "@/components/cv/wizard/stepForm";
import { VisibilityStep } from "@/components/cv/wizard/VisibilityStep";
import { LinkButton } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { IconArrowRight } from "@/components/ui/icons";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";

type Props = { params: Promise<{ profileId: string; step: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = stepBySlug((await params).step);
  return { title: found ? `CV de la personne : ${found.step.section}` : "CV de la personne" };
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
  const prev = WIZARD_STEPS[index - 1];
  const name = `${profile.firstName} ${profile.lastName}`.trim() || "la personne";
  const common = {
    profileId,
    draftKey: draftKey(`${user.id}:${profileId}`, step.slug),
    next: adviserAfterStep(profileId, index),
    prevHref: prev ? adviserCvHref(profileId, prev.key) : personFileHref(profileId),
    prevLabel: prev ? "Précédent" : "Retour au dossier",
  };
  // Only the person can make their profile visible to employers: the adviser may only hide it.
  const visibility = () =>
    profile.visibleToEmployers ? (
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
  const form = await stepForm(caller, { profile, completeness }, step, common, {
    voice: "adviser",
    jobsHref: adviserCvHref(profileId, "jobs"),
    visibility,
  });

  return (
    <div className="narrow">
      <p>
        <Link href={personFileHref(profileId)}>Retour au dossier de {name}</Link>
      </p>
      <p className="wizard-progress">
        CV de {name} — étape {index + 1} sur {WIZARD_STEPS.length}
      </p>
      <WizardDots index={index} done={completeness.done} />
      <PageHeader title={step.title} intro={stepIntro("adviser", step.slug)} />
      <p className="muted">Vous remplissez ce CV avec la personne : chaque modification est enregistrée à votre nom.</p>
      {form}
    </div>
  );
}
