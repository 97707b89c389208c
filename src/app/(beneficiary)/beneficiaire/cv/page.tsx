import { formatWrittenDate } from "@/lib/dates";
import { instanceTimeZone } from "@/server/config/time-zone";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { CvProgress } from "@/components/beneficiary/CvProgress";
import {
  IconCalendar,
  IconCar,
  IconDownload,
  IconGraduation,
  IconHeart,
  IconPencil,
  IconPin,
  IconTools,
  IconArrowRight,
  IconBriefcase,
  IconEye,
  IconJobSearch,
  IconUser,
} from "@/components/ui/icons";
import { PrintButton } from "@/components/beneficiary/PrintButton";
import { PhoneForm } from "@/components/cv/PhoneForm";
import { formatPhoneForPeople } from "@/lib/phone";
import { durationWords, stepHref, type WizardStep } from "@/components/cv/steps";
import { LinkButton } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { requirePageRole } from "@/server/api/session";
import { SHIFT_LABELS } from "@/server/geo/shifts";
import { DRIVING_LICENCE_LABELS, TRAVEL_MODE_LABELS } from "@/server/profiles/labels";

export const metadata: Metadata = { title: "Mon CV" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function Section({ title, icon, edit, editLabel, children }: { title: string; icon: ReactNode; edit: WizardStep["key"]; editLabel: string; children: ReactNode }) {
  return (
    <section className="cv-section" aria-label={title}>
      <div className="cv-section__head">
        <h2>
          {icon}
          <span>{title}</span>
        </h2>
        <Link href={stepHref(edit)} className="btn btn--secondary btn--small no-print">
          <IconPencil size="1.25em" />
          <span>
            Modifier<span className="sr-only"> {editLabel}</span>
          </span>
        </Link>
      </div>
      {children}
    </section>
  );
}

function Empty({ children = "Pas encore rempli." }: { children?: ReactNode }) {
  return <p className="muted">{children}</p>;
}

export default async function CvPage({ searchParams }: Props) {
  await requirePageRole(["beneficiary"], "/beneficiaire/cv");
  const { enregistre } = await searchParams;
  const { profile, completeness } = await (await serverCaller()).profile.mine();

  if (!profile) {
    return (
      <div className="readable">
        <PageHeader title="Mon CV" intro="Votre CV est encore vide." />
        <p>Répondez à quelques questions simples : où vous habitez, les métiers que vous cherchez, ce que vous savez faire.</p>
        <LinkButton href={stepHref("place")} block icon={<IconArrowRight />}>
          Commencer mon CV
        </LinkButton>
      </div>
    );
  }

  const sought = profile.jobs.filter((j) => j.kind === "sought");
  const done = profile.jobs.filter((j) => j.kind === "done");
  const skills = profile.skills.filter((s) => s.kind !== "soft_skill");
  const qualities = profile.skills.filter((s) => s.kind === "soft_skill");
  // Imported profiles hold data without steps marked as saved: show it.
  const shown = (step: string) => completeness.done.length === 0 || completeness.done.includes(step as never);

  return (
    <div className="readable">
      {enregistre === "1" ? (
        <Notice tone="success" title="Votre CV est enregistré." className="no-print">
          <p>
            <Link href="/beneficiaire/offres">Voir les offres près de chez moi</Link>
          </p>
        </Notice>
      ) : null}
      <div className="no-print">
        <PageHeader title="Mon CV" intro="Vérifiez-le, puis téléchargez-le pour l'envoyer ou l'imprimer." />
        {completeness.next ? <CvProgress completeness={completeness} compact /> : null}
        <div className="actions" style={{ marginTop: 0, marginBottom: "var(--space-5)" }}>
          <a href="/api/cv" download className="btn btn--primary btn--block">
            <IconDownload />
            <span>Télécharger mon CV (PDF)</span>
          </a>
          <PrintButton />
        </div>
      </div>

      <article className="cv-sheet" aria-labelledby="cv-name">
        <h2 id="cv-name" className="cv-sheet__name">
          {profile.firstName} {profile.lastName}
        </h2>
        <ul className="cv-sheet__contact">
          {profile.email ? (
            <li>
              <IconUser size="1.25em" />
              <span>{profile.email}</span>
            </li>
          ) : null}
          {profile.phone ? (
            <li>
              <span aria-hidden="true">☎</span>
              <span>{formatPhoneForPeople(profile.phone)}</span>
            </li>
          ) : null}
          {profile.commune ? (
            <li>
              <IconPin size="1.25em" />
              <span>
                {profile.commune.name} {profile.commune.postcodes[0] ? `(${profile.commune.postcodes[0]})` : ""}
              </span>
            </li>
          ) : null}
        </ul>
        {profile.about ? <p>{profile.about}</p> : null}

        <Section title="Métiers recherchés" icon={<IconJobSearch />} edit="jobs" editLabel="les métiers">
          {sought.length ? (
            <ul>
              {sought.map((j) => (
                <li key={`${j.romeCode}-${j.ogrCode}`}>{j.label}</li>
              ))}
            </ul>
          ) : (
            <Empty />
          )}
        </Section>

        <Section title="Expérience" icon={<IconBriefcase />} edit="jobs" editLabel="l'expérience">
          {done.length ? (
            <ul>
              {done.map((j) => (
                <li key={`${j.romeCode}-${j.ogrCode}`}>
                  {j.label}
                  {durationWords(j.years) ? ` : ${durationWords(j.years)!.toLowerCase()}` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <Empty>Aucun métier indiqué.</Empty>
          )}
        </Section>

        <Section title="Compétences" icon={<IconTools />} edit="skills" editLabel="les compétences">
          {skills.length ? (
            <ul>
              {skills.map((s) => (
                <li key={s.ogrCode}>{s.label}</li>
              ))}
            </ul>
          ) : (
            <Empty />
          )}
        </Section>

        {qualities.length ? (
          <Section title="Qualités" icon={<IconHeart />} edit="skills" editLabel="les qualités">
            <ul>
              {qualities.map((s) => (
                <li key={s.ogrCode}>{s.label}</li>
              ))}
            </ul>
          </Section>
        ) : null}

        <Section title="Formations" icon={<IconGraduation />} edit="background" editLabel="les formations">
          {profile.formations.length ? (
            <ul>
              {profile.formations.map((f, i) => (
                <li key={i}>
                  {f.title}
                  {f.year ? ` (${f.year})` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <Empty>Aucune formation indiquée.</Empty>
          )}
        </Section>

        <Section title="Déplacements" icon={<IconCar />} edit="mobility" editLabel="les déplacements">
          {shown("mobility") ? (
            <ul>
              <li>
                {profile.travelModes.map((m) => TRAVEL_MODE_LABELS[m]).join(", ") || "—"}, jusqu'à {Math.round(profile.maxDistanceKm)} km
              </li>
              <li>{DRIVING_LICENCE_LABELS[profile.drivingLicence]}</li>
              <li>{profile.hasVehicle ? "A un véhicule" : "Pas de véhicule"}</li>
            </ul>
          ) : (
            <Empty />
          )}
        </Section>

        <Section title="Disponibilités" icon={<IconCalendar />} edit="availability" editLabel="les disponibilités">
          {shown("availability") ? (
            <ul>
              <li>{profile.availableFrom ? `À partir du ${formatWrittenDate(String(profile.availableFrom), instanceTimeZone())}` : "Dès maintenant"}</li>
              <li>
                {profile.fullTime === true ? "Temps plein" : profile.fullTime === false ? "Temps partiel" : "Temps plein ou partiel"}
              </li>
              {profile.shifts.length ? <li>{profile.shifts.map((s) => SHIFT_LABELS[s]).join(", ").replace(/^./, (c) => c.toUpperCase())}</li> : null}
            </ul>
          ) : (
            <Empty />
          )}
        </Section>

        <div className="no-print">
          <Section title="Visible par les entreprises" icon={<IconEye />} edit="visibility" editLabel="la visibilité">
            <p>
              {profile.visibleToEmployers
                ? `Oui${profile.visibilityConsentAt ? `, depuis le ${formatWrittenDate(profile.visibilityConsentAt, instanceTimeZone())}` : ""}. Elles ne voient votre nom et votre contact que si vous acceptez.`
                : "Non. Les entreprises ne peuvent pas vous trouver, mais vous pouvez postuler."}
            </p>
          </Section>
        </div>
      </article>
      <section className="no-print" aria-labelledby="cv-phone-title" style={{ marginTop: "var(--space-5)" }}>
        <h2 id="cv-phone-title">Mon téléphone</h2>
        <PhoneForm phone={profile.phone ?? null} />
      </section>
    </div>
  );
}
