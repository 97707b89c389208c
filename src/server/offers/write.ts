import { TRPCError } from "@trpc/server";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { users } from "../auth/schema";
import { requireMembership } from "../organisations/membership";
import { queryRows, type Database } from "../db/client";
import { isInFrance, type LngLat } from "../geo/point";
import { shiftsToMask } from "../geo/shifts";
import { geographySql, projectedSql } from "../geo/sql";
import { formatWhen } from "../../lib/dates";
import { loadInstanceConfig } from "../config/config";
import { instanceTimeZone, instanceToday } from "../config/time-zone";
import { offerForCaller } from "./access";
import { communeByInsee, nearestCommune, resolveJobCodes, romeJobItems } from "../referentials/queries";
import { FieldErrors } from "../lib/field-errors";
import { consumeRateLimit, RATE_LIMITS } from "../ratelimit/limits";
import type { SessionUser } from "../trpc/context";
import type { OfferFields } from "./inputs";
import { offers, type Contract, type OfferStatus } from "./schema";
import { defaultExpiry, MESSAGES, validateOfferFields } from "./validate";
import { fromRow, nameOf, notFound, openSql } from "./read";

// Employers create, edit, publish, pause and close their offers. Every recruiter of a company
// manages all its offers; another company's offer answers as a missing one (offerForCaller).
// How a draft is stored: see read.ts (fromRow) and toColumns below.

type Resolved = {
  title: string;
  romeCode: string;
  ogrCode: number;
  communeInsee: string;
  point: LngLat | null;
  addressLine: string | null;
  radiusKm: number;
  contract: Contract | "";
  hoursPerWeek: number | null;
  shifts: number;
  licenceRequired: boolean;
  vehicleRequired: boolean;
  positions: number;
  startsOn: string;
  expiresOn: string | null;
  requiredSkills: number[];
  wishedSkills: number[];
  description: string | null;
};

type ResolveOptions = {
  mode: "draft" | "publish";
  today: string;
  keptDates?: { startsOn: string | null; expiresOn: string | null };
  /** skills already on the offer: kept even when they are not in the job sheet (imported offers) */
  keptSkills?: number[];
};

/** Checks the fields against the rules and the referential; throws every field's message at once. */
async function resolveFields(db: Database, f: OfferFields, opts: ResolveOptions): Promise<Resolved> {
  const errors = validateOfferFields(f, opts);
  const add = (field: string, message: string) => {
    if (!errors[field]) errors[field] = [message];
  };

  let job: { romeCode: string; ogrCode: number; label: string } | null = null;
  const code = f.jobCode?.trim();
  if (code) {
    const found = (await resolveJobCodes(db, [code])).get(code);
    if (!found) add("jobCode", MESSAGES.job);
    else job = { romeCode: found.romeCode, ogrCode: found.ogrCode ?? 0, label: found.label };
  }

  let communeInsee = "";
  let point: LngLat | null = null;
  if (f.point && !isInFrance(f.point)) {
    add("communeInsee", "Cette position n'est pas en France : choisissez la commune dans la liste.");
  } else if (f.communeInsee?.trim()) {
    const c = /^[0-9AB]{5}$/.test(f.communeInsee) ? await communeByInsee(db, f.communeInsee) : null;
    if (!c) add("communeInsee", "Choisissez la commune dans la liste.");
    else {
      communeInsee = c.insee;
      point = f.point ?? { lat: c.lat, lng: c.lng };
    }
  } else if (f.point) {
    const c = await nearestCommune(db, f.point);
    if (!c) add("communeInsee", MESSAGES.commune);
    else {
      communeInsee = c.insee;
      point = f.point;
    }
  }

  const skillsGiven = f.requiredSkills.length + f.wishedSkills.length > 0;
  // (with an unknown job, its message is enough: the skills are checked once the job is right)
  if (skillsGiven && !(code && !job)) {
    const allowed = new Set(opts.keptSkills ?? []);
    if (job) {
      const items = await romeJobItems(db, job.romeCode);
      for (const i of [...items.skills, ...items.softSkills, ...items.knowledge]) allowed.add(i.ogrCode);
    }
    if (f.requiredSkills.some((c) => !allowed.has(c))) add("requiredSkills", MESSAGES.skillsUnknown);
    if (f.wishedSkills.some((c) => !allowed.has(c))) add("wishedSkills", MESSAGES.skillsUnknown);
  }

  if (Object.keys(errors).length) throw new FieldErrors(errors);

  const sorted = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
  return {
    title: f.title.trim() || job?.label || "",
    romeCode: job?.romeCode ?? "",
    ogrCode: job?.ogrCode ?? 0,
    communeInsee,
    point,
    addressLine: f.addressLine?.trim() || null,
    radiusKm: f.radiusKm ?? loadInstanceConfig().defaultTravelRadiusKm,
    contract: f.contract ?? "",
    hoursPerWeek: f.hoursPerWeek ?? null,
    shifts: shiftsToMask(f.shifts),
    licenceRequired: f.licenceRequired,
    vehicleRequired: f.vehicleRequired,
    positions: f.positions ?? 1,
    startsOn: f.startsOn ?? opts.today,
    expiresOn: f.expiresOn ?? (opts.mode === "publish" ? defaultExpiry(f.startsOn ?? opts.today, opts.today) : null),
    requiredSkills: sorted(f.requiredSkills),
    wishedSkills: sorted(f.wishedSkills),
    description: f.description?.trim() || null,
  };
}

/** Where a draft without a place is put (never read back): the company's point, or the middle of the département. */
async function placeholderPoint(db: Database, employerId: string): Promise<LngLat> {
  const deps = loadInstanceConfig().departements;
  const [r] = await queryRows<{ lat: number | null; lng: number | null }>(
    db,
    sql`select ST_Y(p::geometry) as lat, ST_X(p::geometry) as lng from (
      select coalesce(
        (select e.location from employers e where e.id = ${employerId}),
        (select c.location from employers e join communes c on c.insee = e.commune_insee where e.id = ${employerId}),
        (select ST_Centroid(ST_Collect(c.location::geometry))::geography from communes c
          where c.departement in (${sql.join(deps.map((d) => sql`${d}`), sql`, `)}))
      ) as p) x`,
  );
  return r?.lat != null && r.lng != null ? { lat: Number(r.lat), lng: Number(r.lng) } : { lat: 47.59, lng: 1.33 };
}

async function toColumns(db: Database, v: Resolved, employerId: string) {
  const point = v.point ?? (await placeholderPoint(db, employerId));
  return {
    title: v.title,
    romeCode: v.romeCode,
    ogrCode: v.ogrCode,
    requiredSkills: v.requiredSkills,
    wishedSkills: v.wishedSkills,
    description: v.description,
    communeInsee: v.communeInsee,
    location: geographySql(point) as never,
    locationProj: projectedSql(point) as never,
    addressLine: v.addressLine,
    radiusKm: v.radiusKm,
    contract: v.contract as Contract,
    hoursPerWeek: v.hoursPerWeek,
    shifts: v.shifts,
    licenceRequired: v.licenceRequired,
    vehicleRequired: v.vehicleRequired,
    positions: v.positions,
    startsOn: v.startsOn,
    expiresOn: v.expiresOn,
  };
}

type Current = {
  id: string;
  employerId: string;
  status: OfferStatus;
  version: number;
  startsOn: string;
  expiresOn: string | null;
  requiredSkills: number[];
  wishedSkills: number[];
};

/** The offer as stored, after checking it belongs to the caller's company. */
async function currentOffer(db: Database, user: SessionUser, offerId: string): Promise<Current> {
  const id = await offerForCaller(db, user, offerId);
  const [o] = await db
    .select({
      id: offers.id,
      employerId: offers.employerId,
      status: offers.status,
      version: offers.version,
      startsOn: offers.startsOn,
      expiresOn: offers.expiresOn,
      requiredSkills: offers.requiredSkills,
      wishedSkills: offers.wishedSkills,
    })
    .from(offers)
    .where(eq(offers.id, id))
    .limit(1);
  if (!o) throw notFound();
  return o;
}

/** The refusal of a save made from an older version: who changed the offer, and when. */
async function conflictError(db: Database, user: SessionUser, offerId: string): Promise<TRPCError> {
  const [r] = await db
    .select({ updatedBy: offers.updatedBy, updatedAt: offers.updatedAt, firstName: users.firstName, lastName: users.lastName })
    .from(offers)
    .leftJoin(users, eq(users.id, offers.updatedBy))
    .where(eq(offers.id, offerId))
    .limit(1);
  if (!r) return notFound();
  const when = formatWhen(r.updatedAt, instanceTimeZone());
  const who =
    r.updatedBy === user.id
      ? "par vous (dans une autre fenêtre ou un autre onglet)"
      : nameOf(r.firstName, r.lastName)
        ? `par ${nameOf(r.firstName, r.lastName)}`
        : "par quelqu'un d'autre";
  return new TRPCError({
    code: "CONFLICT",
    message: `Cette offre a été modifiée ${who} ${when}, pendant que vous la modifiiez. Rechargez la page pour voir ces changements : les vôtres n'ont pas été enregistrés.`,
  });
}

const CLOSED_MESSAGE = "Cette offre est terminée (pourvue ou clôturée) : dupliquez-la pour la publier de nouveau.";

type Written = { id: string; version: number; status: OfferStatus };

/** Creates a draft, or publishes a new offer straight away. */
async function createOffer(db: Database, user: SessionUser, f: OfferFields, publish: boolean): Promise<Written> {
  const m = await requireMembership(db, user);
  if (m.kind !== "company") throw new TRPCError({ code: "FORBIDDEN", message: "Seules les entreprises publient des offres d'emploi." });
  const today = instanceToday();
  const v = await resolveFields(db, f, { mode: publish ? "publish" : "draft", today });
  const columns = await toColumns(db, v, m.employerId);
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [row] = await tx
      .insert(offers)
      .values({
        ...columns,
        employerId: m.employerId,
        status: publish ? "published" : "draft",
        publishedAt: publish ? new Date() : null,
        createdBy: user.id,
        updatedBy: user.id,
      })
      .returning({ id: offers.id, version: offers.version, status: offers.status });
    await recordAudit(tx, {
      actorId: user.id,
      action: publish ? "offer.publish" : "offer.create",
      subjectType: "offer",
      subjectId: row!.id,
      details: { version: row!.version },
    });
    return row!;
  });
}

/**
 * Saves the form over an existing offer, from the version the form loaded. A draft keeps the
 * draft rules (unless `publish`); a published or paused offer must stay complete. A save from
 * an older version changes nothing and answers CONFLICT.
 */
async function writeOffer(
  db: Database,
  user: SessionUser,
  offerId: string,
  version: number,
  f: OfferFields,
  publish: boolean,
): Promise<Written> {
  const cur = await currentOffer(db, user, offerId);
  if (cur.version !== version) throw await conflictError(db, user, cur.id);
  if (cur.status === "filled" || cur.status === "closed") throw new FieldErrors({ _: [CLOSED_MESSAGE] });
  if (publish && cur.status !== "draft") throw new FieldErrors({ _: ["Cette offre est déjà publiée."] });
  const draft = cur.status === "draft" && !publish;
  const v = await resolveFields(db, f, {
    mode: draft ? "draft" : "publish",
    today: instanceToday(),
    keptDates: cur.status === "draft" ? undefined : { startsOn: cur.startsOn, expiresOn: cur.expiresOn },
    keptSkills: [...cur.requiredSkills, ...cur.wishedSkills],
  });
  const columns = await toColumns(db, v, cur.employerId);
  if (cur.status === "published" || cur.status === "paused") {
    // a published offer's place may change only a few times a day (see RATE_LIMITS.offerPlaceChange)
    const [m] = await queryRows<{ moved: boolean }>(
      db,
      sql`select (commune_insee is distinct from ${v.communeInsee}
          or ST_Distance(location, ${columns.location as unknown as SQL}, false) > 1) as moved
        from offers where id = ${cur.id}::uuid`,
    );
    if (m?.moved) await consumeRateLimit(db, RATE_LIMITS.offerPlaceChange, cur.id);
  }
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [row] = await tx
      .update(offers)
      .set({
        ...columns,
        ...(publish ? { status: "published" as const, publishedAt: sql`coalesce(${offers.publishedAt}, now())` } : {}),
        version: sql`${offers.version} + 1`,
        updatedBy: user.id,
        updatedAt: new Date(),
      })
      .where(and(eq(offers.id, cur.id), eq(offers.version, version)))
      .returning({ id: offers.id, version: offers.version, status: offers.status });
    if (!row) throw await conflictError(tx, user, cur.id);
    await recordAudit(tx, {
      actorId: user.id,
      action: publish ? "offer.publish" : "offer.update",
      subjectType: "offer",
      subjectId: cur.id,
      details: { version: row.version },
    });
    return row;
  });
}

/** "Enregistrer le brouillon": a new draft, or the edits of a draft (an offer already published keeps the publishing rules). */
export async function saveDraft(db: Database, user: SessionUser, input: OfferFields & { offerId?: string; version?: number }) {
  const { offerId, version, ...f } = input;
  if (!offerId) return createOffer(db, user, f, false);
  if (version === undefined) throw new FieldErrors({ _: ["Rechargez la page avant d'enregistrer."] });
  return writeOffer(db, user, offerId, version, f, false);
}

/** "Enregistrer les modifications" of an offer, from the version the form loaded. */
export async function updateOffer(db: Database, user: SessionUser, input: OfferFields & { offerId: string; version: number }) {
  const { offerId, version, ...f } = input;
  return writeOffer(db, user, offerId, version, f, false);
}

/** "Publier l'offre" from the form: a new offer, or a draft with what the form holds. */
export async function publishFromForm(db: Database, user: SessionUser, input: OfferFields & { offerId?: string; version?: number }) {
  const { offerId, version, ...f } = input;
  if (!offerId) return createOffer(db, user, f, true);
  if (version === undefined) throw new FieldErrors({ _: ["Rechargez la page avant de publier."] });
  return writeOffer(db, user, offerId, version, f, true);
}

// ------------------------------------------------------------------ status

export type StatusAction = "publish" | "pause" | "resume" | "markFilled" | "close";

const TRANSITIONS: Record<StatusAction, { from: OfferStatus[]; to: OfferStatus; refused: string; audit: string }> = {
  publish: { from: ["draft"], to: "published", refused: "Seul un brouillon peut être publié.", audit: "offer.publish" },
  pause: { from: ["published"], to: "paused", refused: "Seule une offre publiée peut être mise en pause.", audit: "offer.pause" },
  resume: { from: ["paused"], to: "published", refused: "Seule une offre en pause peut être remise en ligne.", audit: "offer.resume" },
  markFilled: {
    from: ["published", "paused"],
    to: "filled",
    refused: "Seule une offre publiée ou en pause peut être marquée pourvue.",
    audit: "offer.fill",
  },
  close: {
    from: ["published", "paused"],
    to: "closed",
    refused: "Seule une offre publiée ou en pause peut être clôturée.",
    audit: "offer.close",
  },
};

/** Publish a stored draft, pause, resume, mark filled or close: from the version the page showed. */
export async function changeStatus(
  db: Database,
  user: SessionUser,
  input: { offerId: string; version: number },
  action: StatusAction,
): Promise<Written> {
  const t = TRANSITIONS[action];
  const cur = await currentOffer(db, user, input.offerId);
  if (cur.version !== input.version) throw await conflictError(db, user, cur.id);
  if (!t.from.includes(cur.status)) throw new FieldErrors({ _: [t.refused] });
  if (action === "publish") {
    // The draft as stored must hold everything the matcher needs.
    const [row] = await queryRows(
      db,
      sql`select o.*, o.starts_on::text as starts_on_text, o.expires_on::text as expires_on_text from offers o where o.id = ${cur.id}`,
    );
    const f = fromRow(row!);
    // a stored place without a commune is a placeholder; with one, its point is kept as it is
    const v = await resolveFields(db, { ...f, point: null }, { mode: "publish", today: instanceToday(), keptSkills: [...cur.requiredSkills, ...cur.wishedSkills] });
    return db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Database;
      const [done] = await tx
        .update(offers)
        .set({
          title: v.title,
          expiresOn: v.expiresOn,
          status: "published",
          publishedAt: sql`coalesce(${offers.publishedAt}, now())`,
          version: sql`${offers.version} + 1`,
          updatedBy: user.id,
          updatedAt: new Date(),
        })
        .where(and(eq(offers.id, cur.id), eq(offers.version, input.version), eq(offers.status, "draft")))
        .returning({ id: offers.id, version: offers.version, status: offers.status });
      if (!done) throw await conflictError(tx, user, cur.id);
      await recordAudit(tx, { actorId: user.id, action: t.audit, subjectType: "offer", subjectId: cur.id, details: { version: done.version } });
      return done;
    });
  }
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [done] = await tx
      .update(offers)
      .set({
        status: t.to,
        ...(t.to === "filled" ? { filledAt: new Date() } : {}),
        version: sql`${offers.version} + 1`,
        updatedBy: user.id,
        updatedAt: new Date(),
      })
      .where(and(eq(offers.id, cur.id), eq(offers.version, input.version), inArray(offers.status, t.from)))
      .returning({ id: offers.id, version: offers.version, status: offers.status });
    if (!done) throw await conflictError(tx, user, cur.id);
    await recordAudit(tx, { actorId: user.id, action: t.audit, subjectType: "offer", subjectId: cur.id, details: { version: done.version } });
    return done;
  });
}

/** A copy of any of the company's offers as a new draft (how a filled or closed offer is reopened). */
export async function duplicateOffer(db: Database, user: SessionUser, offerId: string): Promise<Written> {
  const cur = await currentOffer(db, user, offerId);
  const today = instanceToday();
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [row] = await queryRows<{ id: string; version: number; status: OfferStatus }>(
      tx,
      sql`insert into offers (employer_id, title, rome_code, ogr_code, required_skills, wished_skills, description,
          commune_insee, location, location_proj, radius_km, contract, hours_per_week, shifts, licence_required,
          vehicle_required, positions, starts_on, expires_on, status, address_line, created_by, updated_by)
        select employer_id, title, rome_code, ogr_code, required_skills, wished_skills, description,
          commune_insee, location, location_proj, radius_km, contract, hours_per_week, shifts, licence_required,
          vehicle_required, positions, greatest(starts_on, ${today}::date), null, 'draft', address_line, ${user.id}::uuid, ${user.id}::uuid
        from offers where id = ${cur.id}
        returning id, version, status`,
    );
    await recordAudit(tx, {
      actorId: user.id,
      action: "offer.duplicate",
      subjectType: "offer",
      subjectId: row!.id,
      details: { from: cur.id, version: 1 },
    });
    return { id: String(row!.id), version: Number(row!.version), status: row!.status };
  });
}

/** Counts a person's first look at an open offer (once per person: the "views" statistic). */
export async function recordOfferView(db: Database, profileId: string | null, offerId: string): Promise<{ recorded: boolean }> {
  if (!profileId) return { recorded: false };
  const rows = await queryRows(
    db,
    sql`insert into offer_views (offer_id, profile_id)
      select o.id, ${profileId}::uuid from offers o where o.id = ${offerId} and ${openSql}
      on conflict do nothing
      returning offer_id`,
  );
  return { recorded: rows.length > 0 };
}
