"use client";

import "@/components/ui/widgets.css";
import { useMutation, useQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { JobPicker } from "@/components/ui/pickers/JobPicker";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { ErrorSummary, summaryItems } from "@/components/ui/ErrorSummary";
import { Notice } from "@/components/ui/Notice";
import { RadioCards } from "@/components/ui/RadioCards";
import { describedBy, FieldError, FieldHint, messagesOf, TextField } from "@/components/ui/TextField";
import { errorMessageOf, fieldErrorsOf, useTRPC } from "@/lib/trpc/client";
import { CommunePicker, LocateButton, useLocateCommune, type PickedCommune } from "@/components/ui/pickers/CommunePicker";
import { SHIFT_CHOICE_LABELS, SHIFT_NAMES, type Shift } from "@/server/geo/shifts";
import { CONTRACT_LABELS, CONTRACTS, type Contract } from "@/server/offers/labels";
import {
  HOURS_MAX,
  HOURS_MIN,
  OFFER_ADDRESS_MAX,
  OFFER_DESCRIPTION_MAX,
  OFFER_TITLE_MAX,
  RADIUS_MAX_KM,
  RADIUS_MIN_KM,
} from "@/server/offers/limits";
import type { EffectiveStatus } from "./labels";

export type { PickedCommune };
export type SkillLabel = { ogrCode: number; label: string };
export type JobSkills = { skills: SkillLabel[]; softSkills: SkillLabel[] };
export type SkillChoice = "required" | "wished";

/** What the form holds: text as typed (numbers and dates too), so nothing typed is lost on an error. */
export type OfferFormValues = {
  title: string;
  job: { ogrCode: number | null; label: string; romeCode: string } | null;
  commune: PickedCommune | null;
  /** the browser's position, when "Utiliser ma position" was used */
  point: { lat: number; lng: number } | null;
  addressLine: string;
  radiusKm: string;
  contract: string;
  hoursPerWeek: string;
  shifts: Shift[];
  licenceRequired: boolean;
  vehicleRequired: boolean;
  positions: string;
  startsOn: string;
  expiresOn: string;
  skills: Record<number, SkillChoice>;
  description: string;
};

type OfferFormProps = {
  /** absent for a new offer */
  offerId?: string;
  version?: number;
  status: EffectiveStatus | "new";
  initial: OfferFormValues;
  /** the skills of the job the offer had when the page loaded */
  initialJobSkills: JobSkills;
  /** labels of skills on the offer that are not in its job sheet (imported offers) */
  otherSkills: SkillLabel[];
};

/** Form field → id of the element the error summary leads to. */
const FIELD_IDS: Record<string, string> = {
  title: "title",
  jobCode: "job",
  communeInsee: "commune",
  point: "commune",
  addressLine: "addressLine",
  radiusKm: "radiusKm",
  contract: "contract",
  hoursPerWeek: "hoursPerWeek",
  shifts: "shifts",
  licenceRequired: "licenceRequired",
  vehicleRequired: "vehicleRequired",
  positions: "positions",
  startsOn: "startsOn",
  expiresOn: "expiresOn",
  requiredSkills: "skills",
  wishedSkills: "skills",
  description: "description",
};

const SHIFT_CHOICES = SHIFT_NAMES.map((value) => ({ value, label: SHIFT_CHOICE_LABELS[value] }));

const CONTRACT_HINTS: Partial<Record<Contract, string>> = {
  insertion: "Structure d'insertion par l'activité économique",
};

/** How many skills of a group show before "Voir … autres compétences". */
const FIRST = 8;

function numberOrNull(text: string): number | null {
  const t = text.trim().replace(",", ".");
  return t === "" ? null : Number(t);
}

function toInput(v: OfferFormValues) {
  const codes = (choice: SkillChoice) =>
    Object.entries(v.skills)
      .filter(([, c]) => c === choice)
      .map(([code]) => Number(code));
  return {
    title: v.title,
    jobCode: v.job ? (v.job.ogrCode ? String(v.job.ogrCode) : v.job.romeCode) : null,
    communeInsee: v.commune?.insee ?? null,
    point: v.point,
    addressLine: v.addressLine.trim() || null,
    radiusKm: numberOrNull(v.radiusKm),
    contract: (v.contract || null) as Contract | null,
    hoursPerWeek: numberOrNull(v.hoursPerWeek),
    shifts: v.shifts,
    licenceRequired: v.licenceRequired,
    vehicleRequired: v.vehicleRequired,
    positions: numberOrNull(v.positions),
    startsOn: v.startsOn || null,
    expiresOn: v.expiresOn || null,
    requiredSkills: codes("required"),
    wishedSkills: codes("wished"),
    description: v.description.trim() || null,
  };
}

/**
 * Creating or editing an offer. A new offer or a draft can be saved incomplete ("Enregistrer
 * le brouillon") or published; a published, paused or expired offer is saved complete
 * ("Enregistrer les modifications"). Every save names the version the page loaded: when
 * someone else saved in between, the server refuses and says who, and what was typed stays.
 */
export function OfferForm({ offerId, version, status, initial, initialJobSkills, otherSkills }: OfferFormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const [v, setValues] = useState<OfferFormValues>(initial);
  const update = (patch: Partial<OfferFormValues>) => setValues((old) => ({ ...old, ...patch }));
  const [jobQuery, setJobQuery] = useState("");
  const position = useLocateCommune({
    unsupported: "Votre appareil ne donne pas sa position : écrivez le nom de la commune.",
    notFound: "Nous n'avons pas trouvé la commune de cette position : écrivez son nom.",
    noPosition: "Nous n'avons pas pu avoir votre position : écrivez le nom de la commune.",
  });
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState<"draft" | "publish" | "update" | null>(null);
  const [error, setError] = useState<unknown>(null);

  const isDraft = status === "new" || status === "draft";
  const saveDraft = useMutation(trpc.offers.saveDraft.mutationOptions());
  const publish = useMutation(trpc.offers.publishFromForm.mutationOptions());
  const save = useMutation(trpc.offers.update.mutationOptions());

  // Skills of the job: the page gave those of the job it loaded with; another job's come from the referential.
  const jobChanged = Boolean(v.job?.ogrCode) && v.job?.ogrCode !== initial.job?.ogrCode;
  const jobDetails = useQuery(
    trpc.referentials.jobTitle.queryOptions({ ogrCode: v.job?.ogrCode ?? 1 }, { enabled: jobChanged }),
  );
  const jobSkills: JobSkills | null = !v.job
    ? null
    : jobChanged
      ? jobDetails.data
        ? { skills: jobDetails.data.skills, softSkills: jobDetails.data.softSkills }
        : null
      : initialJobSkills;

  const fieldErrors = error ? fieldErrorsOf(error) : {};
  const conflict = error instanceof TRPCClientError && error.data?.code === "CONFLICT" ? error.message : null;
  const errors = conflict ? [] : summaryItems(fieldErrors, FIELD_IDS);
  if (error && !conflict && errors.length === 0) errors.push({ message: errorMessageOf(error) });
  const fe = (key: string) => fieldErrors[key];

  async function submit(action: "draft" | "publish" | "update") {
    if (pending) return;
    setPending(action);
    setError(null);
    const input = toInput(v);
    try {
      let result: { id: string };
      if (action === "update") result = await save.mutateAsync({ ...input, offerId: offerId!, version: version! });
      else if (action === "publish") result = await publish.mutateAsync({ ...input, offerId, version });
      else result = await saveDraft.mutateAsync({ ...input, offerId, version });
      const flag = action === "publish" ? "publiee" : action === "draft" ? "brouillon" : "enregistree";
      router.push(`/employeur/offres/${result.id}?${flag}=1`);
      router.refresh();
    } catch (err) {
      setError(err);
      setAttempt((n) => n + 1);
      setPending(null);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Enter in a field: the main action of the form
    void submit(isDraft ? "publish" : "update");
  }

  const toggleShift = (s: Shift) =>
    update({ shifts: v.shifts.includes(s) ? v.shifts.filter((x) => x !== s) : [...v.shifts, s] });

  const setSkill = (code: number, choice: SkillChoice, on: boolean) =>
    setValues((old) => {
      const skills = { ...old.skills };
      if (on) skills[code] = choice;
      else if (skills[code] === choice) delete skills[code];
      return { ...old, skills };
    });

  const skillErrors = messagesOf(fe("requiredSkills") ?? fe("wishedSkills"));
  const descriptionErrors = messagesOf(fe("description"));
  const chosenCount = Object.keys(v.skills).length;

  const skillGroups: Array<{ key: string; title: string; skills: SkillLabel[] }> = [];
  if (jobSkills?.skills.length) skillGroups.push({ key: "job", title: "Savoir-faire du métier", skills: jobSkills.skills });
  if (jobSkills?.softSkills.length) skillGroups.push({ key: "soft", title: "Savoir-être", skills: jobSkills.softSkills });
  const listed = new Set(skillGroups.flatMap((g) => g.skills.map((s) => s.ogrCode)));
  const others = otherSkills.filter((s) => !listed.has(s.ogrCode) && v.skills[s.ogrCode]);
  if (others.length) skillGroups.push({ key: "other", title: "Autres compétences de l'offre", skills: others });

  return (
    <form onSubmit={onSubmit} className="form offer-form" noValidate method="post" aria-label="Offre d'emploi">
      {conflict ? (
        <Notice tone="error" title="Vos modifications n'ont pas été enregistrées" className="offer-form__conflict">
          <p data-testid="offer-conflict">{conflict}</p>
          <p>
            <Button variant="secondary" small onClick={() => window.location.reload()}>
              Recharger la page
            </Button>
          </p>
          <p className="muted">Conseil : copiez d'abord ce que vous avez écrit, par exemple la description.</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} focusKey={attempt} />

      <h2 className="offer-form__section">Le poste</h2>
      {v.job ? (
        <div className={messagesOf(fe("jobCode")).length ? "field field--invalid" : "field"}>
          <p className="field__label">Métier</p>
          <FieldError id="job" errors={messagesOf(fe("jobCode"))} />
          <div className="picked">
            <span className="picked__text">
              <span data-testid="job-chosen">{v.job.label}</span>
            </span>
            <Button
              variant="secondary"
              small
              id="job"
              aria-label={`Changer de métier (${v.job.label})`}
              onClick={() => {
                update({ job: null, skills: {} });
                setTimeout(() => document.getElementById("job")?.focus(), 0);
              }}
            >
              Changer
            </Button>
          </div>
        </div>
      ) : (
        <JobPicker
          id="job"
          label="Métier"
          hint="Écrivez le début du métier, par exemple « aide-soignant », puis choisissez-le dans la liste."
          error={fe("jobCode")}
          query={jobQuery}
          onQueryChange={setJobQuery}
          onSelect={(job) =>
            setValues((old) => ({ ...old, job, skills: {}, title: old.title.trim() ? old.title : job.label }))
          }
        />
      )}
      <TextField
        id="title"
        label="Intitulé de l'offre"
        hint="Ce que les candidats liront en premier, par exemple « Aide-soignant de nuit en EHPAD »."
        maxLength={OFFER_TITLE_MAX}
        value={v.title}
        onChange={(e) => update({ title: e.target.value })}
        error={fe("title")}
      />
      <TextField
        id="positions"
        label="Nombre de postes"
        inputMode="numeric"
        inputClassName="input--short"
        value={v.positions}
        onChange={(e) => update({ positions: e.target.value })}
        error={fe("positions")}
      />
      <div className={descriptionErrors.length ? "field field--invalid" : "field"}>
        <label htmlFor="description" className="field__label">
          Description du poste
        </label>
        <FieldHint id="description" hint="Les missions, l'équipe, ce que vous proposez. Pas besoin d'un long texte." />
        <FieldError id="description" errors={descriptionErrors} />
        <textarea
          id="description"
          name="description"
          className="textarea"
          rows={6}
          maxLength={OFFER_DESCRIPTION_MAX}
          value={v.description}
          onChange={(e) => update({ description: e.target.value })}
          aria-invalid={descriptionErrors.length ? true : undefined}
          aria-describedby={describedBy("description", true, descriptionErrors)}
        />
      </div>

      <h2 className="offer-form__section">Le lieu de travail</h2>
      <CommunePicker
        id="commune"
        label="Commune du poste"
        hint="Écrivez le début du nom, par exemple « vendôme », ou le code postal."
        error={fe("communeInsee") ?? fe("point")}
        value={v.commune}
        onChange={(commune) => update({ commune, point: null })}
        chosenTestId="commune-chosen"
        chosenNote={v.point ? " · position précise" : null}
      >
        <div className="field">
          <LocateButton
            position={position}
            onClick={() => position.locate(true, (point, commune) => update({ commune, point }))}
            hint="Si vous êtes sur le lieu de travail : la distance aux candidats sera plus juste."
          >
            Utiliser ma position
          </LocateButton>
        </div>
      </CommunePicker>
      <TextField
        id="addressLine"
        label="Adresse du lieu de travail"
        optional
        hint="Montrée aux candidats avec l'offre."
        autoComplete="street-address"
        maxLength={OFFER_ADDRESS_MAX}
        value={v.addressLine}
        onChange={(e) => update({ addressLine: e.target.value })}
        error={fe("addressLine")}
      />
      <TextField
        id="radiusKm"
        label="Distance maximale des candidats (en km)"
        hint={`Entre ${RADIUS_MIN_KM} et ${RADIUS_MAX_KM} km autour du lieu de travail.`}
        inputMode="numeric"
        inputClassName="input--short"
        value={v.radiusKm}
        onChange={(e) => update({ radiusKm: e.target.value })}
        error={fe("radiusKm")}
      />

      <h2 className="offer-form__section">Le contrat</h2>
      <RadioCards
        id="contract"
        name="contract"
        legend="Type de contrat"
        columns={2}
        value={v.contract}
        onChange={(contract) => update({ contract })}
        error={fe("contract")}
        options={CONTRACTS.map((c) => ({ value: c, label: CONTRACT_LABELS[c], hint: CONTRACT_HINTS[c] }))}
      />
      <TextField
        id="hoursPerWeek"
        label="Heures par semaine"
        hint={`Entre ${HOURS_MIN} et ${HOURS_MAX} heures.`}
        inputMode="decimal"
        inputClassName="input--short"
        value={v.hoursPerWeek}
        onChange={(e) => update({ hoursPerWeek: e.target.value })}
        error={fe("hoursPerWeek")}
      />
      <fieldset
        className={messagesOf(fe("shifts")).length ? "field field--invalid" : "field"}
        id="shifts"
        aria-describedby={describedBy("shifts", true, messagesOf(fe("shifts")))}
      >
        <legend className="field__legend">Horaires</legend>
        <FieldHint id="shifts" hint="Cochez tout ce que le poste demande." />
        <FieldError id="shifts" errors={messagesOf(fe("shifts"))} />
        {SHIFT_CHOICES.map((s) => (
          <Checkbox
            key={s.value}
            id={`shift-${s.value}`}
            name="shifts"
            label={s.label}
            checked={v.shifts.includes(s.value)}
            onChange={() => toggleShift(s.value)}
          />
        ))}
      </fieldset>
      <fieldset className="field">
        <legend className="field__legend">Déplacements</legend>
        <Checkbox
          id="licenceRequired"
          label="Permis B exigé"
          checked={v.licenceRequired}
          onChange={(e) => update({ licenceRequired: e.target.checked })}
          error={fe("licenceRequired")}
        />
        <Checkbox
          id="vehicleRequired"
          label="Véhicule personnel exigé"
          checked={v.vehicleRequired}
          onChange={(e) => update({ vehicleRequired: e.target.checked })}
          error={fe("vehicleRequired")}
        />
      </fieldset>

      <h2 className="offer-form__section">Les dates</h2>
      <TextField
        id="startsOn"
        type="date"
        label="Date de début"
        inputClassName="offer-form__date"
        value={v.startsOn}
        onChange={(e) => update({ startsOn: e.target.value })}
        error={fe("startsOn")}
      />
      <TextField
        id="expiresOn"
        type="date"
        label="Date d'expiration de l'offre"
        optional
        hint="Sans date, l'offre expire deux mois après son début. Pour prolonger une offre expirée, choisissez une nouvelle date."
        inputClassName="offer-form__date"
        value={v.expiresOn}
        onChange={(e) => update({ expiresOn: e.target.value })}
        error={fe("expiresOn")}
      />

      <h2 className="offer-form__section">Les compétences</h2>
      <fieldset
        className={skillErrors.length ? "field field--invalid offer-form__skills" : "field offer-form__skills"}
        id="skills"
        aria-describedby={describedBy("skills", true, skillErrors)}
      >
        <legend className="field__legend">Compétences recherchées</legend>
        <FieldHint
          id="skills"
          hint={
            v.job
              ? "Cochez « Exigée » pour ce qui est indispensable, « Souhaitée » pour un plus. Les candidats sont classés d'après les compétences exigées."
              : "Choisissez d'abord le métier : ses compétences apparaîtront ici."
          }
        />
        <FieldError id="skills" errors={skillErrors} />
        {v.job && !jobSkills ? <p className="muted">Chargement des compétences du métier…</p> : null}
        {v.job ? (
          <p className="muted" role="status">
            {chosenCount === 0 ? "Aucune compétence cochée." : `${chosenCount} compétence${chosenCount > 1 ? "s" : ""} cochée${chosenCount > 1 ? "s" : ""}.`}
          </p>
        ) : null}
        {skillGroups.map((group) => {
          const first = group.skills.slice(0, FIRST);
          const rest = group.skills.slice(FIRST);
          const restChosen = rest.some((s) => v.skills[s.ogrCode]);
          return (
            <div key={group.key} className="offer-form__skill-group">
              <h3 className="offer-form__skill-title">{group.title}</h3>
              <ul className="offer-form__skill-list">
                {first.map((s) => (
                  <SkillRow key={s.ogrCode} skill={s} choice={v.skills[s.ogrCode]} onChange={setSkill} />
                ))}
              </ul>
              {rest.length ? (
                <details open={restChosen || undefined}>
                  <summary>Voir {rest.length} autres compétences</summary>
                  <ul className="offer-form__skill-list">
                    {rest.map((s) => (
                      <SkillRow key={s.ogrCode} skill={s} choice={v.skills[s.ogrCode]} onChange={setSkill} />
                    ))}
                  </ul>
                </details>
              ) : null}
            </div>
          );
        })}
      </fieldset>

      <div className="actions offer-form__actions">
        {isDraft ? (
          <>
            <Button type="submit" busy={pending === "publish"} busyLabel="Publication…">
              Publier l'offre
            </Button>
            <Button variant="secondary" onClick={() => void submit("draft")} busy={pending === "draft"} busyLabel="Enregistrement…">
              Enregistrer le brouillon
            </Button>
          </>
        ) : (
          <Button type="submit" busy={pending === "update"} busyLabel="Enregistrement…">
            Enregistrer les modifications
          </Button>
        )}
      </div>
      {isDraft ? (
        <p className="muted">Un brouillon peut rester incomplet : seuls vous et vos collègues le voyez.</p>
      ) : null}
    </form>
  );
}

/** One skill: "Exigée" or "Souhaitée" (at most one of the two). */
function SkillRow({
  skill,
  choice,
  onChange,
}: {
  skill: SkillLabel;
  choice: SkillChoice | undefined;
  onChange: (code: number, choice: SkillChoice, on: boolean) => void;
}) {
  const base = `skill-${skill.ogrCode}`;
  return (
    <li className="offer-form__skill">
      <span className="offer-form__skill-label" id={`${base}-label`}>
        {skill.label}
      </span>
      <span className="offer-form__skill-choices">
        <label className="offer-form__skill-choice" htmlFor={`${base}-required`}>
          <input
            type="checkbox"
            id={`${base}-required`}
            checked={choice === "required"}
            onChange={(e) => onChange(skill.ogrCode, "required", e.target.checked)}
          />
          <span>
            Exigée<span className="sr-only"> : {skill.label}</span>
          </span>
        </label>
        <label className="offer-form__skill-choice" htmlFor={`${base}-wished`}>
          <input
            type="checkbox"
            id={`${base}-wished`}
            checked={choice === "wished"}
            onChange={(e) => onChange(skill.ogrCode, "wished", e.target.checked)}
          />
          <span>
            Souhaitée<span className="sr-only"> : {skill.label}</span>
          </span>
        </label>
      </span>
    </li>
  );
}
