"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { JobPicker } from "@/components/ui/pickers/JobPicker";
import { isNetworkError, messagesFor, stepSummary } from "@/components/ui/formErrors";
import { Button, LinkButton } from "@/components/ui/Button";
import { ErrorSummary, type ErrorItem } from "@/components/ui/ErrorSummary";
import { Notice } from "@/components/ui/Notice";
import { describedBy, FieldError, FieldHint, messagesOf, TextField } from "@/components/ui/TextField";
import { IconCheck, IconDocument } from "@/components/ui/icons";
import { errorMessageOf, fieldErrorsOf, useTRPC } from "@/lib/trpc/client";
import { DESCRIPTION_MAX, FUNDING_MAX, JOBS_MAX, PREREQUISITES_MAX, SEATS_MAX, TITLE_MAX } from "@/server/formations/limits";
import type { FormationStatus } from "@/server/formations/schema";
import { CommunePicker, LocateButton, useLocateCommune, type PickedCommune } from "@/components/ui/pickers/CommunePicker";
import { FORMATION_PATHS, formationEditHref, formationHref, type FormationSpace } from "./paths";
// combobox, chosen items and text areas share the beneficiary wizard's styles
import "@/components/ui/widgets.css";

export type FormationFormValues = {
  title: string;
  description: string;
  jobs: { romeCode: string; label: string }[];
  commune: PickedCommune | null;
  precisePoint: { lat: number; lng: number } | null;
  startsOn: string;
  endsOn: string;
  seats: string;
  prerequisites: string;
  costEuros: string;
  funding: string;
};

export const EMPTY_FORMATION: FormationFormValues = {
  title: "",
  description: "",
  jobs: [],
  commune: null,
  precisePoint: null,
  startsOn: "",
  endsOn: "",
  seats: "",
  prerequisites: "",
  costEuros: "",
  funding: "",
};

type Props = {
  space: FormationSpace;
  initial: FormationFormValues;
  /** absent for a new formation */
  existing?: { id: string; version: number; status: FormationStatus };
};

// Server field keys → ids of the fields, in the order of the form (for the error summary).
const FIELD_IDS: Array<[string, string]> = [
  ["title", "title"],
  ["romeCodes", "jobs"],
  ["description", "description"],
  ["prerequisites", "prerequisites"],
  ["communeInsee", "commune"],
  ["precisePoint", "precise-point"],
  ["startsOn", "startsOn"],
  ["endsOn", "endsOn"],
  ["seats", "seats"],
  ["costEuros", "costEuros"],
  ["funding", "funding"],
];

/** "" → null; "1 200,5" → 1200.5; anything else → NaN (the server says what is wrong). */
function toNumber(text: string): number | null {
  const t = text.replace(/\s/g, "").replace(",", ".");
  return t === "" ? null : Number(t);
}

/** A labelled text area with its hint, error and character count. */
function TextArea({
  id,
  label,
  hint,
  errors,
  value,
  max,
  rows = 4,
  onChange,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors: string[];
  value: string;
  max: number;
  rows?: number;
  onChange: (value: string) => void;
}) {
  const shown = messagesOf(errors);
  return (
    <div className={shown.length ? "field field--invalid" : "field"}>
      <label htmlFor={id} className="field__label">
        {label} <span className="field__optional">(facultatif)</span>
      </label>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} errors={shown} />
      <textarea
        id={id}
        name={id}
        className="textarea"
        rows={rows}
        maxLength={max}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={shown.length ? true : undefined}
        aria-describedby={[describedBy(id, hint, shown), `${id}-count`].filter(Boolean).join(" ")}
      />
      <p id={`${id}-count`} className="field__hint formation-form__count">
        {value.length} sur {max.toLocaleString("fr-FR")} caractères
      </p>
    </div>
  );
}

/**
 * Writing a formation: what it is and the jobs it leads to (ROME autocomplete), where
 * (commune autocomplete, optionally the exact place), when, how many seats, prerequisites,
 * cost and funding. Every mistake is shown beside its field and listed at the top.
 */
export function FormationForm({ space, initial, existing }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.formations.save.mutationOptions());
  const [values, setValues] = useState<FormationFormValues>(initial);
  const [jobQuery, setJobQuery] = useState("");
  const [jobNotice, setJobNotice] = useState<string | null>(null);
  const position = useLocateCommune({
    unsupported: "Votre appareil ne donne pas sa position.",
    notFound: "Nous n'avons pas trouvé la commune de ce lieu.",
    noPosition: "Nous n'avons pas pu avoir votre position. Le centre de la commune sera utilisé.",
    offline: "Pas de connexion : réessayez.",
  });
  const [attempt, setAttempt] = useState(0);
  const [leaving, setLeaving] = useState(false);

  const set = <K extends keyof FormationFormValues>(key: K, value: FormationFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const fieldErrors = save.error ? fieldErrorsOf(save.error) : {};
  const conflict = save.error instanceof TRPCClientError && save.error.data?.code === "CONFLICT";
  const errors: ErrorItem[] = save.error ? stepSummary(fieldErrors, FIELD_IDS) : [];
  if (save.error && errors.length === 0) {
    errors.push({ message: isNetworkError(save.error) ? "Pas de connexion : réessayez." : errorMessageOf(save.error) });
  }
  const errorsOf = (key: string) => messagesFor(fieldErrors, key);

  const status = existing?.status ?? "draft";
  const canPublish = status === "draft" || status === "closed";

  // Without a commune yet, the position also gives it; with one, only the exact place is kept.
  const locate = () =>
    position.locate(!values.commune, (point, commune) =>
      setValues((v) => ({ ...v, ...(commune ? { commune } : {}), precisePoint: point })),
    );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending || leaving) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const publish = canPublish && submitter?.value === "publish";
    save.mutate(
      {
        ...(existing ? { id: existing.id, version: existing.version } : {}),
        publish,
        title: values.title,
        description: values.description,
        romeCodes: values.jobs.map((j) => j.romeCode),
        communeInsee: values.commune?.insee ?? "",
        precisePoint: values.precisePoint,
        startsOn: values.startsOn,
        endsOn: values.endsOn,
        seats: toNumber(values.seats) as number,
        prerequisites: values.prerequisites,
        costEuros: toNumber(values.costEuros),
        funding: values.funding,
      },
      {
        onError: () => setAttempt((n) => n + 1),
        onSuccess: (saved) => {
          setLeaving(true);
          const done = publish ? "publiee" : existing ? "modifiee" : "brouillon";
          router.push(`${formationHref(space, saved.id)}?fait=${done}`);
          router.refresh();
        },
      },
    );
  }

  const busy = save.isPending || leaving;
  return (
    <form onSubmit={onSubmit} className="form formation-form" noValidate method="post">
      <ErrorSummary errors={errors} focusKey={attempt} />
      {conflict ? (
        <Notice tone="warning" title="Cette formation a changé entre-temps" live="none">
          <p>
            <a href={existing ? formationEditHref(space, existing.id) : FORMATION_PATHS[space].list}>Recharger la dernière version</a>
          </p>
        </Notice>
      ) : null}

      <h2 className="formation-form__section">La formation</h2>
      <TextField
        id="title"
        label="Intitulé de la formation"
        hint="Par exemple : « Assistant de vie aux familles – titre professionnel »."
        value={values.title}
        maxLength={TITLE_MAX}
        onChange={(event) => set("title", event.target.value)}
        error={errorsOf("title")}
        autoComplete="off"
      />

      <div className={errorsOf("romeCodes").length ? "field field--invalid" : "field"}>
        {values.jobs.length > 0 ? (
          <>
            <p className="field__label" id="jobs-picked-label">
              Métiers choisis
            </p>
            <ul className="picked-list" aria-labelledby="jobs-picked-label" data-testid="formation-jobs">
              {values.jobs.map((job) => (
                <li key={job.romeCode} className="picked">
                  <span className="picked__text">
                    <span>
                      {job.label} <span className="muted">({job.romeCode})</span>
                    </span>
                  </span>
                  <Button
                    variant="secondary"
                    small
                    aria-label={`Retirer ${job.label}`}
                    onClick={() => {
                      set(
                        "jobs",
                        values.jobs.filter((j) => j.romeCode !== job.romeCode),
                      );
                      setJobNotice(null);
                      setTimeout(() => document.getElementById("jobs")?.focus(), 0);
                    }}
                  >
                    Retirer
                  </Button>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {values.jobs.length < JOBS_MAX ? (
          <JobPicker
            id="jobs"
            label={values.jobs.length ? "Ajouter un autre métier" : "Métiers auxquels la formation prépare"}
            hint={`Écrivez le début d'un métier, puis choisissez-le dans la liste (${JOBS_MAX} au plus). Les personnes qui cherchent ces métiers verront la formation.`}
            error={errorsOf("romeCodes")}
            query={jobQuery}
            onQueryChange={setJobQuery}
            onSelect={(job) => {
              if (values.jobs.some((j) => j.romeCode === job.romeCode)) {
                setJobNotice(`Ce métier est déjà choisi (même fiche métier ${job.romeCode}).`);
                return;
              }
              setJobNotice(null);
              set("jobs", [...values.jobs, { romeCode: job.romeCode, label: job.label }]);
            }}
          />
        ) : (
          <p className="field__hint" id="jobs">
            {JOBS_MAX} métiers au plus : retirez-en un pour en choisir un autre.
          </p>
        )}
        {jobNotice ? (
          <p className="inline-error" role="status">
            {jobNotice}
          </p>
        ) : null}
      </div>

      <TextArea
        id="description"
        label="Description"
        hint="Ce que la personne apprendra, le rythme, le diplôme ou le titre obtenu."
        errors={errorsOf("description")}
        value={values.description}
        max={DESCRIPTION_MAX}
        rows={6}
        onChange={(v) => set("description", v)}
      />
      <TextArea
        id="prerequisites"
        label="Prérequis"
        hint="Ce qu'il faut avant d'entrer en formation (niveau, permis, expérience…). Laissez vide s'il n'y en a pas."
        errors={errorsOf("prerequisites")}
        value={values.prerequisites}
        max={PREREQUISITES_MAX}
        onChange={(v) => set("prerequisites", v)}
      />

      <h2 className="formation-form__section">Lieu et dates</h2>
      <CommunePicker
        id="commune"
        label="Commune où a lieu la formation"
        hint="Écrivez le début du nom, par exemple « vendôme », ou le code postal."
        error={errorsOf("communeInsee")}
        value={values.commune}
        onChange={(commune) => setValues((v) => ({ ...v, commune, precisePoint: null }))}
        chosenTestId="formation-commune"
      />

      <div className={errorsOf("precisePoint").length ? "field field--invalid" : "field"}>
        <p className="field__label" id="precise-point-label">
          Lieu précis <span className="field__optional">(facultatif)</span>
        </p>
        <FieldHint
          id="precise-point"
          hint="Sans lieu précis, les distances partent du centre de la commune. Sur place, utilisez la position de votre appareil."
        />
        <FieldError id="precise-point" errors={messagesOf(errorsOf("precisePoint"))} />
        {values.precisePoint ? (
          <div className="picked">
            <span className="picked__text" data-testid="formation-precise-point">
              <IconCheck />
              <span>Lieu précis enregistré</span>
            </span>
            <Button variant="secondary" small id="precise-point" onClick={() => set("precisePoint", null)}>
              Retirer le lieu précis
            </Button>
          </div>
        ) : (
          <LocateButton
            position={position}
            id="precise-point"
            onClick={locate}
            aria-describedby={describedBy("precise-point", true, messagesOf(errorsOf("precisePoint")))}
          >
            Utiliser ma position actuelle
          </LocateButton>
        )}
      </div>

      <div className="formation-form__dates">
        <TextField
          id="startsOn"
          type="date"
          label="Date de début"
          value={values.startsOn}
          onChange={(event) => set("startsOn", event.target.value)}
          error={errorsOf("startsOn")}
        />
        <TextField
          id="endsOn"
          type="date"
          label="Date de fin"
          value={values.endsOn}
          min={values.startsOn || undefined}
          onChange={(event) => set("endsOn", event.target.value)}
          error={errorsOf("endsOn")}
        />
      </div>

      <h2 className="formation-form__section">Places et coût</h2>
      <TextField
        id="seats"
        label="Nombre de places"
        hint={`De 1 à ${SEATS_MAX}. Quand toutes les inscriptions sont confirmées, la formation est complète et ne prend plus de demandes.`}
        inputMode="numeric"
        inputClassName="formation-form__number"
        value={values.seats}
        onChange={(event) => set("seats", event.target.value)}
        error={errorsOf("seats")}
        autoComplete="off"
      />
      <TextField
        id="costEuros"
        label="Coût pour la personne, en euros"
        optional
        hint="0 si elle est gratuite pour la personne. Laissez vide si vous ne savez pas encore."
        inputMode="numeric"
        inputClassName="formation-form__number"
        value={values.costEuros}
        onChange={(event) => set("costEuros", event.target.value)}
        error={errorsOf("costEuros")}
        autoComplete="off"
      />
      <TextField
        id="funding"
        label="Financement"
        optional
        hint="Par exemple : « Financée par la Région : gratuite pour vous » ou « Éligible au CPF »."
        maxLength={FUNDING_MAX}
        value={values.funding}
        onChange={(event) => set("funding", event.target.value)}
        error={errorsOf("funding")}
        autoComplete="off"
      />

      <div className="actions">
        {canPublish ? (
          <>
            <Button type="submit" name="intent" value="publish" icon={<IconCheck />} busy={busy} busyLabel="Enregistrement…">
              {status === "closed" ? "Enregistrer et publier à nouveau" : "Publier la formation"}
            </Button>
            <Button type="submit" name="intent" value="draft" variant="secondary" icon={<IconDocument />} busy={busy} busyLabel="Enregistrement…">
              {existing ? "Enregistrer sans publier" : "Enregistrer en brouillon"}
            </Button>
          </>
        ) : (
          <Button type="submit" name="intent" value="save" icon={<IconCheck />} busy={busy} busyLabel="Enregistrement…">
            Enregistrer les modifications
          </Button>
        )}
        <LinkButton href={existing ? formationHref(space, existing.id) : FORMATION_PATHS[space].list} variant="secondary">
          Annuler
        </LinkButton>
      </div>
    </form>
  );
}
