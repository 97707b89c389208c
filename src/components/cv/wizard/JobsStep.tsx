"use client";

import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { useTRPCClient } from "@/lib/trpc/client";
import { IconBriefcase, IconJobSearch, IconClose } from "@/components/ui/icons";
import { DURATION_CHOICES } from "../steps";
import { JobPicker } from "@/components/ui/pickers/JobPicker";
import { ChipChoices } from "./ToggleCards";
import { target } from "./target";
import type { JobPick, StepProps } from "./types";
import { useDraft } from "./useDraft";
import { messagesFor } from "@/components/ui/formErrors";
import { useStepSubmit, WizardForm } from "@/components/cv/wizard/WizardForm";

export type JobsValues = {
  query: string;
  sought: JobPick[];
  doneQuery: string;
  done: Array<JobPick & { years: string }>;
};

const MAX_SOUGHT = 5;

export function JobsStep({ draftKey, initial, next, prevHref, prevLabel, profileId }: StepProps<JobsValues>) {
  const client = useTRPCClient();
  const { value, update, restored, clear } = useDraft(draftKey, initial);
  const state = useStepSubmit({ next, clearDraft: clear });
  const errors = state.fieldErrors;

  const fieldIds: Array<[string, string]> = [
    ["sought", value.sought.length < MAX_SOUGHT ? "sought-search" : "sought-list"],
    ...value.done.map((_, i): [string, string] => [`done.${i}`, `done-${i}-years`]),
    ["done", "done-search"],
  ];

  function onSubmit() {
    const checks: Record<string, string[]> = {};
    value.done.forEach((j, i) => {
      if (!j.years) checks[`done.${i}.years`] = [`Dites combien de temps vous avez été ${j.label}.`];
    });
    void state.submit(
      () =>
        client.profile.saveJobs.mutate({
          ...target(profileId),
          sought: value.sought.map((j) => ({ ogrCode: j.ogrCode })),
          done: value.done.map((j) => ({ ogrCode: j.ogrCode, years: Number(j.years) })),
        }),
      checks,
    );
  }

  const soughtErrors = messagesFor(errors, "sought");
  return (
    <WizardForm state={state} fieldIds={fieldIds} onSubmit={onSubmit} prevHref={prevHref} prevLabel={prevLabel} restored={restored}>
      <h2 className="with-icon subform__title">
        <IconJobSearch />
        <span>Les métiers que vous cherchez</span>
      </h2>
      <p className="muted">Jusqu'à {MAX_SOUGHT} métiers.</p>
      {value.sought.length ? (
        <ul className="picked-list" id="sought-list" tabIndex={-1} aria-label="Métiers choisis">
          {value.sought.map((job) => (
            <li key={job.ogrCode} className="picked">
              <span className="picked__text">{job.label}</span>
              <Button
                variant="secondary"
                small
                icon={<IconClose size="1.25em" />}
                aria-label={`Retirer ${job.label}`}
                onClick={() => update((v) => ({ ...v, sought: v.sought.filter((j) => j.ogrCode !== job.ogrCode) }))}
              >
                Retirer
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {value.sought.length < MAX_SOUGHT ? (
        <JobPicker
          id="sought-search"
          label={value.sought.length ? "Ajouter un autre métier" : "Le métier que vous cherchez"}
          hint="Écrivez le début du nom, par exemple « aide soi » ou « cuisin »."
          error={soughtErrors}
          query={value.query}
          onQueryChange={(query) => update((v) => ({ ...v, query }))}
          onSelect={(job) => update((v) => ({ ...v, query: "", sought: [...v.sought, job].slice(0, MAX_SOUGHT) }))}
          exclude={value.sought.map((j) => j.ogrCode)}
        />
      ) : (
        <Notice tone="info" live="none">
          <p>Vous avez choisi {MAX_SOUGHT} métiers : c'est le maximum. Retirez-en un pour en changer.</p>
          {soughtErrors.length ? <p className="inline-error">{soughtErrors[0]}</p> : null}
        </Notice>
      )}

      <h2 className="with-icon subform__title">
        <IconBriefcase />
        <span>Les métiers que vous avez déjà faits</span>
      </h2>
      <p className="muted">Facultatif. Même un petit travail compte.</p>
      {value.done.length ? (
        <ul className="picked-list" aria-label="Métiers déjà faits">
          {value.done.map((job, i) => (
            <li key={job.ogrCode} className="picked">
              <span className="picked__text">{job.label}</span>
              <Button
                variant="secondary"
                small
                icon={<IconClose size="1.25em" />}
                aria-label={`Retirer ${job.label}`}
                onClick={() => update((v) => ({ ...v, done: v.done.filter((j) => j.ogrCode !== job.ogrCode) }))}
              >
                Retirer
              </Button>
              <ChipChoices
                id={`done-${i}-years`}
                name={`done-${job.ogrCode}-years`}
                legend={<>Combien de temps ?<span className="sr-only"> ({job.label})</span></>}
                error={messagesFor(errors, `done.${i}`)}
                options={DURATION_CHOICES.map((c) => ({ value: c.value, label: c.label }))}
                value={job.years}
                onChange={(years) =>
                  update((v) => ({ ...v, done: v.done.map((j) => (j.ogrCode === job.ogrCode ? { ...j, years } : j)) }))
                }
              />
            </li>
          ))}
        </ul>
      ) : null}
      <JobPicker
        id="done-search"
        label={value.done.length ? "Ajouter un autre métier déjà fait" : "Un métier que vous avez déjà fait"}
        error={errors.done}
        query={value.doneQuery}
        onQueryChange={(doneQuery) => update((v) => ({ ...v, doneQuery }))}
        onSelect={(job) => update((v) => ({ ...v, doneQuery: "", done: [...v.done, { ...job, years: "" }] }))}
        exclude={value.done.map((j) => j.ogrCode)}
      />
    </WizardForm>
  );
}
