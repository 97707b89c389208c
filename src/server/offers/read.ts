import { TRPCError } from "@trpc/server";
import { inArray, sql, type SQL } from "drizzle-orm";
import { membershipOf } from "../organisations/membership";
import { queryRows, type Database } from "../db/client";
import { maskToShifts } from "../geo/shifts";
import { offerForCaller } from "./access";
import { romeJobItems } from "../referentials/queries";
import { romeSkills } from "../referentials/schema";
import type { SessionUser } from "../trpc/context";
import type { OfferFields } from "./inputs";
import type { Contract, OfferStatus } from "./schema";
import { offerSummaries, type OfferSummary } from "./summaries";

// Reading offers: an organisation's list with its statistics, one offer for its editor (the
// stored draft decoded by fromRow), an open offer for a beneficiary. Writing is in write.ts.
//
// Drafts: the offers table keeps the matcher's columns NOT NULL. A draft that does not have
// them yet stores the empty value of the column's type: rome_code '' (no job chosen),
// commune_insee '' (no place; the point is then the company's, never read), contract ''
// (not chosen), shifts 0 (none ticked), hours_per_week null. A missing radius, number of
// positions or start date is stored as the form's default (the instance's radius, 1 post,
// today). Publishing refuses every one of these. toColumns (write.ts) and fromRow (here) are
// the only two places that know it.

export type EffectiveStatus = OfferStatus | "expired";

/** "published" past its expiry date reads "expired" (computed, never stored). */
export const effectiveStatusSql = sql`(case when o.status = 'published' and o.expires_on < current_date then 'expired' else o.status end)`;

/** The order of the dashboard: live offers first, then drafts, paused, then the rest. */
const STATUS_ORDER = sql`(case ${effectiveStatusSql} when 'published' then 0 when 'draft' then 1 when 'paused' then 2
  when 'expired' then 3 when 'filled' then 4 else 5 end)`;

export const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Offre introuvable." });

// ------------------------------------------------------------------ reading

export type OfferStats = {
  views: number;
  applications: number;
  newApplications: number;
  hires: number;
  contactsPending: number;
  contactsAccepted: number;
};

const statsJoins = sql`
  left join lateral (
    select count(*) filter (where a.status <> 'withdrawn')::int as applications,
      count(*) filter (where a.status = 'sent')::int as new_applications,
      count(*) filter (where a.status = 'hired')::int as hires
    from applications a where a.offer_id = o.id
  ) st_a on true
  left join lateral (
    select count(*) filter (where p.status = 'pending')::int as contacts_pending,
      count(*) filter (where p.status = 'accepted')::int as contacts_accepted
    from proposals p where p.offer_id = o.id and p.from_kind = 'employer'
  ) st_p on true
  left join lateral (select count(*)::int as views from offer_views v where v.offer_id = o.id) st_v on true`;

const statsColumns = sql`st_v.views, st_a.applications, st_a.new_applications, st_a.hires,
  st_p.contacts_pending, st_p.contacts_accepted`;

function toStats(r: Record<string, unknown>): OfferStats {
  return {
    views: Number(r.views ?? 0),
    applications: Number(r.applications ?? 0),
    newApplications: Number(r.new_applications ?? 0),
    hires: Number(r.hires ?? 0),
    contactsPending: Number(r.contacts_pending ?? 0),
    contactsAccepted: Number(r.contacts_accepted ?? 0),
  };
}

export const nameOf = (first: unknown, last: unknown) => [first, last].filter((x) => typeof x === "string" && x).join(" ") || null;

export type OfferListItem = {
  id: string;
  title: string;
  status: OfferStatus;
  effectiveStatus: EffectiveStatus;
  version: number;
  communeName: string | null;
  contract: Contract | null;
  positions: number;
  startsOn: string;
  expiresOn: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  createdByName: string | null;
  stats: OfferStats;
};

export type OrganisationOffers = {
  /** null: the account has not registered its company yet */
  organisation: { name: string; communeInsee: string | null; communeName: string | null; postcodes: string[] } | null;
  offers: OfferListItem[];
};

/** The company's offers (every recruiter's), with their statistics, for the dashboard. */
export async function organisationOffers(db: Database, user: SessionUser): Promise<OrganisationOffers> {
  const m = await membershipOf(db, user.id);
  if (!m) return { organisation: null, offers: [] };
  const [org] = await queryRows(
    db,
    sql`select e.name, e.commune_insee, c.name as commune_name, c.postcodes
      from employers e left join communes c on c.insee = e.commune_insee where e.id = ${m.employerId}`,
  );
  const rows = await queryRows(
    db,
    sql`select o.id, o.title, o.status, ${effectiveStatusSql} as effective_status, o.version, c.name as commune_name,
        o.contract, o.positions, o.starts_on::text as starts_on, o.expires_on::text as expires_on, o.published_at,
        o.created_at, o.updated_at, u.first_name, u.last_name, ${statsColumns}
      from offers o
      left join communes c on c.insee = o.commune_insee
      left join users u on u.id = o.created_by
      ${statsJoins}
      where o.employer_id = ${m.employerId}
      order by ${STATUS_ORDER}, o.created_at desc, o.id`,
  );
  return {
    organisation: {
      name: String(org?.name ?? m.name),
      communeInsee: (org?.commune_insee as string | null) ?? null,
      communeName: (org?.commune_name as string | null) ?? null,
      postcodes: (org?.postcodes as string[] | null) ?? [],
    },
    offers: rows.map((r) => ({
      id: String(r.id),
      title: String(r.title),
      status: r.status as OfferStatus,
      effectiveStatus: r.effective_status as EffectiveStatus,
      version: Number(r.version),
      communeName: (r.commune_name as string | null) ?? null,
      contract: (r.contract as Contract) || null,
      positions: Number(r.positions),
      startsOn: String(r.starts_on),
      expiresOn: (r.expires_on as string | null) ?? null,
      publishedAt: r.published_at ? new Date(r.published_at as string) : null,
      createdAt: new Date(r.created_at as string),
      updatedAt: new Date(r.updated_at as string),
      createdByName: nameOf(r.first_name, r.last_name),
      stats: toStats(r),
    })),
  };
}

export type SkillLabel = { ogrCode: number; label: string };

export type OfferDetail = {
  id: string;
  employerName: string;
  status: OfferStatus;
  effectiveStatus: EffectiveStatus;
  version: number;
  /** what the form starts from: the same shape it sends back */
  fields: OfferFields;
  job: { ogrCode: number | null; label: string; romeCode: string; romeLabel: string } | null;
  commune: { insee: string; name: string; postcodes: string[] } | null;
  /** the job sheet's skills, soft skills and knowledge (the form's checkboxes) */
  jobSkills: { skills: SkillLabel[]; softSkills: SkillLabel[]; knowledge: SkillLabel[] };
  /** labels of the offer's own skills (some may come from outside the job sheet) */
  skillLabels: Record<number, string>;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  createdByName: string | null;
  updatedByName: string | null;
  stats: OfferStats;
};

/** One offer of the caller's company, every field, for the edit form and the detail page. */
export async function offerDetail(db: Database, user: SessionUser, offerId: string): Promise<OfferDetail> {
  const id = await offerForCaller(db, user, offerId);
  const [r] = await queryRows(
    db,
    sql`select o.*, o.starts_on::text as starts_on_text, o.expires_on::text as expires_on_text,
        ${effectiveStatusSql} as effective_status, e.name as employer_name,
        c.name as commune_name, c.postcodes,
        ST_Y(o.location::geometry) as lat, ST_X(o.location::geometry) as lng,
        (c.location is not null and ST_Distance(o.location, c.location, false) > 5) as precise,
        j.label as rome_label, t.label as ogr_label,
        cu.first_name as created_first, cu.last_name as created_last,
        uu.first_name as updated_first, uu.last_name as updated_last,
        ${statsColumns}
      from offers o
      join employers e on e.id = o.employer_id
      left join communes c on c.insee = o.commune_insee and o.commune_insee <> ''
      left join rome_jobs j on j.code = o.rome_code
      left join rome_job_titles t on t.ogr_code = o.ogr_code and o.ogr_code > 0
      left join users cu on cu.id = o.created_by
      left join users uu on uu.id = o.updated_by
      ${statsJoins}
      where o.id = ${id}`,
  );
  if (!r) throw notFound();
  const romeCode = String(r.rome_code ?? "");
  const ogrCode = Number(r.ogr_code ?? 0);
  const items = romeCode ? await romeJobItems(db, romeCode) : { skills: [], softSkills: [], knowledge: [] };
  const required = (r.required_skills as number[] | null) ?? [];
  const wished = (r.wished_skills as number[] | null) ?? [];
  const strip = (list: Array<{ ogrCode: number; label: string }>) => list.map(({ ogrCode, label }) => ({ ogrCode, label }));
  const skillLabels: Record<number, string> = {};
  const own = [...required, ...wished];
  if (own.length) {
    const labels = await db
      .select({ ogrCode: romeSkills.ogrCode, label: romeSkills.label })
      .from(romeSkills)
      .where(inArray(romeSkills.ogrCode, own));
    for (const l of labels) skillLabels[l.ogrCode] = l.label;
  }
  const hasCommune = Boolean(r.commune_insee) && r.commune_name !== null;
  const fields = fromRow(r);
  return {
    id: String(r.id),
    employerName: String(r.employer_name),
    status: r.status as OfferStatus,
    effectiveStatus: r.effective_status as EffectiveStatus,
    version: Number(r.version),
    fields: {
      ...fields,
      point: hasCommune && r.precise ? { lat: Number(r.lat), lng: Number(r.lng) } : null,
    },
    job: romeCode
      ? {
          ogrCode: ogrCode > 0 ? ogrCode : null,
          label: String(r.ogr_label ?? r.rome_label ?? romeCode),
          romeCode,
          romeLabel: String(r.rome_label ?? romeCode),
        }
      : null,
    commune: hasCommune
      ? { insee: String(r.commune_insee), name: String(r.commune_name), postcodes: (r.postcodes as string[]) ?? [] }
      : null,
    jobSkills: { skills: strip(items.skills), softSkills: strip(items.softSkills), knowledge: strip(items.knowledge) },
    skillLabels,
    publishedAt: r.published_at ? new Date(r.published_at as string) : null,
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
    createdByName: nameOf(r.created_first, r.created_last),
    updatedByName: nameOf(r.updated_first, r.updated_last),
    stats: toStats(r),
  };
}

/** A stored row as the form's fields (the draft placeholders become empty again). */
export function fromRow(r: Record<string, unknown>): OfferFields {
  const romeCode = String(r.rome_code ?? "");
  const ogrCode = Number(r.ogr_code ?? 0);
  const hours = r.hours_per_week;
  return {
    title: String(r.title ?? ""),
    jobCode: ogrCode > 0 ? String(ogrCode) : romeCode || null,
    communeInsee: (r.commune_insee as string) || null,
    point: null,
    addressLine: (r.address_line as string | null) ?? null,
    radiusKm: Number(r.radius_km),
    contract: (r.contract as Contract) || null,
    hoursPerWeek: hours === null || hours === undefined ? null : Number(hours),
    shifts: maskToShifts(Number(r.shifts ?? 0)),
    licenceRequired: Boolean(r.licence_required),
    vehicleRequired: Boolean(r.vehicle_required),
    positions: Number(r.positions),
    startsOn: String(r.starts_on_text ?? r.starts_on),
    expiresOn: (r.expires_on_text as string | null) ?? null,
    requiredSkills: (r.required_skills as number[] | null) ?? [],
    wishedSkills: (r.wished_skills as number[] | null) ?? [],
    description: (r.description as string | null) ?? null,
  };
}

// ------------------------------------------------------------------ writing


// ------------------------------------------------------------------ beneficiaries

export const openSql: SQL = sql`(o.status = 'published' and (o.expires_on is null or o.expires_on >= current_date))`;
export type BeneficiaryOfferView = {
  id: string;
  offer: OfferSummary;
  open: boolean;
  /** the person's application, when they applied (withdrawn ones included) */
  applicationStatus: string | null;
  /** from the person's home, when they have a CV */
  distanceKm: number | null;
  travelModes: string[];
  positions: number;
  addressLine: string | null;
  romeLabel: string | null;
  requiredSkills: SkillLabel[];
  wishedSkills: SkillLabel[];
};

/**
 * What a beneficiary may read of an offer: any open offer, or one they applied to or were
 * proposed (shown as no longer open). Drafts and other offers answer as missing.
 */
export async function offerForBeneficiary(db: Database, userId: string, offerId: string): Promise<BeneficiaryOfferView> {
  const [r] = await queryRows(
    db,
    sql`select o.id, ${openSql} as open, o.positions, o.address_line, j.label as rome_label,
        o.required_skills, o.wished_skills,
        (select a.status from applications a where a.offer_id = o.id and a.profile_id = p.id limit 1) as application_status,
        exists (select 1 from proposals pr where pr.offer_id = o.id and pr.profile_id = p.id) as proposed,
        case when p.id is null then null else ST_Distance(o.location, p.location, false) end as distance_m,
        p.travel_modes
      from offers o
      left join rome_jobs j on j.code = o.rome_code
      left join beneficiary_profiles p on p.user_id = ${userId}
      where o.id = ${offerId} and o.status <> 'draft'`,
  );
  if (!r || (!r.open && r.application_status === null && !r.proposed)) throw notFound();
  const required = (r.required_skills as number[]) ?? [];
  const wished = (r.wished_skills as number[]) ?? [];
  const labels = new Map<number, string>();
  if (required.length + wished.length) {
    const rows = await db
      .select({ ogrCode: romeSkills.ogrCode, label: romeSkills.label })
      .from(romeSkills)
      .where(inArray(romeSkills.ogrCode, [...required, ...wished]));
    for (const l of rows) labels.set(l.ogrCode, l.label);
  }
  const withLabels = (codes: number[]) => codes.flatMap((c) => (labels.has(c) ? [{ ogrCode: c, label: labels.get(c)! }] : []));
  const summary = (await offerSummaries(db, [String(r.id)])).get(String(r.id));
  if (!summary) throw notFound();
  return {
    id: String(r.id),
    offer: summary,
    open: Boolean(r.open),
    applicationStatus: (r.application_status as string | null) ?? null,
    distanceKm: r.distance_m === null || r.distance_m === undefined ? null : Math.round(Number(r.distance_m)) / 1000,
    travelModes: (r.travel_modes as string[] | null) ?? [],
    positions: Number(r.positions),
    addressLine: (r.address_line as string | null) ?? null,
    romeLabel: (r.rome_label as string | null) ?? null,
    requiredSkills: withLabels(required),
    wishedSkills: withLabels(wished),
  };
}
