import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import type { ReactElement, ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PlacementsReadOnly } from "@/components/adviser/caseload/PlacementsReadOnly";
import { OfferFacts } from "@/components/beneficiary-offers/Facts";
import { FormationCard, type FormationCardItem } from "@/components/beneficiary-offers/FormationCard";
import { OfferCard, type OfferCardItem } from "@/components/beneficiary-offers/OfferCard";
import { AuditDetails } from "@/components/instance/AuditDetails";
import { ApplicationActions } from "@/components/pro/recruiting/ApplicationActions";
import { CandidateFacts } from "@/components/pro/recruiting/CandidateFacts";
import { CandidateContactCard, CandidateCv } from "@/components/pro/recruiting/CandidateCv";
import { CandidateListItem } from "@/components/pro/recruiting/CandidateListItem";
import { ContactRequest } from "@/components/pro/recruiting/ContactRequest";
import { FormationHitCard, OfferHitCard } from "@/components/search/HitCards";
import { ProfileHits } from "@/components/search/ProfileHits";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { TrpcReactProvider } from "@/lib/trpc/client";
import type { CandidateCard } from "@/server/recruiting/cards";
import type { RankedCandidate } from "@/server/recruiting/candidates";
import type { CandidateIdentity } from "@/server/recruiting/identity";
import type { FormationHit, OfferHit, ProfileHit } from "@/server/search/types";

// Issue 9, stored XSS: every component that shows text one person wrote to another person is
// rendered with hostile values in each free-text field. The markup must hold no element,
// event-handler attribute or javascript: URL made from them, and the text must still be there,
// escaped. Pages that read the database are covered by e2e/stored-xss.spec.ts; the sources'
// raw-HTML sinks by no-raw-html.test.ts.

const PAYLOADS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)' x='",
  "javascript:alert(1)",
  " JaVaScRiPt:alert(1)",
  "</script><script>alert(1)</script>",
  "</textarea><img src=x onerror=alert(1)>",
  "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}<!--",
  "<a href=\"javascript:alert(1)\">clic</a>",
] as const;

// ---------------------------------------------------------------------------- a small HTML reader

type Tag = { name: string; attrs: Array<[string, string]>; raw: string };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

/** Every start tag of the markup, attributes decoded (quoted, single-quoted or bare values). */
function startTags(html: string): Tag[] {
  const tags: Tag[] = [];
  const tagRe = /<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
  const attrRe = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  for (const m of html.matchAll(tagRe)) {
    const attrs: Array<[string, string]> = [];
    for (const a of (m[2] ?? "").matchAll(attrRe)) attrs.push([a[1]!.toLowerCase(), decode(a[2] ?? a[3] ?? a[4] ?? "")]);
    tags.push({ name: m[1]!.toLowerCase(), attrs, raw: m[0] });
  }
  return tags;
}

/** The text a person reads: tags dropped, entities decoded. */
function visibleText(html: string): string {
  return decode(html.replace(/<[^>]*>/g, ""));
}

const DANGEROUS_TAGS = new Set(["script", "iframe", "frame", "frameset", "object", "embed", "base", "meta", "link", "style", "template", "math"]);
const URL_ATTRS = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background", "ping"]);

function dangerousUrl(value: string): boolean {
  // browsers ignore ASCII whitespace and control characters inside the scheme
  const squeezed = value.replace(/[\u0000-\u0020\u007f]+/g, "").toLowerCase();
  return /^(javascript|vbscript|livescript):/.test(squeezed) || /^data:(?!image\/(png|gif|jpeg|webp);)/.test(squeezed);
}

/** What makes markup executable; empty when it is inert. */
function executableParts(html: string): string[] {
  const found: string[] = [];
  for (const tag of startTags(html)) {
    if (DANGEROUS_TAGS.has(tag.name)) found.push(`<${tag.name}> element: ${tag.raw}`);
    for (const [name, value] of tag.attrs) {
      if (/^on/.test(name)) found.push(`${name}= attribute: ${tag.raw}`);
      if (URL_ATTRS.has(name) && dangerousUrl(value)) found.push(`${name}=${value}: ${tag.raw}`);
      if (name === "style" && /expression\(|url\(\s*['"]?\s*javascript:/i.test(value)) found.push(`style: ${tag.raw}`);
    }
  }
  // an element the reader above could not parse (broken quoting) must not slip through
  for (const m of html.matchAll(/<\s*(script|iframe|frame|object|embed|base|meta|style)\b/gi)) found.push(`raw <${m[1]}`);
  return [...new Set(found)];
}

// ---------------------------------------------------------------------------- rendering

const router: AppRouterInstance = {
  back: () => {},
  forward: () => {},
  refresh: () => {},
  push: () => {},
  replace: () => {},
  prefetch: () => {},
  bfcacheId: "test",
};

/** The client components need the tRPC/react-query context and the App Router's. */
function Providers({ children }: { children: ReactNode }) {
  return (
    <AppRouterContext.Provider value={router}>
      <TrpcReactProvider>{children}</TrpcReactProvider>
    </AppRouterContext.Provider>
  );
}

function render(element: ReactElement): string {
  return renderToStaticMarkup(<Providers>{element}</Providers>);
}

/** The markup is inert, and the payload is still readable as text (at least `times` times). */
function expectInert(html: string, payload: string, times = 1) {
  expect(executableParts(html), html).toEqual([]);
  const text = visibleText(html);
  const count = text.split(payload.trim()).length - 1;
  expect(count, `"${payload}" shown ${count} times as text in: ${text}`).toBeGreaterThanOrEqual(times);
}

// ---------------------------------------------------------------------------- hostile records

const ID = "3f2a9c10-0000-4000-8000-000000000001";

const offerItem = (p: string): OfferCardItem => ({
  rank: 1,
  id: ID,
  score: 87,
  distanceKm: 3.2,
  reasons: ["near", "job"],
  offer: {
    title: p,
    employerName: p,
    communeName: p,
    contract: "cdi",
    hoursPerWeek: 35,
    shifts: ["day"],
    licenceRequired: true,
    vehicleRequired: false,
    startsOn: "2026-01-05",
    description: p,
  },
});

const formationItem = (p: string): FormationCardItem => ({
  rank: 1,
  id: ID,
  score: 80,
  distanceKm: 5,
  reasons: [],
  formation: { title: p, providerName: p, communeName: p, startsOn: "2026-03-01", endsOn: "2026-06-30", seats: 12, description: p },
});

const offerHit = (p: string): OfferHit => ({
  id: ID,
  title: p,
  employerName: p,
  communeName: p,
  // an unknown contract is shown as stored
  contract: p as OfferHit["contract"],
  domain: "H",
  startsOn: "2026-01-05",
  distanceKm: 4.5,
});

const formationHit = (p: string): FormationHit => ({
  id: ID,
  title: p,
  providerName: p,
  communeName: p,
  domains: [p],
  startsOn: "2026-03-01",
  distanceKm: null,
});

const profileHit = (p: string): ProfileHit => ({
  id: ID,
  firstName: p,
  lastName: p,
  externalId: p,
  communeName: p,
  jobs: [p, p],
  adviserId: null,
  distanceKm: null,
});

const identity = (p: string): CandidateIdentity => ({
  firstName: p,
  lastName: p,
  email: p,
  phone: p,
  communeName: p,
  postcode: p,
  about: p,
  jobsSought: [{ label: p }],
  jobsDone: [{ label: p, years: 2 }],
  skills: [p],
  qualities: [p],
  formations: [{ title: p, year: 2020, completed: false }],
  travelModes: ["car"],
  maxDistanceKm: 30,
  drivingLicence: "B",
  hasVehicle: true,
  availableFrom: null,
  fullTime: null,
  shifts: ["day"],
});

const card = (p: string): CandidateCard => ({
  candidateId: ID,
  pseudonym: p,
  reference: p,
  communeName: p,
  distanceLabel: p,
  jobsSought: [p],
  jobsDone: [{ label: p, years: 3 }],
  skills: [{ label: p, wanted: true }],
  qualities: [p],
  formations: [{ leadsTo: [p], year: 2019 }],
  availableFrom: null,
  shifts: ["day"],
  fullTime: true,
  drivingLicence: "B",
  hasVehicle: false,
  score: 70,
  reasons: [p],
});

const ranked = (p: string): RankedCandidate => ({
  ...card(p),
  rank: 1,
  applied: false,
  proposedByAdviser: false,
  contact: "none",
  identityGranted: false,
});

/** Each component that shows another person's free text, and how many times it shows the payload at least. */
const CASES: Array<{ name: string; fields: string; view: (p: string) => ReactElement; times: number }> = [
  {
    name: "OfferCard (beneficiary's ranked offers)",
    fields: "offer title, employer name, commune, description",
    view: (p) => <OfferCard item={offerItem(p)} travelModes={["car"]} applied={false} today="2026-01-01" />,
    times: 3,
  },
  {
    name: "OfferFacts (offer page facts)",
    fields: "employer name",
    view: (p) => <ul><OfferFacts offer={offerItem(p).offer} place={p} distanceKm={3} travelModes={["car"]} today="2026-01-01" /></ul>,
    times: 2,
  },
  {
    name: "FormationCard (beneficiary's ranked formations)",
    fields: "formation title, provider name, commune, description",
    view: (p) => <FormationCard item={formationItem(p)} travelModes={["bike"]} applied={false} />,
    times: 4,
  },
  {
    name: "OfferHitCard (public and beneficiary search)",
    fields: "title, employer name, commune, unknown contract",
    view: (p) => <OfferHitCard hit={offerHit(p)} href={`/offres/${ID}`} today="2026-01-01" travelModes={["car"]} />,
    times: 4,
  },
  {
    name: "FormationHitCard",
    fields: "title, provider name, commune, domain",
    view: (p) => <FormationHitCard hit={formationHit(p)} href={null} today="2026-01-01" />,
    times: 3,
  },
  {
    name: "ProfileHits (adviser's people search)",
    fields: "what was typed, first and last names, identifier, commune, jobs",
    view: (p) => <ProfileHits q={p} hits={[profileHit(p)]} adviserId={ID} />,
    times: 3,
  },
  {
    name: "CandidateCv (employer reads the full CV)",
    fields: "presentation, jobs sought and done, skills, qualities, formations",
    view: (p) => <CandidateCv identity={identity(p)} />,
    times: 6,
  },
  {
    name: "CandidateContactCard (employer reads the contact details)",
    fields: "phone, e-mail, commune, postcode",
    view: (p) => <CandidateContactCard identity={identity(p)} />,
    times: 3,
  },
  {
    name: "CandidateFacts (pseudonymised card, full)",
    fields: "commune, jobs, skills, qualities, formations, reasons",
    view: (p) => <CandidateFacts card={card(p)} full />,
    times: 6,
  },
  {
    name: "CandidateListItem (ranked candidates, with the contact request button)",
    fields: "pseudonym, reference, card fields",
    view: (p) => <CandidateListItem offerId={ID} candidate={ranked(p)} canContact />,
    times: 5,
  },
  {
    name: "ContactRequest (button names who)",
    fields: "who",
    view: (p) => <ContactRequest offerId={ID} candidateId={ID} who={p} />,
    times: 1,
  },
  {
    name: "ApplicationActions (employer answers an applicant)",
    fields: "applicant's name",
    view: (p) => <ApplicationActions applicationId={ID} status="sent" who={p} today="2026-03-02" />,
    times: 1,
  },
  {
    name: "PlacementsReadOnly (adviser's file)",
    fields: "job title, employer name, end reason, check-in note",
    view: (p) => (
      <PlacementsReadOnly
        exitReasons={[{ code: "other", label: "Autre" }]}
        placements={[
          {
            id: ID,
            employerName: p,
            jobTitle: p,
            contract: "cdd",
            hoursPerWeek: 20,
            startsOn: "2026-01-05",
            status: "ended",
            endedOn: "2026-03-01",
            endReason: p,
            checkIns: [{ id: ID, monthsAfter: 1, dueOn: "2026-02-05", status: "in_post", note: p }],
          },
        ]}
      />
    ),
    times: 4,
  },
  {
    name: "AuditDetails (admin's journal)",
    fields: "changed values (display name, organisation)",
    view: (p) => <AuditDetails details={{ displayName: { from: "Emploi 41", to: p }, [p]: p }} />,
    times: 2,
  },
  {
    name: "PageHeader and Notice (titles built from offer titles and names)",
    fields: "title, intro, children",
    view: (p) => (
      <>
        <PageHeader title={`Candidatures pour « ${p} »`} intro={p} />
        <Notice title={p}>
          <p>{p}</p>
        </Notice>
      </>
    ),
    times: 4,
  },
];

describe("stored XSS: components render other people's free text inert", () => {
  it("the HTML reader sees what it must refuse (negative control)", () => {
    expect(executableParts("<p>a</p><script>alert(1)</script>")).not.toEqual([]);
    expect(executableParts('<img src="x" onerror="alert(1)">')).not.toEqual([]);
    expect(executableParts("<img src=x onerror=alert(1)>")).not.toEqual([]);
    expect(executableParts('<a href=" java\tscript:alert(1)">x</a>')).not.toEqual([]);
    expect(executableParts('<a href="&#106;avascript:alert(1)">x</a>')).not.toEqual([]);
    expect(executableParts('<svg onload="alert(1)"></svg>')).not.toEqual([]);
    expect(executableParts('<iframe srcdoc="x"></iframe>')).not.toEqual([]);
    // and accepts what the components do render
    expect(executableParts('<a href="/offres/1">x</a><svg viewBox="0 0 1 1" aria-hidden="true"><path d="M0 0"/></svg>')).toEqual([]);
    expect(executableParts("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")).toEqual([]);
    expect(executableParts('<a href="mailto:javascript:alert(1)">x</a>')).toEqual([]);
  });

  it("the same components with a raw-HTML sink would be caught (the check can fail)", () => {
    const hole = renderToStaticMarkup(<p dangerouslySetInnerHTML={{ __html: PAYLOADS[1] }} />);
    expect(executableParts(hole)).not.toEqual([]);
    const link = renderToStaticMarkup(<a href={PAYLOADS[4]}>site</a>);
    expect(executableParts(link)).not.toEqual([]);
  });

  for (const c of CASES) {
    describe(`${c.name}: ${c.fields}`, () => {
      it.each(PAYLOADS)("%s", (payload) => {
        expectInert(render(c.view(payload)), payload, c.times);
      });
    });
  }

  /** The links' targets; a pictogram's <use href> may only point into the sprite. */
  function linkHrefs(html: string): string[] {
    const hrefs = (name: string) =>
      startTags(html).flatMap((t) => (t.name === name ? t.attrs.filter(([n]) => n === "href").map(([, v]) => v) : []));
    for (const use of hrefs("use")) expect(use).toMatch(/^\/icons\/sprite\.svg#[a-z-]+$/);
    const others = startTags(html).filter((t) => t.name !== "a" && t.name !== "use" && t.attrs.some(([n]) => n === "href"));
    expect(others.map((t) => t.raw)).toEqual([]);
    return hrefs("a");
  }

  it("links built from a person's data keep a harmless scheme (tel:, mailto:, in-app paths)", () => {
    const html = render(<CandidateContactCard identity={{ ...identity("x"), phone: "javascript:alert(1)//06 12", email: "javascript:alert(1)" }} />);
    const hrefs = linkHrefs(html);
    // tel: keeps digits and + only; mailto: makes any e-mail an address, never a script
    expect(hrefs).toEqual(["tel:10612", "mailto:javascript:alert(1)"]);
    const cards = [
      render(<OfferCard item={offerItem("javascript:alert(1)")} travelModes={[]} applied={false} today="2026-01-01" />),
      render(<OfferHitCard hit={offerHit("javascript:alert(1)")} href={`/offres/${ID}`} today="2026-01-01" />),
      render(<ProfileHits q="javascript:alert(1)" hits={[profileHit("javascript:alert(1)")]} adviserId={ID} />),
      render(<CandidateListItem offerId={ID} candidate={ranked("javascript:alert(1)")} canContact />),
    ];
    for (const h of cards) {
      const links = linkHrefs(h);
      expect(links.length).toBeGreaterThan(0);
      for (const l of links) expect(l).toMatch(/^\/[a-z]/);
    }
  });
});
