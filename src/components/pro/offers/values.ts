// The offer form's starting values, built on the server from what the procedures return.
import type { RouterOutputs } from "@/lib/trpc/types";
import type { OfferFormValues, PickedCommune, SkillChoice, SkillLabel } from "./OfferForm";

type OfferDetail = RouterOutputs["offers"]["get"];

const text = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n).replace(".", ","));

/** A new offer: the company's commune, the instance's radius, one post, starting today. */
export function newOfferValues(opts: { commune: PickedCommune | null; radiusKm: number; today: string }): OfferFormValues {
  return {
    title: "",
    job: null,
    commune: opts.commune,
    point: null,
    addressLine: "",
    radiusKm: text(opts.radiusKm),
    contract: "",
    hoursPerWeek: "",
    shifts: [],
    licenceRequired: false,
    vehicleRequired: false,
    positions: "1",
    startsOn: opts.today,
    expiresOn: "",
    skills: {},
    description: "",
  };
}

/** An existing offer as the form shows it. */
export function offerValues(o: OfferDetail): OfferFormValues {
  const f = o.fields;
  const skills: Record<number, SkillChoice> = {};
  for (const c of f.wishedSkills) skills[c] = "wished";
  for (const c of f.requiredSkills) skills[c] = "required";
  return {
    title: f.title,
    job: o.job ? { ogrCode: o.job.ogrCode, label: o.job.label, romeCode: o.job.romeCode } : null,
    commune: o.commune,
    point: f.point ?? null,
    addressLine: f.addressLine ?? "",
    radiusKm: text(f.radiusKm),
    contract: f.contract ?? "",
    hoursPerWeek: text(f.hoursPerWeek),
    shifts: f.shifts,
    licenceRequired: f.licenceRequired,
    vehicleRequired: f.vehicleRequired,
    positions: text(f.positions),
    startsOn: f.startsOn ?? "",
    expiresOn: f.expiresOn ?? "",
    skills,
    description: f.description ?? "",
  };
}

/** Skills on the offer that its job sheet does not list (imported offers), with their labels. */
export function otherSkillsOf(o: OfferDetail): SkillLabel[] {
  const listed = new Set([...o.jobSkills.skills, ...o.jobSkills.softSkills].map((s) => s.ogrCode));
  return [...o.fields.requiredSkills, ...o.fields.wishedSkills]
    .filter((c) => !listed.has(c) && o.skillLabels[c])
    .map((c) => ({ ogrCode: c, label: o.skillLabels[c]! }));
}
