// The words of a text message: short, the person's first name only (a phone is often shared),
// what happened in plain words, the link and the platform's name.
import { absoluteLink, platformName } from "./email";

/** "Marie, votre candidature a été lue. Voir : https://…/beneficiaire/candidatures (Emploi 41)" */
export function smsText(firstName: string, what: string, link: string): string {
  const name = firstName.trim();
  const hello = name ? `${name}, ${what.charAt(0).toLowerCase()}${what.slice(1)}` : what;
  return `${hello}. Voir : ${absoluteLink(link)} (${platformName()})`;
}
