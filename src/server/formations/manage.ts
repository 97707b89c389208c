// What training organisations (and companies) do with their own formations: write, publish,
// close, list, and answer the people who applied. Every function is scoped to the caller's
// organisation: another organisation's formation answers as a missing one.

import { TRPCError } from "@trpc/server";
import { and, eq, inArray, sql } from "drizzle-orm";
import { formatWhen } from "../../lib/dates";
import { applications } from "../applications/schema";
import { users } from "../auth/schema";
import { recordAudit } from "../audit/record";
import { requireMembership, membershipOf, type Membership } from "../organisations/membership";
import { queryRows, uuidList, type Database } from "../db/client";
import { isInFrance } from "../geo/point";
import { instanceTimeZone, instanceToday } from "../config/time-zone";
import { haversineKm } from "../geo/distance";
import { profileJobs } from "../profiles/schema";
import { communeByInsee } from "../referentials/queries";
import { romeJobs } from "../referentials/schema";
import { FieldErrors } from "../lib/field-errors";
import type { SessionUser } from "../trpc/context";
import type { AnswerInput, SaveFormationInput } from "./inputs";
import { saveFormation } from "./save";
import { formationDeclineSentence } from "./labels";
import { tellRegistrationAnswer } from "./tidings";
import { formations, type FormationStatus } from "./schema";
import type { ApplicationStatus } from "../applications/schema";

/** How far from the commune's centre a precise place may be (a typo in the commune otherwise). */
export const MAX_POINT_FROM_COMMUNE_KM = 30;

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Formation introuvable." });
const applicationNotFound = () => new TRPCError({ code: "NOT_FOUND", message: "Candidature introuvable." });

type Tx = Database;

/** The formation row, locked for the rest of the transaction, only if it belongs to the organisation. */
async function lockOwnFormation(tx: Tx, organisationId: string, formationId: string) {
  const [row] = await tx
    .select({
      id: formations.id,
      status: formations.status,
      seats: formations.seats,
      startsOn: formations.startsOn,
      version: formations.version,
      updatedBy: formations.updatedBy,
      updatedAt: formations.updatedAt,
      providerUserId: formations.providerUserId,
      externalId: formations.externalId,
      title: formations.title,
    })
    .from(formations)
    .where(and(eq(formations.id, formationId), eq(formations.organisationId, organisationId)))
    .for("update");
  if (!row) throw notFound();
  return row;
}

/** The refusal of a save made from an older version: who changed the formation in between, and when. */
async function conflictError(tx: Tx, user: SessionUser, row: { updatedBy: string | null; updatedAt: Date }): Promise<TRPCError> {
  let who = "par quelqu'un d'autre";
  if (row.updatedBy === user.id) who = "par vous (dans une autre fenêtre ou un autre onglet)";
  else if (row.updatedBy) {
    const [u] = await tx.select({ firstName: users.firstName, lastName: users.lastName }).from(users).where(eq(users.id, row.updatedBy));
    const name = u ? `${u.firstName} ${u.lastName}`.trim() : "";
    if (name) who = `par ${name}`;
  }
  return new TRPCError({
    code: "CONFLICT",
    message:
      `Cette formation a été modifiée ${who} ${formatWhen(row.updatedAt, instanceTimeZone())}, pendant que vous la modifiiez. ` +
      "Ces changements n'ont pas été écrasés, et les vôtres n'ont pas été enregistrés : rechargez la page pour voir la dernière version, puis refaites vos changements.",
  });
}

async function admittedCount(tx: Tx, formationId: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from applications where formation_id = ${formationId} and status = 'hired'`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** A published formation whose seats are all given is full; a full one with a seat free again is published. */
export function statusForSeats(status: FormationStatus, seats: number | null, admitted: number): FormationStatus {
  if (status === "published" && seats !== null && admitted >= seats) return "full";
  if (status === "full" && (seats === null || admitted < seats)) return "published";
  return status;
}

// ------------------------------------------------------------------ save, publish, close

/**
 * Creates or updates a formation of the caller's organisation. A new one is a draft unless
 * `publish` is set. An update must carry the version it was read at: if someone saved in
 * between, CONFLICT and nothing is written.
 */
export async function saveOwnFormation(db: Database, user: SessionUser, input: SaveFormationInput) {
  const m = await requireMembership(db, user);
  if (input.id && input.version === undefined) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Rechargez la page avant d'enregistrer (version manquante)." });
  }
  const errors: Record<string, string[]> = {};

  // The referential: the commune and each job must exist.
  const commune = await communeByInsee(db, input.communeInsee);
  if (!commune) errors.communeInsee = ["Cette commune n'existe pas : choisissez-la dans la liste."];
  const codes = [...new Set(input.romeCodes)];
  const known = new Set(
    (await db.select({ code: romeJobs.code }).from(romeJobs).where(inArray(romeJobs.code, codes))).map((r) => r.code),
  );
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length) {
    errors.romeCodes = [
      `${unknown.length > 1 ? "Ces métiers sont inconnus" : "Ce métier est inconnu"} (${unknown.join(", ")}) : choisissez-le dans la liste.`,
    ];
  }
  if (input.precisePoint) {
    if (!isInFrance(input.precisePoint)) errors.precisePoint = ["Cette position n'est pas en France."];
    else if (commune && haversineKm(commune, input.precisePoint) > MAX_POINT_FROM_COMMUNE_KM) {
      errors.precisePoint = [
        `Ce lieu est à plus de ${MAX_POINT_FROM_COMMUNE_KM} km de ${commune.name} : vérifiez la commune, ou retirez la position précise.`,
      ];
    }
  }
  if (input.endsOn < input.startsOn) errors.endsOn = ["La date de fin doit être le jour du début ou après."];

  const today = instanceToday();
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const existing = input.id ? await lockOwnFormation(tx, m.employerId, input.id) : null;
    // Someone saved since this form was loaded: nothing is written, they are named.
    if (existing && existing.version !== input.version) throw await conflictError(tx, user, existing);
    const admitted = existing ? await admittedCount(tx, existing.id) : 0;

    let status: FormationStatus = existing?.status ?? "draft";
    const publishing = Boolean(input.publish) && (status === "draft" || status === "closed");
    if (publishing) status = "published";

    // A start in the past: refused for a new formation, when publishing, and when moving the
    // start of a published one (an ongoing session may still be corrected otherwise).
    const live = status === "published" || status === "full";
    const checkPast = !existing || publishing || (live && existing.startsOn !== input.startsOn);
    if (checkPast && input.startsOn < today && !errors.startsOn) {
      errors.startsOn = ["Cette date est passée : choisissez aujourd'hui ou une date à venir."];
    }
    if (input.seats < admitted) {
      errors.seats = [
        `Vous avez déjà confirmé ${admitted} inscription${admitted > 1 ? "s" : ""} : gardez au moins ${admitted} place${admitted > 1 ? "s" : ""}.`,
      ];
    }
    if (Object.keys(errors).length) throw new FieldErrors(errors);

    status = statusForSeats(status, input.seats, admitted);
    const saved = await saveFormation(
      tx,
      {
        externalId: existing?.externalId ?? null,
        providerName: m.name,
        providerUserId: existing ? existing.providerUserId : user.id,
        organisationId: m.employerId,
        title: input.title,
        description: input.description ?? null,
        romeCodes: codes,
        communeInsee: commune!.insee,
        point: input.precisePoint ?? { lat: commune!.lat, lng: commune!.lng },
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        seats: input.seats,
        prerequisites: input.prerequisites ?? null,
        costEuros: input.costEuros ?? null,
        funding: input.funding ?? null,
        updatedBy: user.id,
        status,
      },
      existing?.id,
      existing ? { expectedVersion: input.version } : {},
    );
    await recordAudit(tx, {
      actorId: user.id,
      action: saved.created ? "formation.create" : "formation.update",
      subjectType: "formation",
      subjectId: saved.id,
      details: { organisationId: m.employerId, status, ...(publishing ? { published: true } : {}) },
    });
    return { id: saved.id, version: saved.version, status };
  });
}

/** Publishes a draft (or reopens a closed formation): the start must not be past. */
export async function publishOwnFormation(db: Database, user: SessionUser, formationId: string) {
  const m = await requireMembership(db, user);
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const f = await lockOwnFormation(tx, m.employerId, formationId);
    if (f.status === "published" || f.status === "full") {
      throw new FieldErrors({ _: ["Cette formation est déjà publiée."] });
    }
    if (f.startsOn < instanceToday()) {
      throw new FieldErrors({ startsOn: ["La date de début est passée : modifiez les dates avant de publier."] });
    }
    const status = statusForSeats("published", f.seats, await admittedCount(tx, f.id));
    const [row] = await tx
      .update(formations)
      .set({ status, version: sql`${formations.version} + 1`, updatedBy: user.id, updatedAt: new Date() })
      .where(eq(formations.id, f.id))
      .returning({ version: formations.version });
    await recordAudit(tx, { actorId: user.id, action: "formation.publish", subjectType: "formation", subjectId: f.id, details: { status } });
    return { id: f.id, status, version: row!.version };
  });
}

/** Closes a formation: it stops taking applications and leaves the beneficiaries' lists. */
export async function closeOwnFormation(db: Database, user: SessionUser, formationId: string) {
  const m = await requireMembership(db, user);
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const f = await lockOwnFormation(tx, m.employerId, formationId);
    if (f.status === "closed") throw new FieldErrors({ _: ["Cette formation est déjà fermée."] });
    const [row] = await tx
      .update(formations)
      .set({ status: "closed", version: sql`${formations.version} + 1`, updatedBy: user.id, updatedAt: new Date() })
      .where(eq(formations.id, f.id))
      .returning({ version: formations.version });
    await recordAudit(tx, { actorId: user.id, action: "formation.close", subjectType: "formation", subjectId: f.id, details: { from: f.status } });
    return { id: f.id, status: "closed" as const, version: row!.version };
  });
}

// ------------------------------------------------------------------ reading

export type OwnFormationListItem = {
  id: string;
  title: string;
  status: FormationStatus;
  communeName: string;
  startsOn: string;
  endsOn: string | null;
  seats: number | null;
  /** seats minus confirmed registrations (null when the number of seats is unknown) */
  seatsLeft: number | null;
  /** applications not withdrawn */
  applications: number;
  /** applications nobody has answered yet */
  newApplications: number;
  /** confirmed registrations ("hired") */
  admitted: number;
  /** its last day is past */
  finished: boolean;
  updatedAt: Date;
};

const countsSql = sql`
  (select count(*)::int from applications a where a.formation_id = f.id and a.status <> 'withdrawn') as applications,
  (select count(*)::int from applications a where a.formation_id = f.id and a.status = 'sent') as new_applications,
  (select count(*)::int from applications a where a.formation_id = f.id and a.status = 'hired') as admitted,
  coalesce(f.ends_on, f.starts_on) < current_date as finished`;

function toListItem(r: Record<string, unknown>): OwnFormationListItem {
  const seats = r.seats === null ? null : Number(r.seats);
  const admitted = Number(r.admitted);
  return {
    id: String(r.id),
    title: String(r.title),
    status: r.status as FormationStatus,
    communeName: String(r.commune_name ?? ""),
    startsOn: String(r.starts_on),
    endsOn: r.ends_on === null ? null : String(r.ends_on),
    seats,
    seatsLeft: seats === null ? null : Math.max(0, seats - admitted),
    applications: Number(r.applications),
    newApplications: Number(r.new_applications),
    admitted,
    finished: r.finished === true || r.finished === "t",
    updatedAt: r.updated_at instanceof Date ? r.updated_at : new Date(String(r.updated_at)),
  };
}

/** The caller's organisation and its formations (an account without one gets organisation: null). */
export async function listOwnFormations(
  db: Database,
  user: SessionUser,
): Promise<{ organisation: Membership | null; formations: OwnFormationListItem[] }> {
  const m = await membershipOf(db, user.id);
  if (!m) return { organisation: null, formations: [] };
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select f.id, f.title, f.status, c.name as commune_name, f.starts_on::text as starts_on, f.ends_on::text as ends_on,
        f.seats, f.updated_at, ${countsSql}
      from formations f left join communes c on c.insee = f.commune_insee
      where f.organisation_id = ${m.employerId}
      order by case f.status when 'published' then 0 when 'full' then 1 when 'draft' then 2 else 3 end,
        f.starts_on, f.title, f.id`,
  );
  return { organisation: m, formations: rows.map(toListItem) };
}

export type OwnFormation = OwnFormationListItem & {
  version: number;
  description: string | null;
  jobs: { romeCode: string; label: string }[];
  commune: { insee: string; name: string; postcodes: string[] } | null;
  /** where it takes place, when it is not the commune's centre */
  precisePoint: { lat: number; lng: number } | null;
  prerequisites: string | null;
  costEuros: number | null;
  funding: string | null;
  providerName: string;
};

/** One formation of the caller's organisation, everything the edit form and the detail page need. */
export async function getOwnFormation(db: Database, user: SessionUser, formationId: string): Promise<OwnFormation> {
  const m = await requireMembership(db, user);
  const [r] = await queryRows<Record<string, unknown>>(
    db,
    sql`select f.id, f.title, f.status, c.name as commune_name, f.starts_on::text as starts_on, f.ends_on::text as ends_on,
        f.seats, f.updated_at, ${countsSql},
        f.version, f.description, f.rome_codes, f.commune_insee, c.postcodes, f.prerequisites, f.cost_euros, f.funding,
        f.provider_name, ST_Y(f.location::geometry) as lat, ST_X(f.location::geometry) as lng,
        coalesce(ST_Distance(f.location, c.location, false), 0) as from_centre_m
      from formations f left join communes c on c.insee = f.commune_insee
      where f.id = ${formationId} and f.organisation_id = ${m.employerId}`,
  );
  if (!r) throw notFound();
  const codes = (r.rome_codes as string[]) ?? [];
  const labels = codes.length
    ? new Map(
        (await db.select({ code: romeJobs.code, label: romeJobs.label }).from(romeJobs).where(inArray(romeJobs.code, codes))).map(
          (j) => [j.code, j.label],
        ),
      )
    : new Map<string, string>();
  return {
    ...toListItem(r),
    version: Number(r.version),
    description: (r.description as string | null) ?? null,
    jobs: codes.map((code) => ({ romeCode: code, label: labels.get(code) ?? code })),
    commune: r.commune_name
      ? { insee: String(r.commune_insee), name: String(r.commune_name), postcodes: (r.postcodes as string[]) ?? [] }
      : null,
    precisePoint: Number(r.from_centre_m) > 1 ? { lat: Number(r.lat), lng: Number(r.lng) } : null,
    prerequisites: (r.prerequisites as string | null) ?? null,
    costEuros: r.cost_euros === null ? null : Number(r.cost_euros),
    funding: (r.funding as string | null) ?? null,
    providerName: String(r.provider_name),
  };
}

// ------------------------------------------------------------------ applicants

export type FormationApplicant = {
  applicationId: string;
  status: ApplicationStatus;
  /** a decline reason code (see labels.ts) */
  statusReason: string | null;
  message: string | null;
  appliedAt: Date;
  answeredAt: Date;
  /** identity and CV: shared by applying; hidden again once the person withdrew */
  person: {
    firstName: string;
    lastName: string;
    email: string | null;
    phone: string | null;
    communeName: string;
    drivingLicence: string | null;
    hasVehicle: boolean | null;
    availableFrom: string | null;
    about: string | null;
    soughtJobs: string[];
    doneJobs: { label: string; years: number | null }[];
    formations: { title: string; year: number | null; completed: boolean }[];
  };
};

/**
 * The people who applied to one of the organisation's formations. Applying shares one's CV
 * with the organisation, so it sees who they are and how to reach them.
 */
export async function formationApplicants(db: Database, user: SessionUser, formationId: string): Promise<FormationApplicant[]> {
  const m = await requireMembership(db, user);
  const [own] = await db
    .select({ id: formations.id })
    .from(formations)
    .where(and(eq(formations.id, formationId), eq(formations.organisationId, m.employerId)))
    .limit(1);
  if (!own) throw notFound();
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select a.id, a.status, a.status_reason, a.message, a.created_at, a.updated_at, p.id as profile_id,
        p.first_name, p.last_name, coalesce(p.email, u.email) as email, p.phone, c.name as commune_name,
        p.driving_licence, p.has_vehicle, p.available_from::text as available_from, p.about
      from applications a
        join beneficiary_profiles p on p.id = a.profile_id
        left join users u on u.id = p.user_id
        left join communes c on c.insee = p.commune_insee
      where a.formation_id = ${formationId}
      order by (a.status = 'withdrawn'), a.created_at desc, a.id`,
  );
  const profileIds = rows.filter((r) => r.status !== "withdrawn").map((r) => String(r.profile_id));
  const jobs = profileIds.length
    ? await db.select().from(profileJobs).where(inArray(profileJobs.profileId, profileIds))
    : [];
  const trainings = profileIds.length
    ? await queryRows<Record<string, unknown>>(
        db,
        sql`select profile_id, title, year, completed from profile_formations
          where profile_id in (${uuidList(profileIds)}) order by year nulls last, title`,
      )
    : [];
  const toDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
  return rows.map((r) => {
    const withdrawn = r.status === "withdrawn";
    const pid = String(r.profile_id);
    const mine = withdrawn ? [] : jobs.filter((j) => j.profileId === pid);
    return {
      applicationId: String(r.id),
      status: r.status as ApplicationStatus,
      statusReason: (r.status_reason as string | null) ?? null,
      message: withdrawn ? null : ((r.message as string | null) ?? null),
      appliedAt: toDate(r.created_at),
      answeredAt: toDate(r.updated_at),
      person: withdrawn
        ? {
            firstName: String(r.first_name),
            lastName: String(r.last_name) ? `${String(r.last_name).slice(0, 1)}.` : "",
            email: null,
            phone: null,
            communeName: "",
            drivingLicence: null,
            hasVehicle: null,
            availableFrom: null,
            about: null,
            soughtJobs: [],
            doneJobs: [],
            formations: [],
          }
        : {
            firstName: String(r.first_name),
            lastName: String(r.last_name),
            email: (r.email as string | null) ?? null,
            phone: (r.phone as string | null) ?? null,
            communeName: String(r.commune_name ?? ""),
            drivingLicence: (r.driving_licence as string | null) ?? null,
            hasVehicle: r.has_vehicle === null ? null : Boolean(r.has_vehicle),
            availableFrom: (r.available_from as string | null) ?? null,
            about: (r.about as string | null) ?? null,
            soughtJobs: mine.filter((j) => j.kind === "sought").map((j) => j.label),
            doneJobs: mine.filter((j) => j.kind === "done").map((j) => ({ label: j.label, years: j.years })),
            formations: trainings
              .filter((t) => String(t.profile_id) === pid)
              .map((t) => ({ title: String(t.title), year: t.year === null ? null : Number(t.year), completed: Boolean(t.completed) })),
          },
    };
  });
}

/**
 * The organisation answers an application: seen, information interview, registration
 * confirmed ("hired"), or declined with a reason the person reads in kind words. Confirming
 * the last seat makes a published formation full in the same transaction (and undoing a
 * confirmation frees the seat again).
 */
export async function answerApplication(db: Database, user: SessionUser, input: AnswerInput) {
  const m = await requireMembership(db, user);
  if (input.status === "declined" && !input.reason) {
    throw new FieldErrors({ reason: ["Choisissez la raison : la personne la lira, en mots bienveillants."] });
  }
  const [app] = await db
    .select({ id: applications.id, formationId: applications.formationId })
    .from(applications)
    .innerJoin(formations, eq(formations.id, applications.formationId))
    .where(and(eq(applications.id, input.applicationId), eq(formations.organisationId, m.employerId)))
    .limit(1);
  if (!app?.formationId) throw applicationNotFound();
  const formationId = app.formationId;

  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    // The formation row is the lock that serialises seat counting.
    const f = await lockOwnFormation(tx, m.employerId, formationId);
    const [current] = await tx
      .select({ status: applications.status })
      .from(applications)
      .where(eq(applications.id, app.id))
      .limit(1);
    if (!current) throw applicationNotFound();
    if (current.status === "withdrawn") {
      throw new FieldErrors({ _: ["La personne a retiré sa demande : vous ne pouvez plus y répondre."] });
    }
    let admitted = await admittedCount(tx, f.id);
    if (input.status === "hired" && current.status !== "hired") {
      if (f.seats !== null && admitted >= f.seats) {
        throw new FieldErrors({
          _: ["La session est complète : toutes les places sont prises. Ajoutez des places à la formation pour confirmer une autre inscription."],
        });
      }
      admitted++;
    } else if (input.status !== "hired" && current.status === "hired") {
      admitted--;
    }
    await tx
      .update(applications)
      .set({ status: input.status, statusReason: input.status === "declined" ? input.reason! : null, updatedAt: new Date() })
      .where(eq(applications.id, app.id));
    const status = statusForSeats(f.status, f.seats, admitted);
    if (status !== f.status) {
      await tx
        .update(formations)
        .set({ status, version: sql`${formations.version} + 1`, updatedBy: user.id, updatedAt: new Date() })
        .where(eq(formations.id, f.id));
    }
    await recordAudit(tx, {
      actorId: user.id,
      action: "formation.application_answer",
      subjectType: "application",
      subjectId: app.id,
      details: { formationId: f.id, from: current.status, to: input.status, reason: input.reason ?? null },
    });
    if (input.status === "hired" && current.status !== "hired") await tellRegistrationAnswer(tx, app.id, { kind: "confirmed" });
    if (input.status === "declined" && current.status !== "declined") {
      await tellRegistrationAnswer(tx, app.id, { kind: "declined", wording: formationDeclineSentence(input.reason) });
    }
    return {
      applicationId: app.id,
      status: input.status,
      formationStatus: status,
      seatsLeft: f.seats === null ? null : Math.max(0, f.seats - admitted),
    };
  });
}
