"use client";

import { RadioCards } from "@/components/ui/RadioCards";
import { IconEye, IconEyeOff } from "@/components/ui/icons";
import { useTRPCClient } from "@/lib/trpc/client";
import { WhatEmployersSee } from "../WhatEmployersSee";
import { target } from "./target";
import type { StepProps } from "./types";
import { useDraft } from "./useDraft";
import { messagesFor } from "@/components/ui/formErrors";
import { useStepSubmit, WizardForm } from "@/components/cv/wizard/WizardForm";

export type VisibilityValues = { visible: "" | "yes" | "no" };

export function VisibilityStep({ draftKey, initial, next, prevHref, prevLabel, profileId }: StepProps<VisibilityValues>) {
  const client = useTRPCClient();
  const { value, update, restored, clear } = useDraft(draftKey, initial);
  const state = useStepSubmit({ next, clearDraft: clear });

  function onSubmit() {
    const checks: Record<string, string[]> = {};
    if (!value.visible) checks.visible = ["Choisissez oui ou non."];
    void state.submit(() => client.profile.saveVisibility.mutate({ visible: value.visible === "yes", ...target(profileId) }), checks);
  }

  return (
    <WizardForm state={state} fieldIds={[["visible", "visible"]]} onSubmit={onSubmit} prevHref={prevHref} prevLabel={prevLabel} restored={restored}>
      <WhatEmployersSee />
      <RadioCards
        id="visible"
        name="visible"
        legend="Montrer mon profil aux entreprises ?"
        hint="Vous pourrez changer d'avis à tout moment, dans « Mes données »."
        value={value.visible}
        onChange={(visible) => update({ visible: visible as VisibilityValues["visible"] })}
        error={messagesFor(state.fieldErrors, "visible")}
        options={[
          { value: "yes", label: "Oui, montrer mon profil", hint: "Les entreprises près de chez vous peuvent vous trouver.", icon: <IconEye size="1.75rem" /> },
          { value: "no", label: "Non, pas pour l'instant", hint: "Vous pouvez quand même postuler aux offres.", icon: <IconEyeOff size="1.75rem" /> },
        ]}
      />
    </WizardForm>
  );
}
