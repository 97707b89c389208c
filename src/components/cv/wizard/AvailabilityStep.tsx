"use client";

import { RadioCards } from "@/components/ui/RadioCards";
import { TextField } from "@/components/ui/TextField";
import { useTRPCClient } from "@/lib/trpc/client";
import { IconCalendar, IconClock, IconMoon, IconSun } from "@/components/ui/icons";
import { SHIFT_CHOICE_LABELS, SHIFT_NAMES, type Shift } from "@/server/geo/shifts";
import { ToggleCards } from "./ToggleCards";
import { target } from "./target";
import type { StepProps } from "./types";
import { useDraft } from "./useDraft";
import { messagesFor } from "@/components/ui/formErrors";
import { useStepSubmit, WizardForm } from "@/components/cv/wizard/WizardForm";

export type AvailabilityValues = {
  when: "" | "now" | "date";
  date: string;
  hours: "" | "full" | "part" | "both";
  shifts: Shift[];
};

const SHIFT_ICONS = { day: <IconSun size="2rem" />, night: <IconMoon size="2rem" />, weekend: <IconCalendar size="2rem" /> };

export function AvailabilityStep({ draftKey, initial, next, prevHref, prevLabel, profileId }: StepProps<AvailabilityValues>) {
  const client = useTRPCClient();
  const { value, update, restored, clear } = useDraft(draftKey, initial);
  const state = useStepSubmit({ next, clearDraft: clear });
  const errors = state.fieldErrors;

  function onSubmit() {
    const checks: Record<string, string[]> = {};
    if (!value.when) checks.availableFrom = ["Dites à partir de quand vous pouvez travailler."];
    else if (value.when === "date" && !value.date) checks.availableFrom = ["Indiquez la date."];
    if (!value.hours) checks.fullTime = ["Dites si vous cherchez un temps plein ou un temps partiel."];
    void state.submit(
      () =>
        client.profile.saveAvailability.mutate({
          ...target(profileId),
          availableFrom: value.when === "date" ? value.date : null,
          fullTime: value.hours === "full" ? true : value.hours === "part" ? false : null,
          shifts: value.shifts,
        }),
      checks,
    );
  }

  const fieldIds: Array<[string, string]> = [
    ["availableFrom", value.when === "date" ? "availableFrom-date" : "availableFrom"],
    ["fullTime", "fullTime"],
    ["shifts", "shifts"],
  ];
  const dateErrors = messagesFor(errors, "availableFrom");
  return (
    <WizardForm state={state} fieldIds={fieldIds} onSubmit={onSubmit} prevHref={prevHref} prevLabel={prevLabel} restored={restored}>
      <RadioCards
        id="availableFrom"
        name="availableFrom"
        legend="À partir de quand pouvez-vous commencer ?"
        value={value.when}
        onChange={(when) => update((v) => ({ ...v, when: when as AvailabilityValues["when"] }))}
        error={value.when === "date" ? undefined : dateErrors}
        options={[
          { value: "now", label: "Dès maintenant", icon: <IconClock size="1.75rem" /> },
          { value: "date", label: "À partir d'une date", icon: <IconCalendar size="1.75rem" /> },
        ]}
      />
      {value.when === "date" ? (
        <TextField
          id="availableFrom-date"
          type="date"
          label="Date de début"
          value={value.date}
          onChange={(event) => update((v) => ({ ...v, date: event.target.value }))}
          error={dateErrors}
        />
      ) : null}

      <RadioCards
        id="fullTime"
        name="fullTime"
        legend="Temps plein ou temps partiel ?"
        value={value.hours}
        onChange={(hours) => update((v) => ({ ...v, hours: hours as AvailabilityValues["hours"] }))}
        error={messagesFor(errors, "fullTime")}
        options={[
          { value: "full", label: "Temps plein", hint: "35 heures par semaine" },
          { value: "part", label: "Temps partiel", hint: "Moins de 35 heures" },
          { value: "both", label: "Les deux" },
        ]}
      />

      <ToggleCards
        id="shifts"
        legend="À quels moments pouvez-vous travailler ?"
        hint="Touchez tout ce qui est possible pour vous."
        error={messagesFor(errors, "shifts")}
        options={SHIFT_NAMES.map((s) => ({ value: s, label: SHIFT_CHOICE_LABELS[s], icon: SHIFT_ICONS[s] }))}
        values={value.shifts}
        onChange={(shifts) => update((v) => ({ ...v, shifts }))}
      />
    </WizardForm>
  );
}
