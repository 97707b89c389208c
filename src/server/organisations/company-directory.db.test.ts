// Issue 18 (employer): the SIRET is looked up in the State's company directory — prefilled
// details, a closed establishment refused with a French message, manual entry when the
// directory cannot be reached. Against a local server answering as the API documents.
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { callerFor, makeUser } from "../testing/callers";
import { openTestDatabase } from "../testing/db";
import { fieldErrors } from "../testing/errors";
import { signUpConfirmed } from "../testing/sign-up";
import { startCompanyDirectoryServer, type CompanyDirectoryServer } from "../testing/company-directory-server";
import { signUpRequests } from "../signup/schema";
import { companyDirectoryUrl, DEFAULT_COMPANY_DIRECTORY_URL, lookUpSiret, SIRET_CLOSED } from "./company-directory";
import { organisations } from "./schema";

const OPEN = "44102957000013"; // head office, open
const CLOSED = "44102957000021"; // a closed establishment of the same company
const UNKNOWN = "44102957000039";

let h: DatabaseHandle;
let directory: CompanyDirectoryServer;
beforeAll(async () => {
  h = await openTestDatabase();
  directory = await startCompanyDirectoryServer([
    {
      siren: "441029570",
      nom_complet: "BOULANGERIE DU CHATEAU",
      siege: {
        siret: OPEN,
        etat_administratif: "A",
        numero_voie: "12",
        type_voie: "R",
        libelle_voie: "DENIS PAPIN",
        code_postal: "41000",
        commune: "41018",
        libelle_commune: "BLOIS",
        activite_principale: "10.71C",
      },
      others: [
        { siret: CLOSED, etat_administratif: "F", numero_voie: "3", type_voie: "PL", libelle_voie: "LOUIS XII", code_postal: "41000", commune: "41018", libelle_commune: "BLOIS", activite_principale: "10.71C" },
      ],
    },
  ]);
});
afterAll(async () => {
  await directory?.close();
  await h?.close();
});
afterEach(() => {
  directory.mode = "ok";
  vi.unstubAllEnvs();
});

let n = 0;
const ip = () => `198.51.100.${20 + ++n}`;
const employerForm = (email: string, siret: string) => ({
  role: "employer" as const,
  firstName: "Odile",
  lastName: "Fournier",
  email,
  password: "Verger-Loire-2026",
  acceptTerms: true as const,
  siret,
  organisationName: "Boulangerie du Château",
  communeInsee: "41018",
  addressLine: "",
});

describe("where the directory is", () => {
  it("COMPANY_DIRECTORY_URL when set ('off' turns it off); unset, the public API on PostgreSQL, none in tests or on the embedded database", () => {
    expect(companyDirectoryUrl({ COMPANY_DIRECTORY_URL: "http://127.0.0.1:9/" })).toBe("http://127.0.0.1:9");
    expect(companyDirectoryUrl({ COMPANY_DIRECTORY_URL: "off", DATABASE_URL: "postgres://x" })).toBeNull();
    expect(companyDirectoryUrl({ DATABASE_URL: "postgres://x", NODE_ENV: "production" })).toBe(DEFAULT_COMPANY_DIRECTORY_URL);
    expect(companyDirectoryUrl({ NODE_ENV: "production" })).toBeNull();
    expect(companyDirectoryUrl({ DATABASE_URL: "postgres://x", NODE_ENV: "test" })).toBeNull();
  });

  it("unset in tests: the form says nothing is looked up, and sign-up goes on by hand", async () => {
    const answer = await (await callerFor(h.db, null, ip())).auth.lookupSiret({ siret: OPEN });
    expect(answer).toEqual({ status: "disabled" });
    expect(directory.queries).toHaveLength(0);
  });
});

describe("an open establishment", () => {
  it("prefills name, street address, commune (from the referential) and activity", async () => {
    vi.stubEnv("COMPANY_DIRECTORY_URL", directory.url);
    const answer = await (await callerFor(h.db, null, ip())).auth.lookupSiret({ siret: "441 029 570 00013" });
    expect(answer).toMatchObject({
      status: "found",
      establishment: {
        siret: OPEN,
        name: "BOULANGERIE DU CHATEAU",
        open: true,
        addressLine: "12 rue DENIS PAPIN",
        postcode: "41000",
        communeInsee: "41018",
        activityCode: "10.71C",
      },
      commune: { insee: "41018", name: "Blois" },
    });
    expect(directory.queries.at(-1)).toBe(OPEN);
  });

  it("signs up", async () => {
    vi.stubEnv("COMPANY_DIRECTORY_URL", directory.url);
    const user = await signUpConfirmed(await callerFor(h.db, null, ip()), h.db, employerForm("ouverte@exemple.fr", OPEN));
    expect(user.role).toBe("employer");
    const [org] = await h.db.select().from(organisations).where(eq(organisations.siret, OPEN));
    expect(org).toMatchObject({ name: "Boulangerie du Château" });
  });

  it("a SIRET the directory does not know is not refused (some establishments are not public)", async () => {
    vi.stubEnv("COMPANY_DIRECTORY_URL", directory.url);
    const anon = await callerFor(h.db, null, ip());
    expect(await anon.auth.lookupSiret({ siret: UNKNOWN })).toEqual({ status: "not_found" });
    await anon.auth.signUp(employerForm("inconnue@exemple.fr", UNKNOWN));
    expect(await h.db.select().from(signUpRequests).where(eq(signUpRequests.email, "inconnue@exemple.fr"))).toHaveLength(1);
  });
});

describe("a closed establishment", () => {
  it("is said closed by the look-up and refused at sign-up on the SIRET field, nothing kept", async () => {
    vi.stubEnv("COMPANY_DIRECTORY_URL", directory.url);
    const anon = await callerFor(h.db, null, ip());
    expect(await anon.auth.lookupSiret({ siret: CLOSED })).toMatchObject({ status: "found", establishment: { siret: CLOSED, open: false } });
    const errors = await fieldErrors(anon.auth.signUp(employerForm("fermee@exemple.fr", CLOSED)));
    expect(errors.siret).toEqual([SIRET_CLOSED]);
    expect(SIRET_CLOSED).toMatch(/fermé/);
    expect(await h.db.select().from(signUpRequests).where(eq(signUpRequests.email, "fermee@exemple.fr"))).toHaveLength(0);
  });

  it("is refused when an account created by an admin registers its company", async () => {
    vi.stubEnv("COMPANY_DIRECTORY_URL", directory.url);
    const employer = await makeUser(h.db, "employer");
    const me = await callerFor(h.db, employer.id, ip());
    const errors = await fieldErrors(
      me.organisations.register({ siret: CLOSED, organisationName: "Boulangerie", communeInsee: "41018", addressLine: "" }),
    );
    expect(errors.siret).toEqual([SIRET_CLOSED]);
    expect(await h.db.select().from(organisations).where(eq(organisations.siret, CLOSED))).toHaveLength(0);
  });
});

describe("a directory that cannot be reached", () => {
  it("an error answer: the form falls back to manual entry and the sign-up goes through", async () => {
    vi.stubEnv("COMPANY_DIRECTORY_URL", directory.url);
    directory.mode = "error";
    const anon = await callerFor(h.db, null, ip());
    expect(await anon.auth.lookupSiret({ siret: CLOSED })).toEqual({ status: "unreachable" });
    // the directory cannot say it is closed: the typed details go through
    await anon.auth.signUp(employerForm("panne@exemple.fr", CLOSED));
    expect(await h.db.select().from(signUpRequests).where(eq(signUpRequests.email, "panne@exemple.fr"))).toHaveLength(1);
  });

  it("a directory that does not answer in time, or nobody listening: unreachable", async () => {
    directory.mode = "stall";
    expect(await lookUpSiret(OPEN, { baseUrl: directory.url, timeoutMs: 200 })).toEqual({ status: "unreachable" });
    expect(await lookUpSiret(OPEN, { baseUrl: "http://127.0.0.1:9", timeoutMs: 500 })).toEqual({ status: "unreachable" });
  });

  it("an answer that is not the documented shape: unreachable, not a crash", async () => {
    const { createServer } = await import("node:http");
    const server = createServer((_req, res) => res.end("<html>maintenance</html>"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    expect(await lookUpSiret(OPEN, { baseUrl: `http://127.0.0.1:${port}` })).toEqual({ status: "unreachable" });
    await new Promise<void>((r) => server.close(() => r()));
  });
});
