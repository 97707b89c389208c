import type { Metadata } from "next";
import Link from "next/link";
import { auth } from "@/auth";
import { CONTRACT_CHIP_LABELS } from "@/components/beneficiary-offers/format";
import cardStyles from "@/components/beneficiary-offers/offers.module.css";
import { ROME_LARGE_DOMAINS } from "@/components/search/domains";
import { FacetChips, facetOptions } from "@/components/search/FacetChips";
import { OfferHitCard } from "@/components/search/HitCards";
import { MAX_PAGES, PAGE_SIZE, parsePublicSearch, publicSearchQuery, type PublicSearch } from "@/components/search/params";
import { PlaceFilter } from "@/components/search/PlaceFilter";
import { searchOfferPages } from "@/components/search/run";
import { SearchBox } from "@/components/search/SearchBox";
import styles from "@/components/search/search.module.css";
import { countSentence, OFFER_NOUN, ofCommune } from "@/components/search/words";
import { LinkButton } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { loadInstanceConfig } from "@/server/instance/config";

export const metadata: Metadata = { title: "Offres d'emploi" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PATH = "/offres";

/**
 * The instance's open offers for anyone, without an account: words, a commune and a distance,
 * contract and job domain. Rendered on the server from the URL (it works without JavaScript);
 * the search box makes it follow the typing.
 */
export default async function PublicOffersPage({ searchParams }: Props) {
  const [params, session] = await Promise.all([searchParams, auth()]);
  const caller = await serverCaller();
  const asked = parsePublicSearch(params);
  // an unknown commune code (an old link) is dropped rather than an error page
  const commune = asked.commune ? await caller.referentials.commune({ insee: asked.commune }) : null;
  const search: PublicSearch = { ...asked, commune: commune?.insee ?? null };
  const result = await searchOfferPages(
    caller,
    {
      q: search.q,
      ...(commune ? { near: { communeInsee: commune.insee }, radiusKm: search.rayon } : {}),
      ...(search.contrat ? { contracts: [search.contrat] } : {}),
      ...(search.domaine ? { domains: [search.domaine] } : {}),
    },
    search.page,
  );

  const beneficiary = session?.user?.role === "beneficiary";
  // the offer's page is the beneficiary's: a visitor signs in (or creates an account) first
  const offerHref = (id: string) =>
    beneficiary ? `/beneficiaire/offres/${id}` : `/connexion?retour=${encodeURIComponent(`/beneficiaire/offres/${id}`)}`;
  const href = (change: Partial<PublicSearch>) => `${PATH}${publicSearchQuery({ ...search, page: 1, ...change })}`;
  const keep = Object.fromEntries(new URLSearchParams(publicSearchQuery({ ...search, q: "", page: 1 })));
  const today = new Date().toISOString().slice(0, 10);
  const shown = result.hits;
  const more = shown.length < result.total && search.page < MAX_PAGES;
  const filtered = Boolean(search.commune || search.contrat || search.domaine);

  return (
    <div className="readable">
      <PageHeader
        title="Offres d'emploi"
        intro={`Les offres des entreprises qui recrutent avec ${loadInstanceConfig().displayName}. Sans compte, gratuitement.`}
      />
      <SearchBox
        id="recherche"
        label="Métier ou mot-clé"
        hint="Par exemple : cariste, aide à domicile, vendeuse."
        initialQuery={search.q}
        keep={keep}
      />
      <section className={styles.filters} aria-labelledby="affiner-titre">
        <h2 id="affiner-titre">Affiner</h2>
        <PlaceFilter pathname={PATH} search={search} commune={commune} />
        <FacetChips
          id="filtre-contrat"
          label="Contrat :"
          options={facetOptions(result.facets.contract, CONTRACT_CHIP_LABELS, search.contrat, (c) =>
            href({ contrat: c as PublicSearch["contrat"] }),
          )}
        />
        <FacetChips
          id="filtre-domaine"
          label="Domaine :"
          options={facetOptions(result.facets.domain, ROME_LARGE_DOMAINS, search.domaine, (d) => href({ domaine: d }))}
        />
      </section>

      <p className={cardStyles.count} role="status" data-testid="search-count">
        {countSentence({
          total: result.total,
          noun: OFFER_NOUN,
          q: search.q,
          radiusKm: commune ? search.rayon : null,
          around: commune ? ofCommune(commune.name) : null,
        })}
      </p>

      {shown.length === 0 ? (
        <Notice tone="info" title="Pas d'offre pour cette recherche" live="none" className={cardStyles.empty}>
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
          <h2 className="sr-only">Les offres trouvées</h2>
          {beneficiary ? null : (
            <p>
              Pour lire une offre en entier et postuler, <Link href="/connexion">connectez-vous</Link> ou{" "}
              <Link href="/inscription?profil=candidat">créez votre compte</Link>.
            </p>
          )}
          <ol className={cardStyles.cards} data-testid="search-results" data-engine={result.engine}>
            {shown.map((hit, i) => (
              <li key={hit.id} id={resultAnchor(i)}>
                <OfferHitCard hit={hit} href={offerHref(hit.id)} today={today} />
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
                Voir plus d'offres
              </LinkButton>
            </p>
          ) : null}
        </>
      )}
      {shown.length < result.total ? (
        <p className={styles.engine}>
          {shown.length} offres affichées sur {result.total}.
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
