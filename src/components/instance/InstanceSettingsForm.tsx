"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type CSSProperties, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Notice } from "@/components/ui/Notice";
import { FieldError, SelectField, TextField, messagesOf } from "@/components/ui/TextField";
import { formErrorsOf, useTRPC } from "@/lib/trpc/client";
import { contrastRatio, MIN_TEXT_CONTRAST } from "@/server/config/contrast";
import { SECTION_LABELS } from "@/server/instance/settings-labels";
import "./instance.css";

type TerritoryValue = { code: string; name: string; epci: string[]; communes: string[]; arrondissements: string[] };
export type SettingsValues = {
  displayName: string;
  organisation: string;
  branding: { primaryColor: string; primaryTextColor: string; accentColor: string };
  territories: TerritoryValue[];
  defaultTravelRadiusKm: number;
  exitReasons: { code: string; label: string }[];
};
type Section = keyof SettingsValues;

type Props = {
  effective: SettingsValues;
  defaults: SettingsValues;
  overridden: Section[];
  unitNames: Record<string, string>;
  updatedAt: Date | null;
  /** the instance's logo, for the preview */
  logo: string;
};

type UnitKind = "epci" | "communes" | "arrondissements";
const UNIT_KINDS: UnitKind[] = ["epci", "communes", "arrondissements"];
const UNIT_LABELS: Record<UnitKind, string> = { epci: "Intercommunalité", communes: "Commune", arrondissements: "Arrondissement" };

const ratioText = (r: number) => `${r.toFixed(2).replace(".", ",")}:1`;

export function InstanceSettingsForm({ effective, defaults, overridden: initialOverridden, unitNames, updatedAt: initialUpdatedAt, logo }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [values, setValues] = useState<SettingsValues>(effective);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(initialUpdatedAt);
  const [overridden, setOverridden] = useState<Section[]>(initialOverridden);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  const [newTerritory, setNewTerritory] = useState({ code: "", name: "" });
  const [newReason, setNewReason] = useState({ code: "", label: "" });
  const savedRef = useRef<HTMLDivElement>(null);

  const update = useMutation(trpc.instance.update.mutationOptions());

  // ids of the fields, so that each message of the summary leads to its field
  const fieldIds: Record<string, string> = {
    displayName: "instance-displayName",
    organisation: "instance-organisation",
    "branding.primaryColor": "instance-primaryColor",
    "branding.primaryTextColor": "instance-primaryTextColor",
    "branding.accentColor": "instance-accentColor",
    defaultTravelRadiusKm: "instance-radius",
    territories: "instance-territories",
    exitReasons: "instance-exitReasons",
  };
  values.territories.forEach((_, i) => {
    fieldIds[`territories.${i}.name`] = `territory-${i}-name`;
    fieldIds[`territories.${i}.code`] = `territory-${i}-name`;
  });
  values.exitReasons.forEach((_, i) => {
    fieldIds[`exitReasons.${i}.label`] = `reason-${i}-label`;
    fieldIds[`exitReasons.${i}.code`] = `reason-${i}-label`;
  });
  const { fieldErrors, errors } = formErrorsOf(update.error, fieldIds);

  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  function afterSave(result: { updatedAt: Date | null; changed: string[] }, next: Section[], message: string) {
    setUpdatedAt(result.updatedAt);
    setOverridden(next);
    setSaved(message);
    router.refresh(); // the header and every page take the new name and colours
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    setSaved(null);
    update.mutate(
      { expectedUpdatedAt: updatedAt, ...values },
      {
        onError: () => setAttempt((n) => n + 1),
        onSuccess: (r) => {
          const same = (s: Section) => JSON.stringify(values[s]) === JSON.stringify(defaults[s]);
          const next = (Object.keys(SECTION_LABELS) as Section[]).filter((s) => !same(s));
          afterSave(
            r,
            next,
            r.changed.length === 0
              ? "Rien n'a changé."
              : `Enregistré : ${r.changed.map((c) => SECTION_LABELS[c]).join(", ")}.${r.changed.includes("territories") ? ` ${r.reattributed} personne(s) rattachée(s) à un autre territoire.` : ""}`,
          );
        },
      },
    );
  }

  function revert(section: Section) {
    if (update.isPending) return;
    setSaved(null);
    update.mutate(
      { expectedUpdatedAt: updatedAt, [section]: null },
      {
        onError: () => setAttempt((n) => n + 1),
        onSuccess: (r) => {
          setValues((v) => ({ ...v, [section]: defaults[section] }));
          afterSave(r, overridden.filter((s) => s !== section), `${capitalise(SECTION_LABELS[section]!)} : valeurs du fichier de l'instance rétablies.`);
        },
      },
    );
  }

  const revertButton = (section: Section) =>
    overridden.includes(section) ? (
      <p>
        <Button variant="secondary" small onClick={() => revert(section)} busy={update.isPending} busyLabel="Un instant…">
          Revenir au fichier pour : {SECTION_LABELS[section]}
        </Button>
      </p>
    ) : null;

  // Territories: every EPCI, commune or arrondissement listed, with the territory it is in.
  const units = values.territories.flatMap((t, ti) =>
    UNIT_KINDS.flatMap((kind) => t[kind].map((code) => ({ kind, code, territoryIndex: ti }))),
  );
  function moveUnit(kind: UnitKind, code: string, to: number) {
    setValues((v) => ({
      ...v,
      territories: v.territories.map((t, i) => {
        const without = t[kind].filter((c) => c !== code);
        return { ...t, [kind]: i === to ? [...without, code] : without };
      }),
    }));
  }
  function setTerritory(i: number, patch: Partial<TerritoryValue>) {
    setValues((v) => ({ ...v, territories: v.territories.map((t, j) => (j === i ? { ...t, ...patch } : t)) }));
  }
  function setReason(i: number, label: string) {
    setValues((v) => ({ ...v, exitReasons: v.exitReasons.map((r, j) => (j === i ? { ...r, label } : r)) }));
  }

  const { primaryColor, primaryTextColor, accentColor } = values.branding;
  const hexOk = (c: string) => /^#[0-9a-fA-F]{6}$/.test(c);
  const ratio = hexOk(primaryColor) && hexOk(primaryTextColor) ? contrastRatio(primaryTextColor, primaryColor) : null;
  const setColour = (key: keyof SettingsValues["branding"], value: string) =>
    setValues((v) => ({ ...v, branding: { ...v.branding, [key]: value.trim() } }));

  const fileExitCodes = new Set(defaults.exitReasons.map((r) => r.code));
  const shownExitCodes = new Set(effective.exitReasons.map((r) => r.code));

  return (
    <form onSubmit={onSubmit} noValidate className="form instance-form" aria-describedby="instance-form-help">
      <p id="instance-form-help" className="muted">
        Les valeurs viennent du fichier de l'instance ; ce que vous enregistrez ici s'y superpose pour tout le service.
        {updatedAt ? null : " Rien n'a encore été modifié ici."}
      </p>
      <ErrorSummary errors={errors} focusKey={attempt} />
      {saved ? (
        <div ref={savedRef} tabIndex={-1}>
          <Notice tone="success" title="Réglages enregistrés">
            <p>{saved}</p>
          </Notice>
        </div>
      ) : null}

      <Card title="Nom du service" id="identite">
        <TextField
          id={fieldIds.displayName!}
          name="displayName"
          label="Nom affiché"
          hint="En haut de chaque page et dans le titre des onglets."
          value={values.displayName}
          onChange={(e) => setValues((v) => ({ ...v, displayName: e.target.value }))}
          error={fieldErrors.displayName}
          maxLength={60}
        />
        <TextField
          id={fieldIds.organisation!}
          name="organisation"
          label="Organisme qui porte le service"
          value={values.organisation}
          onChange={(e) => setValues((v) => ({ ...v, organisation: e.target.value }))}
          error={fieldErrors.organisation}
          maxLength={120}
        />
        {revertButton("displayName")}
        {revertButton("organisation")}
      </Card>

      <Card title="Couleurs" id="couleurs">
        <p className="muted">Au format #RRGGBB. Le texte sur la couleur principale doit avoir un contraste d'au moins 4,5:1.</p>
        <div className="instance-colours">
          {(
            [
              ["primaryColor", "Couleur principale (bandeau, boutons)"],
              ["primaryTextColor", "Couleur du texte sur la couleur principale"],
              ["accentColor", "Couleur d'accent"],
            ] as const
          ).map(([key, label]) => (
            <div key={key} className="instance-colour">
              <TextField
                id={fieldIds[`branding.${key}`]!}
                name={key}
                label={label}
                value={values.branding[key]}
                onChange={(e) => setColour(key, e.target.value)}
                error={fieldErrors[`branding.${key}`]}
                spellCheck={false}
                autoComplete="off"
                maxLength={7}
                inputClassName="input--code"
              />
              <input
                type="color"
                className="instance-colour__picker"
                aria-label={`Choisir dans la palette : ${label}`}
                value={hexOk(values.branding[key]) ? values.branding[key].toLowerCase() : "#000000"}
                onChange={(e) => setColour(key, e.target.value)}
              />
            </div>
          ))}
        </div>
        <p role="status" className={ratio !== null && ratio < MIN_TEXT_CONTRAST ? "inline-error" : undefined}>
          {ratio === null
            ? "Aperçu dès que les deux couleurs sont au format #RRGGBB."
            : ratio >= MIN_TEXT_CONTRAST
              ? `Contraste du texte sur la couleur principale : ${ratioText(ratio)}, suffisant.`
              : `Contraste du texte sur la couleur principale : ${ratioText(ratio)}, insuffisant (4,5:1 au moins).`}
        </p>
        {ratio !== null && hexOk(accentColor) ? (
          <figure className="instance-preview">
            <figcaption className="muted">Aperçu</figcaption>
            <div className="instance-preview__bar" style={{ background: primaryColor, color: primaryTextColor } as CSSProperties}>
              <img src={logo} alt="" width={28} height={28} />
              <strong>{values.displayName || "Nom du service"}</strong>
            </div>
            <div className="instance-preview__body">
              <span className="instance-preview__button" style={{ background: primaryColor, color: primaryTextColor }}>
                Bouton principal
              </span>
              <span style={{ color: accentColor, fontWeight: 700 }}>Texte d'accent</span>
            </div>
          </figure>
        ) : null}
        {revertButton("branding")}
      </Card>

      <Card title="Rayon de déplacement par défaut" id="rayon">
        <TextField
          id={fieldIds.defaultTravelRadiusKm!}
          name="defaultTravelRadiusKm"
          type="number"
          inputMode="numeric"
          min={1}
          max={200}
          step={1}
          label="Rayon proposé aux personnes qui s'inscrivent (en km)"
          hint="De 1 à 200 km."
          value={Number.isFinite(values.defaultTravelRadiusKm) ? String(values.defaultTravelRadiusKm) : ""}
          onChange={(e) => setValues((v) => ({ ...v, defaultTravelRadiusKm: e.target.value === "" ? Number.NaN : Number(e.target.value) }))}
          error={fieldErrors.defaultTravelRadiusKm}
        />
        {revertButton("defaultTravelRadiusKm")}
      </Card>

      <Card title="Territoires" id="territoires">
        <p className="muted">
          Chaque commune du département doit être dans un territoire et un seul. Après l'enregistrement, chaque personne est
          rattachée au territoire de sa commune. Un territoire qui a encore des conseillers ne peut pas être supprimé.
        </p>
        <div id={fieldIds.territories} tabIndex={-1}>
          <FieldError id="instance-territories-list" errors={messagesOf(fieldErrors.territories)} />
        </div>
        <ul className="instance-list">
          {values.territories.map((t, i) => {
            const count = UNIT_KINDS.reduce((n, k) => n + t[k].length, 0);
            return (
              <li key={t.code} className="instance-list__row">
                <TextField
                  id={`territory-${i}-name`}
                  name={`territory-${i}-name`}
                  label={`Nom du territoire « ${t.code} »`}
                  value={t.name}
                  onChange={(e) => setTerritory(i, { name: e.target.value })}
                  error={fieldErrors[`territories.${i}.name`] ?? fieldErrors[`territories.${i}.code`]}
                  maxLength={80}
                />
                <Button
                  variant="secondary"
                  small
                  disabled={count > 0 || values.territories.length === 1}
                  aria-describedby={count > 0 ? `territory-${i}-count` : undefined}
                  onClick={() => setValues((v) => ({ ...v, territories: v.territories.filter((_, j) => j !== i) }))}
                >
                  Supprimer « {t.name || t.code} »
                </Button>
                <span id={`territory-${i}-count`} className="muted">
                  {count === 0 ? "vide" : `${count} élément(s) : déplacez-les avant de le supprimer`}
                </span>
              </li>
            );
          })}
        </ul>

        <fieldset className="instance-add">
          <legend className="field__legend">Ajouter un territoire</legend>
          <TextField
            id="territory-new-code"
            label="Code"
            hint="Lettres minuscules sans accent, chiffres et tirets."
            value={newTerritory.code}
            onChange={(e) => setNewTerritory((n) => ({ ...n, code: e.target.value.trim() }))}
            maxLength={40}
            autoComplete="off"
          />
          <TextField
            id="territory-new-name"
            label="Nom"
            value={newTerritory.name}
            onChange={(e) => setNewTerritory((n) => ({ ...n, name: e.target.value }))}
            maxLength={80}
            autoComplete="off"
          />
          <Button
            variant="secondary"
            small
            disabled={!/^[a-z0-9-]+$/.test(newTerritory.code) || !newTerritory.name.trim() || values.territories.some((t) => t.code === newTerritory.code)}
            onClick={() => {
              setValues((v) => ({
                ...v,
                territories: [...v.territories, { code: newTerritory.code, name: newTerritory.name.trim(), epci: [], communes: [], arrondissements: [] }],
              }));
              setNewTerritory({ code: "", name: "" });
            }}
          >
            Ajouter ce territoire
          </Button>
          <p className="muted">Puis déplacez-y des intercommunalités ou des communes ci-dessous.</p>
        </fieldset>

        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="units-caption">
          <table className="table">
            <caption id="units-caption">Intercommunalités et communes, et leur territoire</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Type</th>
                <th scope="col">Territoire</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => {
                const name = unitNames[u.code] ?? u.code;
                return (
                  <tr key={`${u.kind}-${u.code}`}>
                    <th scope="row">
                      {name} <span className="muted">({u.code})</span>
                    </th>
                    <td>{UNIT_LABELS[u.kind]}</td>
                    <td>
                      <SelectField
                        id={`unit-${u.kind}-${u.code}`}
                        label={<span className="sr-only">Territoire de {name}</span>}
                        value={String(u.territoryIndex)}
                        onChange={(e) => moveUnit(u.kind, u.code, Number(e.target.value))}
                        options={values.territories.map((t, i) => ({ value: String(i), label: t.name || t.code }))}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {revertButton("territories")}
      </Card>

      <Card title="Motifs de sortie d'emploi" id="motifs">
        <p className="muted">
          Proposés quand un contrat s'arrête avant la fin du suivi. Un motif déjà utilisé peut être renommé, pas supprimé.
        </p>
        <div id={fieldIds.exitReasons} tabIndex={-1}>
          <FieldError id="instance-exitReasons-list" errors={messagesOf(fieldErrors.exitReasons)} />
        </div>
        <ul className="instance-list">
          {values.exitReasons.map((r, i) => (
            <li key={r.code} className="instance-list__row">
              <TextField
                id={`reason-${i}-label`}
                name={`reason-${i}-label`}
                label={`Libellé du motif « ${r.code} »`}
                value={r.label}
                onChange={(e) => setReason(i, e.target.value)}
                error={fieldErrors[`exitReasons.${i}.label`] ?? fieldErrors[`exitReasons.${i}.code`]}
                maxLength={80}
              />
              <Button
                variant="secondary"
                small
                disabled={values.exitReasons.length === 1}
                onClick={() => setValues((v) => ({ ...v, exitReasons: v.exitReasons.filter((_, j) => j !== i) }))}
              >
                Supprimer « {r.label || r.code} »
              </Button>
              <span className="muted">{fileExitCodes.has(r.code) ? "du fichier" : shownExitCodes.has(r.code) ? "ajouté ici" : "nouveau"}</span>
            </li>
          ))}
        </ul>
        <fieldset className="instance-add">
          <legend className="field__legend">Ajouter un motif</legend>
          <TextField
            id="reason-new-code"
            label="Code"
            hint="Lettres minuscules sans accent et « _ », par exemple « retraite »."
            value={newReason.code}
            onChange={(e) => setNewReason((n) => ({ ...n, code: e.target.value.trim() }))}
            maxLength={40}
            autoComplete="off"
          />
          <TextField
            id="reason-new-label"
            label="Libellé"
            value={newReason.label}
            onChange={(e) => setNewReason((n) => ({ ...n, label: e.target.value }))}
            maxLength={80}
            autoComplete="off"
          />
          <Button
            variant="secondary"
            small
            disabled={!/^[a-z_]+$/.test(newReason.code) || !newReason.label.trim() || values.exitReasons.some((r) => r.code === newReason.code)}
            onClick={() => {
              setValues((v) => ({ ...v, exitReasons: [...v.exitReasons, { code: newReason.code, label: newReason.label.trim() }] }));
              setNewReason({ code: "", label: "" });
            }}
          >
            Ajouter ce motif
          </Button>
        </fieldset>
        {revertButton("exitReasons")}
      </Card>

      <p>
        <Button type="submit" busy={update.isPending} busyLabel="Enregistrement…">
          Enregistrer les réglages
        </Button>
      </p>
    </form>
  );
}

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
