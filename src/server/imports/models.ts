// Client-safe: imported by browser code too, so it imports only other client-safe files (checked by dependency-cruiser).
// What the import page tells people about each kind of file, and the model files it offers:
// the header and first example line of the CLI fixtures (a test keeps them in step). No
// server-only imports here: the browser uses it too.
import type { ImportKind } from "./run";

/** The largest file accepted from the browser (checked on the page, then by the server). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const TOO_LARGE = "Le fichier dépasse 5 Mo : découpez-le en plusieurs fichiers.";
export const NOT_UTF8 =
  "Le fichier n'est pas en UTF-8 (les accents seraient abîmés) : enregistrez-le au format « CSV UTF-8 » puis recommencez.";

export type ImportModel = {
  /** "bénéficiaires": what the file holds, in the plural */
  label: string;
  /** one line: what a line is and which columns are required */
  description: string;
  fileName: string;
  /** header and one example line (fictitious), as in the CLI fixtures */
  text: string;
};

export const IMPORT_MODELS: Record<ImportKind, ImportModel> = {
  beneficiaries: {
    label: "bénéficiaires",
    description:
      "Une ligne par personne. Colonnes obligatoires : external_id (votre identifiant), jobs (codes ROME ou OGR séparés par |) et le lieu (commune_insee, ou postcode, ou latitude et longitude).",
    fileName: "modele-beneficiaires.csv",
    text: "external_id;first_name;last_name;email;phone;commune_insee;postcode;commune_name;latitude;longitude;jobs;skills;max_distance_km;travel_modes;driving_licence;has_vehicle;available_from;shifts;visible\nB001;Amina;Diallo;amina.diallo@example.org;06 12 34 56 78;41018;;;;;J1501|10891;107663|107747;25;public_transport|bike;none;non;2025-09-01;day|weekend;oui\n",
  },
  offers: {
    label: "offres",
    description:
      "Une ligne par offre. Colonnes obligatoires : external_id, job (un code ROME ou OGR), starts_on (AAAA-MM-JJ), l'employeur (employer_siret ou employer_name) et le lieu (commune_insee, ou postcode, ou latitude et longitude).",
    fileName: "modele-offres.csv",
    text: "job,external_id,title,employer_siret,employer_name,commune_insee,postcode,commune_name,latitude,longitude,radius_km,contract,hours_per_week,shifts,licence_required,vehicle_required,positions,starts_on,expires_on,required_skills\nJ1501,O001,,73282932000074,EHPAD Les Tilleuls,41018,,,,,30,CDI,35,day|night,no,no,2,2025-10-01,2025-12-31,107663|107747\n",
  },
  formations: {
    label: "formations",
    description:
      "Une ligne par session de formation. Colonnes obligatoires : external_id, title, starts_on (AAAA-MM-JJ) et le lieu (commune_insee, ou postcode, ou latitude et longitude).",
    fileName: "modele-formations.csv",
    text: "external_id;provider_name;title;jobs;commune_insee;postcode;commune_name;latitude;longitude;starts_on;ends_on;seats\nF001;IFSI de Blois;Diplôme d'État d'aide-soignant;J1501|10891;41018;;;;;2025-09-15;2026-06-30;12\n",
  },
};
