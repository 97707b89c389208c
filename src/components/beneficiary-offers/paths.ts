/** Where the CV wizard starts, and where a person finds what they applied to. */
export const CV_START_PATH = "/beneficiaire/cv/modifier/lieu";
export const APPLICATIONS_PATH = "/beneficiaire/candidatures";
