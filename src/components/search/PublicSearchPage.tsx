import Link from "next/link";
import { currentUser } from "@/server/api/session";
import cardStyles from "@/components/ui/cards/cards.module.css";
import { CONTRACT_CHIP_LABELS } from "@/server/offers/labels";
import { ROME_LARGE_DOMAINS } from "@/components/search/domains";
import { FacetChips, facetOptions } from "@/components/search/FacetChips";
import { FormationHitCard, OfferHitCard } from "@/components/search/HitCards";
import { MAX_PAGES, PAGE_SIZE, parsePublicSearch, publicSearchQuery, type PublicSearch } from "@/components/search/params";
import { PlaceFilter } from "@/components/search/PlaceFilter";
import { searchFormationPages, searchOfferPages } from "@/components/search/run";
import { SearchBox } from "@/components/search/SearchBox";
import styles from "@/components/search/search.module.css";
import { countSentence, FORMATION_NOUN, OFFER_NOUN, ofCommune } from "@/components/search/words";
import { LinkButton } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { loadInstanceConfig } from "@/server/config/config";
import { instanceToday } from "@/server/config/time-zone";

export type PublicSearchKind = "offers" | "formations";

/** What differs between the public offers page and the public formations page. */
const PAGES = {
  offers: {
    path: "/offres",
    title: "Offres d'emploi",
    intro: (name: string) => `Les offres des entreprises qui recrutent avec ${name}. Sans compte, gratuitement.`,
    label: "Métier ou mot-clé",
    hint: "Par exemple : cariste, aide à domicile, vendeuse.",
    noun: OFFER_NOUN,
    none: "Pas d'offre pour cette recherche",
    found: "Les offres trouvées",
    more: "Voir plus d'offres",
    plural: "offres",
  },
  formations: {
    path: "/formations",
    title: "Formations",
    intro: (name: string) => `Les formations publiées sur ${name} par les organismes du territoire. Sans compte, gratuitement.`,
    label: "Métier, formation ou mot-clé",
    hint: "Par exemple : CACES, aide-soignant, permis.",
    noun: FORMATION_NOUN,
    none: "Pas de formation pour cette recherche",
    found: "Les formations trouvées",
    more: "Voir plus de formations",
    plural: "formations",
  },
} as const;

export const PUBLIC_SEARCH_TITLES: Record<PublicSearchKind, string> = { offers: PAGES.offers.title, formations: PAGES.formations.title };

type Props = { kind: PublicSearchKind; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The instance's open offers (or formations) for anyone, without an account: words, a commune
 * and a distance, contract (offers) and job domain. Rendered on the server from the URL (it works without JavaScript);
 * the search box makes it follow the typing.
 */
export async function PublicSearchPage({ kind, searchParams }: Props) {
  const page = PAGES[kind];
  const PATH = page.path;
  const [params, user] = await Promise.all([searchParams, currentUser()]);
  const caller = await serverCaller();
  const asked = parsePublicSearch(params);
  // an unknown commune code (an old link) is dropped rather than an error page
  const commune = asked.commune ? await caller.referentials.commune({ insee: asked.commune }) : null;
  const search: PublicSearch = { ...asked, commune: commune?.insee ?? null, contrat: kind === "offers" ? asked.contrat : null };
  const input = {
    q: search.q,
    ...(commune ? { near: { communeInsee: commune.insee }, radiusKm: search.rayon } : {}),
    ...(search.domaine ? { domains: [search.domaine] } : {}),
  };
  const result =
    kind === "offers"
      ? await searchOfferPages(caller, { ...input, ...(search.contrat ? { contracts: [search.contrat] } : {}) }, search.page)
      : await searchFormationPages(caller, input, search.page);

  const beneficiary = user?.role === "beneficiary";
  // the offer's page is the beneficiary's: a visitor signs in (or creates an account) first
  const offerHref = (id: string) =>
    beneficiary ? `/beneficiaire/offres/${id}` : `/connexion?retour=${encodeURIComponent(`/beneficiaire/offres/${id}`)}`;
  const href = (change: Partial<PublicSearch>) => `${PATH}${publicSearchQuery({ ...search, page: 1, ...change })}`;
  const keep = Object.fromEntries(new URLSearchParams(publicSearchQuery({ ...search, q: "", page: 1 })));
  const today = instanceToday();
  const shown = result.hits;
  const more = shown.length < result.total && search.page < MAX_PAGES;
  const filtered = Boolean(search.commune || search.contrat || search.domaine);

  return (
    <div className="readable">
      <PageHeader
        title={page.title}
        intro={page.intro(loadInstanceConfig().displayName)}
      />
      <SearchBox
        id="recherche"
        label={page.label}
        hint={page.hint}
        initialQuery={search.q}
        keep={keep}
      />
      <section className={styles.filters} aria-labelledby="affiner-titre">
        <h2 id="affiner-titre">Affiner</h2>
        <PlaceFilter pathname={PATH} search={search} commune={commune} />
        {kind === "offers" ? (
          <FacetChips
            id="filtre-contrat"
            label="Contrat :"
            options={facetOptions(result.facets.contract, CONTRACT_CHIP_LABELS, search.contrat, (c) =>
              href({ contrat: c as PublicSearch["contrat"] }),
            )}
          />
        ) : null}
        <FacetChips
          id="filtre-domaine"
          label="Domaine :"
          options={facetOptions(result.facets.domain, ROME_LARGE_DOMAINS, search.domaine, (d) => href({ domaine: d }))}
        />
      </section>

      <p className={cardStyles.count} role="status" data-testid="search-count">
        {countSentence({
          total: result.total,
          noun: page.noun,
          q: search.q,
          radiusKm: commune ? search.rayon : null,
          around: commune ? ofCommune(commune.name) : null,
        })}
      </p>

      {shown.length === 0 ? (
        <Notice tone="info" title={page.none} live="none" className={cardStyles.empty}>
          <p>
            Essayez un autre mot, plus court, ou un métier proche.
            {filtered ? (
              <>
                {" "}
                Vous pouvez aussi <Link href={`${PATH}${publicSearchQuery({ q: search.q })}`}>enlever les filtres</Link>.
              </>
            ) : null}
          </p>
        </Notice>
      ) : (
        <>
          <h2 className="sr-only">{page.found}</h2>
          {kind === "formations" ? (
            // formations have no page of their own: people sign up from their list
            beneficiary ? (
              <p>
                Pour vous inscrire, ouvrez <Link href="/beneficiaire/formations">vos formations</Link>.
              </p>
            ) : (
              <p>
                Pour vous inscrire à une formation, <Link href="/connexion?retour=%2Fbeneficiaire%2Fformations">connectez-vous</Link>{" "}
                ou <Link href="/inscription?profil=candidat">créez votre compte</Link>.
              </p>
            )
          ) : beneficiary ? null : (
            <p>
              Pour lire une offre en entier et postuler, <Link href="/connexion">connectez-vous</Link> ou{" "}
              <Link href="/inscription?profil=candidat">créez votre compte</Link>.
            </p>
          )}
          <ol className={cardStyles.cards} data-testid="search-results" data-engine={result.engine}>
            {kind === "offers"
              ? (result as Awaited<ReturnType<typeof searchOfferPages>>).hits.map((hit, i) => (
                  <li key={hit.id} id={resultAnchor(i)}>
                    <OfferHitCard hit={hit} href={offerHref(hit.id)} today={today} />
                  </li>
                ))
              : (result as Awaited<ReturnType<typeof searchFormationPages>>).hits.map((hit, i) => (
                  <li key={hit.id} id={resultAnchor(i)}>
                    <FormationHitCard hit={hit} href={null} today={today} />
                  </li>
                ))}
          </ol>
          {more ? (
            <p className={styles.more}>
              <LinkButton
                variant="secondary"
                block
                href={`${PATH}${publicSearchQuery({ ...search, page: search.page + 1 })}#${resultAnchor(search.page * PAGE_SIZE)}`}
                scroll={false}
                replace
                prefetch={false}
              >
                {page.more}
              </LinkButton>
            </p>
          ) : null}
        </>
      )}
      {shown.length < result.total ? (
        <p className={styles.engine}>
          {shown.length} {page.plural} affichées sur {result.total}.
          {more ? null : " Précisez la recherche pour voir les autres."}
        </p>
      ) : null}
    </div>
  );
}

/** the n-th result (0-based) of the list, where "Voir plus" brings the reader */
function resultAnchor(n: number): string {
  return `n${n + 1}`;
}
