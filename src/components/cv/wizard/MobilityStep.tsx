"use client";

import { target } from "./target";
import type { ReactNode } from "react";
import { RadioCards } from "@/components/ui/RadioCards";
import { useTRPCClient } from "@/lib/trpc/client";
import { minutesToKm } from "@/server/profiles/completeness";
import { DRIVING_LICENCE_LABELS, DRIVING_LICENCES, TRAVEL_MODE_LABELS, TRAVEL_MODES, type DrivingLicence, type TravelMode } from "@/server/profiles/labels";
import type { mobilityStepInput } from "@/server/profiles/inputs";
import type { z } from "zod";
import {
  IconBike,
  IconBus,
  IconCar,
  IconCarpool,
  IconClock,
  IconLicence,
  IconPin,
  IconScooter,
  IconWalk,
} from "@/components/ui/icons";
import { ChipChoices, ToggleCards } from "./ToggleCards";
import type { StepProps } from "./types";
import { useDraft } from "./useDraft";
import { messagesFor } from "@/components/ui/formErrors";
import { useStepSubmit, WizardForm } from "@/components/cv/wizard/WizardForm";

export type MobilityValues = {
  modes: TravelMode[];
  unit: "km" | "minutes";
  km: number;
  minutes: number;
  licence: DrivingLicence | "";
  vehicle: "" | "yes" | "no";
};

const MODE_ICONS: Record<TravelMode, ReactNode> = {
  walk: <IconWalk size="2rem" />,
  bike: <IconBike size="2rem" />,
  public_transport: <IconBus size="2rem" />,
  car: <IconCar size="2rem" />,
  two_wheeler: <IconScooter size="2rem" />,
  carpool: <IconCarpool size="2rem" />,
};

const KM_CHIPS = [5, 10, 20, 30, 50];
const MINUTE_CHIPS = [15, 30, 45, 60];
const RANGE = { km: { min: 1, max: 100, step: 1 }, minutes: { min: 5, max: 120, step: 5 } } as const;

const FIELD_IDS: Array<[string, string]> = [
  ["travelModes", "travelModes"],
  ["distance", "distance-range"],
  ["drivingLicence", "drivingLicence"],
  ["hasVehicle", "hasVehicle"],
];

export function MobilityStep({ draftKey, initial, next, prevHref, prevLabel, profileId }: StepProps<MobilityValues>) {
  const client = useTRPCClient();
  const { value, update, restored, clear } = useDraft(draftKey, initial);
  const state = useStepSubmit({ next, clearDraft: clear });
  const errors = state.fieldErrors;

  const amount = value.unit === "km" ? value.km : value.minutes;
  const unitWord = value.unit === "km" ? "km" : "minutes";
  const setAmount = (n: number) => update((v) => (v.unit === "km" ? { ...v, km: n } : { ...v, minutes: n }));

  function onSubmit() {
    const checks: Record<string, string[]> = {};
    if (!value.vehicle) checks.hasVehicle = ["Dites si vous avez un véhicule."];
    const input = {
      travelModes: value.modes,
      distance: value.unit === "km" ? { unit: "km", value: value.km } : { unit: "minutes", value: value.minutes },
      drivingLicence: value.licence || undefined,
      hasVehicle: value.vehicle === "yes",
    } as z.input<typeof mobilityStepInput>; // the server names what is missing
    void state.submit(() => client.profile.saveMobility.mutate({ ...input, ...target(profileId) }), checks);
  }

  const distanceErrors = messagesFor(errors, "distance");
  return (
    <WizardForm state={state} fieldIds={FIELD_IDS} onSubmit={onSubmit} prevHref={prevHref} prevLabel={prevLabel} restored={restored}>
      <ToggleCards
        id="travelModes"
        legend="Comment pouvez-vous aller au travail ?"
        hint="Touchez tout ce qui marche pour vous."
        error={messagesFor(errors, "travelModes")}
        options={TRAVEL_MODES.map((m) => ({ value: m, label: TRAVEL_MODE_LABELS[m], icon: MODE_ICONS[m] }))}
        values={value.modes}
        onChange={(modes) => update((v) => ({ ...v, modes }))}
      />

      <fieldset className={distanceErrors.length ? "field field--invalid" : "field"} id="distance">
        <legend className="field__legend">Jusqu'où pouvez-vous aller ?</legend>
        <div className="segmented" role="radiogroup" aria-label="Compter en">
          {(["km", "minutes"] as const).map((unit) => (
            <label key={unit} className="choice" htmlFor={`distance-unit-${unit}`}>
              <input
                type="radio"
                id={`distance-unit-${unit}`}
                name="distance-unit"
                checked={value.unit === unit}
                onChange={() => update((v) => ({ ...v, unit }))}
              />
              <span className="choice__icon">{unit === "km" ? <IconPin /> : <IconClock />}</span>
              <span className="choice__title">{unit === "km" ? "En km" : "En minutes"}</span>
            </label>
          ))}
        </div>
        {distanceErrors.length ? (
          <p className="field__error" id="distance-error">
            {distanceErrors[0]}
          </p>
        ) : null}
        <div className="field" style={{ marginTop: "var(--space-4)", marginBottom: 0 }}>
          <label htmlFor="distance-range" className="field__label">
            {value.unit === "km" ? "Distance au plus" : "Temps de trajet au plus"}
          </label>
          <div className="range-row">
            <input
              id="distance-range"
              type="range"
              className="range"
              min={RANGE[value.unit].min}
              max={RANGE[value.unit].max}
              step={RANGE[value.unit].step}
              value={amount}
              aria-valuetext={`${amount} ${unitWord}`}
              aria-describedby={distanceErrors.length ? "distance-error" : undefined}
              onChange={(event) => setAmount(Number(event.target.value))}
            />
            <output htmlFor="distance-range" className="range-value" aria-hidden="true">
              {amount} {value.unit === "km" ? "km" : "min"}
            </output>
          </div>
          <ul className="chips" aria-label="Choix rapides">
            {(value.unit === "km" ? KM_CHIPS : MINUTE_CHIPS).map((n) => (
              <li key={n}>
                <button type="button" className="chip" aria-pressed={amount === n} onClick={() => setAmount(n)}>
                  {n} {value.unit === "km" ? "km" : "min"}
                </button>
              </li>
            ))}
          </ul>
          {value.unit === "minutes" && value.modes.length ? (
            <p className="field__hint" style={{ marginTop: "var(--space-3)" }}>
              Cela fait environ {minutesToKm(value.minutes, value.modes)} km.
            </p>
          ) : null}
        </div>
      </fieldset>

      <RadioCards
        id="drivingLicence"
        name="drivingLicence"
        legend="Avez-vous le permis de conduire ?"
        value={value.licence}
        onChange={(licence) => update((v) => ({ ...v, licence: licence as DrivingLicence }))}
        error={messagesFor(errors, "drivingLicence")}
        options={DRIVING_LICENCES.map((l) => ({
          value: l,
          label: DRIVING_LICENCE_LABELS[l],
          hint: l === "other" ? "Poids lourd, moto…" : undefined,
          icon: <IconLicence size="1.75rem" />,
        }))}
      />

      <RadioCards
        id="hasVehicle"
        name="hasVehicle"
        legend="Avez-vous un véhicule ?"
        hint="Une voiture, un scooter ou une moto."
        value={value.vehicle}
        onChange={(vehicle) => update((v) => ({ ...v, vehicle: vehicle as MobilityValues["vehicle"] }))}
        error={messagesFor(errors, "hasVehicle")}
        columns={2}
        options={[
          { value: "yes", label: "Oui", icon: <IconCar size="1.75rem" /> },
          { value: "no", label: "Non" },
        ]}
      />
    </WizardForm>
  );
}
