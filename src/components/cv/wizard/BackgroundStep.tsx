"use client";

import { Button } from "@/components/ui/Button";
import { describedBy, FieldError, FieldHint, messagesOf, TextField } from "@/components/ui/TextField";
import { useTRPCClient } from "@/lib/trpc/client";
import { IconClose, IconGraduation, IconPlus } from "@/components/ui/icons";
import { JobPicker } from "@/components/ui/pickers/JobPicker";
import { ABOUT_MAX, FORMATION_TITLE_MAX } from "@/server/profiles/limits";
import { target } from "./target";
import type { JobPick, StepProps } from "./types";
import { useDraft } from "./useDraft";
import { messagesFor, type FieldErrorMap } from "@/components/ui/formErrors";
import { useStepSubmit, WizardForm } from "@/components/cv/wizard/WizardForm";

export type FormationDraft = {
  key: string;
  title: string;
  year: string;
  job: JobPick | null;
  jobQuery: string;
};

export type BackgroundValues = { formations: FormationDraft[]; about: string };

function newKey() {
  return Math.random().toString(36).slice(2, 10);
}

export function emptyFormation(): FormationDraft {
  return { key: newKey(), title: "", year: "", job: null, jobQuery: "" };
}

function FormationEditor({
  index,
  formation,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  formation: FormationDraft;
  errors: FieldErrorMap;
  onChange: (patch: Partial<FormationDraft>) => void;
  onRemove: () => void;
}) {
  const prefix = `formations-${index}`;
  return (
    <li className="subform">
      <h3 className="subform__title with-icon">
        <IconGraduation />
        <span>Formation {index + 1}</span>
      </h3>
      <TextField
        id={`${prefix}-title`}
        label="Nom de la formation ou du diplôme"
        hint="Par exemple : CAP Petite enfance, permis cariste, BAFA."
        value={formation.title}
        onChange={(event) => onChange({ title: event.target.value })}
        error={messagesFor(errors, `formations.${index}.title`)}
        maxLength={FORMATION_TITLE_MAX}
      />
      <TextField
        id={`${prefix}-year`}
        label="Année"
        optional
        inputMode="numeric"
        pattern="[0-9]*"
        maxLength={4}
        value={formation.year}
        onChange={(event) => onChange({ year: event.target.value.replace(/\D/g, "") })}
        error={messagesFor(errors, `formations.${index}.year`)}
        inputClassName="input--short"
      />
      {formation.job ? (
        <div className="field">
          <p className="field__label">Métier auquel elle mène</p>
          <div className="picked">
            <span className="picked__text">{formation.job.label}</span>
            <Button
              variant="secondary"
              small
              icon={<IconClose size="1.25em" />}
              aria-label={`Retirer le métier ${formation.job.label}`}
              onClick={() => onChange({ job: null })}
            >
              Retirer
            </Button>
          </div>
        </div>
      ) : (
        <JobPicker
          id={`${prefix}-job`}
          label={
            <>
              Métier auquel elle mène <span className="field__optional">(facultatif)</span>
            </>
          }
          error={messagesFor(errors, `formations.${index}.jobOgrCode`)}
          query={formation.jobQuery}
          onQueryChange={(jobQuery) => onChange({ jobQuery })}
          onSelect={(job) => onChange({ job, jobQuery: "" })}
        />
      )}
      <Button variant="danger" small icon={<IconClose size="1.25em" />} onClick={onRemove}>
        Retirer cette formation
      </Button>
    </li>
  );
}

export function BackgroundStep({ draftKey, initial, next, prevHref, prevLabel, profileId }: StepProps<BackgroundValues>) {
  const client = useTRPCClient();
  const { value, update, restored, clear } = useDraft(draftKey, initial);
  const state = useStepSubmit({ next, clearDraft: clear });
  const errors = state.fieldErrors;

  const setFormation = (key: string, patch: Partial<FormationDraft>) =>
    update((v) => ({ ...v, formations: v.formations.map((f) => (f.key === key ? { ...f, ...patch } : f)) }));

  function onSubmit() {
    const checks: Record<string, string[]> = {};
    const thisYear = new Date().getFullYear();
    value.formations.forEach((f, i) => {
      if (f.year && (f.year.length !== 4 || Number(f.year) < 1950 || Number(f.year) > thisYear + 5)) {
        checks[`formations.${i}.year`] = ["Écrivez l'année avec 4 chiffres, par exemple 2019."];
      }
    });
    void state.submit(
      () =>
        client.profile.saveBackground.mutate({
          ...target(profileId),
          formations: value.formations.map((f) => ({
            title: f.title,
            year: f.year ? Number(f.year) : null,
            jobOgrCode: f.job?.ogrCode ?? null,
          })),
          about: value.about.trim() || null,
        }),
      checks,
    );
  }

  const fieldIds: Array<[string, string]> = [
    ...value.formations.flatMap((_, i): Array<[string, string]> => [
      [`formations.${i}.title`, `formations-${i}-title`],
      [`formations.${i}.year`, `formations-${i}-year`],
      [`formations.${i}.jobOgrCode`, `formations-${i}-job`],
    ]),
    ["formations", "add-formation"],
    ["about", "about"],
  ];
  const aboutErrors = messagesOf(messagesFor(errors, "about"));
  return (
    <WizardForm state={state} fieldIds={fieldIds} onSubmit={onSubmit} prevHref={prevHref} prevLabel={prevLabel} restored={restored}>
      <h2 className="with-icon subform__title">
        <IconGraduation />
        <span>Vos formations et diplômes</span>
      </h2>
      {value.formations.length ? (
        <ol className="picked-list" aria-label="Vos formations">
          {value.formations.map((f, i) => (
            <FormationEditor
              key={f.key}
              index={i}
              formation={f}
              errors={errors}
              onChange={(patch) => setFormation(f.key, patch)}
              onRemove={() => update((v) => ({ ...v, formations: v.formations.filter((x) => x.key !== f.key) }))}
            />
          ))}
        </ol>
      ) : (
        <p className="muted">Pas de diplôme ? Ce n'est pas grave : vous pouvez passer à la suite.</p>
      )}
      <div className="field">
        <Button
          id="add-formation"
          variant="secondary"
          block
          icon={<IconPlus />}
          onClick={() => {
            const added = emptyFormation();
            update((v) => ({ ...v, formations: [...v.formations, added] }));
            setTimeout(() => document.getElementById(`formations-${value.formations.length}-title`)?.focus(), 0);
          }}
        >
          Ajouter une formation
        </Button>
        <FieldError id="add-formation" errors={messagesOf(errors.formations)} />
      </div>

      <div className={aboutErrors.length ? "field field--invalid" : "field"}>
        <label htmlFor="about" className="field__label">
          Quelques mots sur moi <span className="field__optional">(facultatif)</span>
        </label>
        <FieldHint id="about" hint="Par exemple : ce que vous aimez faire, vos qualités, ce que vous cherchez." />
        <FieldError id="about" errors={aboutErrors} />
        <textarea
          id="about"
          name="about"
          className="textarea"
          rows={5}
          maxLength={ABOUT_MAX}
          value={value.about}
          onChange={(event) => update((v) => ({ ...v, about: event.target.value }))}
          aria-invalid={aboutErrors.length ? true : undefined}
          aria-describedby={[describedBy("about", true, aboutErrors), "about-count"].filter(Boolean).join(" ")}
        />
        <p id="about-count" className="field__hint" style={{ marginTop: "var(--space-1)" }}>
          {value.about.length} sur {ABOUT_MAX} caractères
        </p>
      </div>
    </WizardForm>
  );
}
