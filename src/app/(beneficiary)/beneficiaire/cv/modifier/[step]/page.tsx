import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { afterStep, draftKey, stepBySlug, stepHref, WIZARD_STEPS } from "@/components/cv/steps";
import { stepForm, stepIntro, WizardDots } from "@/components/cv/wizard/stepForm";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";

type Props = { params: Promise<{ step: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = stepBySlug((await params).step);
  return { title: found ? `Mon CV : ${found.step.section}` : "Mon CV" };
}

export default async function WizardStepPage({ params }: Props) {
  const { step: slug } = await params;
  const found = stepBySlug(slug);
  if (!found) notFound();
  const user = await requirePageRole(["beneficiary"], `/beneficiaire/cv/modifier/${slug}`);
  const caller = await serverCaller();
  const { profile, completeness } = await caller.profile.mine();
  const { step, index } = found;
  const prev = WIZARD_STEPS[index - 1];
  const form = await stepForm(
    caller,
    { profile, completeness },
    step,
    {
      draftKey: draftKey(user.id, step.slug),
      next: afterStep(index),
      prevHref: prev ? stepHref(prev.key) : "/beneficiaire",
      prevLabel: prev ? "Précédent" : "Retour à l'accueil",
    },
    { voice: "self", jobsHref: stepHref("jobs") },
  );

  return (
    <div className="narrow">
      <p className="wizard-progress">
        Étape {index + 1} sur {WIZARD_STEPS.length}
      </p>
      <WizardDots index={index} done={completeness.done} />
      <PageHeader title={step.title} intro={stepIntro("self", step.slug)} />
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
