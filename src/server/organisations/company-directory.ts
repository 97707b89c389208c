// The State's public company directory, "API Recherche d'entreprises"
// (https://recherche-entreprises.api.gouv.fr, no key): GET /search?q=<siret> answers
// { results: [{ siren, nom_complet, siege: {…}, matching_etablissements: [{…}] }], total_results, … }
// where each establishment has siret, etat_administratif ("A" open, "F" closed), adresse,
// numero_voie, type_voie, libelle_voie, code_postal, commune (INSEE code), libelle_commune and
// activite_principale (NAF code). A SIRET is looked up to prefill the sign-up and to refuse a
// closed establishment; when the directory cannot be reached, people type their details.

import type { Database } from "../db/client";
import { communeByInsee } from "../referentials/queries";
import { isValidSiret, normaliseSiret } from "./siret";

export const DEFAULT_COMPANY_DIRECTORY_URL = "https://recherche-entreprises.api.gouv.fr";
/** A person waits for it on the form: past this, they type their details by hand. */
export const COMPANY_DIRECTORY_TIMEOUT_MS = 3_000;

export const SIRET_CLOSED =
  "Cet établissement est fermé d'après le répertoire des entreprises (INSEE). Indiquez le SIRET d'un établissement en activité : il figure sur un bulletin de salaire récent.";

export type Establishment = {
  siret: string;
  /** the company's full name, with the establishment's sign when it has one */
  name: string;
  open: boolean;
  /** number and street, e.g. "12 RUE DENIS PAPIN" */
  addressLine: string | null;
  postcode: string | null;
  communeInsee: string | null;
  communeName: string | null;
  /** NAF code, e.g. "10.71C" */
  activityCode: string | null;
  activityLabel: string | null;
};

export type DirectoryAnswer =
  | { status: "found"; establishment: Establishment }
  | { status: "not_found" }
  | { status: "unreachable" }
  | { status: "disabled" };

/**
 * Where to look SIRETs up: COMPANY_DIRECTORY_URL ("off" turns it off); unset, the public API,
 * except in tests and on the embedded database (the demo, the end-to-end tests), which stay
 * offline unless told.
 */
export function companyDirectoryUrl(env: Record<string, string | undefined> = process.env): string | null {
  const set = env.COMPANY_DIRECTORY_URL?.trim();
  if (set) return set === "off" ? null : set.replace(/\/+$/, "");
  if (env.NODE_ENV === "test" || !env.DATABASE_URL?.trim()) return null;
  return DEFAULT_COMPANY_DIRECTORY_URL;
}

type ApiEstablishment = {
  siret?: string;
  etat_administratif?: string;
  adresse?: string | null;
  numero_voie?: string | null;
  indice_repetition?: string | null;
  type_voie?: string | null;
  libelle_voie?: string | null;
  complement_adresse?: string | null;
  code_postal?: string | null;
  commune?: string | null;
  libelle_commune?: string | null;
  activite_principale?: string | null;
  libelle_activite_principale?: string | null;
  liste_enseignes?: string[] | null;
  nom_commercial?: string | null;
};
type ApiCompany = {
  siren?: string;
  nom_complet?: string;
  nom_raison_sociale?: string | null;
  etat_administratif?: string;
  activite_principale?: string | null;
  siege?: ApiEstablishment | null;
  matching_etablissements?: ApiEstablishment[] | null;
};

// The directory's abbreviations of street types ("R", "AV", "BD"…), as the INSEE codes them.
const STREET_TYPES: Record<string, string> = {
  R: "rue", AV: "avenue", BD: "boulevard", PL: "place", RTE: "route", CHE: "chemin", IMP: "impasse", ALL: "allée",
  QUAI: "quai", QU: "quai", CRS: "cours", FG: "faubourg", PAS: "passage", SQ: "square", LD: "lieu-dit", HAM: "hameau",
  ZA: "zone artisanale", ZI: "zone industrielle", RLE: "ruelle", VOIE: "voie", CHEM: "chemin", PROM: "promenade",
};

function streetLine(e: ApiEstablishment): string | null {
  const type = e.type_voie ? (STREET_TYPES[e.type_voie.toUpperCase()] ?? e.type_voie) : null;
  const parts = [e.numero_voie, e.indice_repetition, type, e.libelle_voie].filter((p): p is string => Boolean(p && p.trim()));
  const line = parts.join(" ").replace(/\s+/g, " ").trim();
  return line ? line.slice(0, 200) : null;
}

function toEstablishment(company: ApiCompany, e: ApiEstablishment, siret: string): Establishment {
  const sign = e.liste_enseignes?.find((s) => s && s.trim()) ?? null;
  const base = (company.nom_complet || company.nom_raison_sociale || "").trim();
  const name = sign && !base.toUpperCase().includes(sign.toUpperCase()) ? `${base} (${sign})` : base;
  return {
    siret,
    name: name.replace(/[<>]/g, "").slice(0, 120),
    open: e.etat_administratif !== "F",
    addressLine: streetLine(e)?.replace(/[<>]/g, "") ?? null,
    postcode: e.code_postal ?? null,
    communeInsee: e.commune && /^[0-9][0-9AB][0-9]{3}$/.test(e.commune) ? e.commune : null,
    communeName: e.libelle_commune ?? null,
    activityCode: e.activite_principale ?? company.activite_principale ?? null,
    activityLabel: e.libelle_activite_principale ?? null,
  };
}

/** The establishment of this SIRET in a /search answer (the head office or a matching establishment). */
export function establishmentIn(body: unknown, siret: string): Establishment | null {
  const results = (body as { results?: ApiCompany[] } | null)?.results;
  if (!Array.isArray(results)) return null;
  for (const company of results) {
    const candidates = [company.siege, ...(company.matching_etablissements ?? [])];
    const e = candidates.find((c) => c && normaliseSiret(String(c.siret ?? "")) === siret);
    if (e) return toEstablishment(company, e, siret);
  }
  return null;
}

/**
 * Looks a SIRET up. Never throws: a directory that is off, slow (COMPANY_DIRECTORY_TIMEOUT_MS),
 * down or answering nonsense says so, and the person types the details by hand.
 */
export async function lookUpSiret(
  siretInput: string,
  options: { baseUrl?: string | null; timeoutMs?: number } = {},
): Promise<DirectoryAnswer> {
  const baseUrl = options.baseUrl === undefined ? companyDirectoryUrl() : options.baseUrl;
  if (!baseUrl) return { status: "disabled" };
  const siret = normaliseSiret(siretInput);
  if (!isValidSiret(siret)) return { status: "not_found" };
  const url = `${baseUrl}/search?q=${siret}&page=1&per_page=5`;
  try {
    const res = await fetch(url, {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(options.timeoutMs ?? COMPANY_DIRECTORY_TIMEOUT_MS),
    });
    if (!res.ok) return { status: "unreachable" };
    const body: unknown = await res.json();
    if (!Array.isArray((body as { results?: unknown })?.results)) return { status: "unreachable" };
    const establishment = establishmentIn(body, siret);
    return establishment ? { status: "found", establishment } : { status: "not_found" };
  } catch {
    return { status: "unreachable" };
  }
}

/** What the sign-up form shows: the directory's answer, with the commune from the referential. */
export type SiretLookup = DirectoryAnswer & {
  commune?: { insee: string; name: string; postcodes: string[] } | null;
};

export async function lookUpSiretForForm(db: Database, siret: string, options?: { baseUrl?: string | null; timeoutMs?: number }): Promise<SiretLookup> {
  const answer = await lookUpSiret(siret, options);
  if (answer.status !== "found" || !answer.establishment.communeInsee) return answer;
  const c = await communeByInsee(db, answer.establishment.communeInsee);
  return { ...answer, commune: c ? { insee: c.insee, name: c.name, postcodes: c.postcodes } : null };
}

/**
 * The directory's word on a SIRET when an organisation registers it: a closed establishment is
 * refused; unknown, unreachable or off lets the typed details through.
 */
export async function closedEstablishmentProblem(siret: string, options?: { baseUrl?: string | null; timeoutMs?: number }): Promise<string | null> {
  const answer = await lookUpSiret(siret, options);
  return answer.status === "found" && !answer.establishment.open ? SIRET_CLOSED : null;
}
