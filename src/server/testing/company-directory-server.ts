import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A local HTTP server playing the State's "API Recherche d'entreprises" as documented
// (https://recherche-entreprises.api.gouv.fr/docs/): GET /search?q=…&page=…&per_page=… answers
// 200 { results: [{ siren, nom_complet, nom_raison_sociale, etat_administratif, activite_principale,
// siege: {…}, matching_etablissements: [{…}] }], total_results, page, per_page, total_pages },
// each establishment with siret, etat_administratif ("A" | "F"), adresse, numero_voie, type_voie,
// libelle_voie, code_postal, commune (INSEE), libelle_commune, activite_principale. A query
// shorter than 3 characters gets 400, as the API does. It can also be told to stall or fail.

export type DirectoryEstablishment = {
  siret: string;
  etat_administratif: "A" | "F";
  numero_voie?: string | null;
  type_voie?: string | null;
  libelle_voie?: string | null;
  code_postal?: string | null;
  commune?: string | null;
  libelle_commune?: string | null;
  activite_principale?: string | null;
  liste_enseignes?: string[] | null;
};
export type DirectoryCompany = { siren: string; nom_complet: string; siege: DirectoryEstablishment; others?: DirectoryEstablishment[] };

export type CompanyDirectoryServer = {
  url: string;
  companies: DirectoryCompany[];
  /** the queries received, in order */
  queries: string[];
  /** "ok" (default), "error" (500), or "stall" (never answers) */
  mode: "ok" | "error" | "stall";
  close(): Promise<void>;
};

function address(e: DirectoryEstablishment) {
  return [e.numero_voie, e.type_voie, e.libelle_voie, e.code_postal, e.libelle_commune].filter(Boolean).join(" ");
}

export async function startCompanyDirectoryServer(companies: DirectoryCompany[] = []): Promise<CompanyDirectoryServer> {
  const state: Omit<CompanyDirectoryServer, "url" | "close"> = { companies, queries: [], mode: "ok" };
  const server: Server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method !== "GET" || url.pathname !== "/search") return reply(404, { erreur: "Not found" });
    const q = (url.searchParams.get("q") ?? "").replace(/\s/g, "");
    state.queries.push(q);
    if (state.mode === "stall") return; // the socket stays open: the client's timeout ends it
    if (state.mode === "error") return reply(500, { erreur: "Internal Server Error" });
    if (q.length < 3) return reply(400, { erreur: "Veuillez indiquer au moins 3 caractères." });
    const perPage = Number(url.searchParams.get("per_page") ?? 10);
    const hits = state.companies.filter((c) => c.siren === q || q.startsWith(c.siren));
    const results = hits.map((c) => {
      const all = [{ ...c.siege, est_siege: true }, ...(c.others ?? []).map((e) => ({ ...e, est_siege: false }))];
      return {
        siren: c.siren,
        nom_complet: c.nom_complet,
        nom_raison_sociale: c.nom_complet,
        etat_administratif: all.some((e) => e.etat_administratif === "A") ? "A" : "C",
        activite_principale: c.siege.activite_principale ?? null,
        nombre_etablissements: all.length,
        nombre_etablissements_ouverts: all.filter((e) => e.etat_administratif === "A").length,
        siege: { ...c.siege, adresse: address(c.siege), est_siege: true },
        matching_etablissements: all.filter((e) => e.siret === q).map((e) => ({ ...e, adresse: address(e) })),
      };
    });
    reply(200, { results, total_results: results.length, page: 1, per_page: perPage, total_pages: results.length ? 1 : 0 });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
