import type { Metadata } from "next";
import Link from "next/link";
import { auth } from "@/auth";
import cardStyles from "@/components/beneficiary-offers/offers.module.css";
import { ROME_LARGE_DOMAINS } from "@/components/search/domains";
import { FacetChips, facetOptions } from "@/components/search/FacetChips";
import { FormationHitCard } from "@/components/search/HitCards";
import { MAX_PAGES, PAGE_SIZE, parsePublicSearch, publicSearchQuery, type PublicSearch } from "@/components/search/params";
import { PlaceFilter } from "@/components/search/PlaceFilter";
import { searchFormationPages } from "@/components/search/run";
import { SearchBox } from "@/components/search/SearchBox";
import styles from "@/components/search/search.module.css";
import { countSentence, FORMATION_NOUN, ofCommune } from "@/components/search/words";
import { LinkButton } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverCaller } from "@/lib/trpc/server";
import { loadInstanceConfig } from "@/server/instance/config";

export const metadata: Metadata = { title: "Formations" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PATH = "/formations";

/**
 * The formations published on the instance, for anyone, without an account: words, a commune
 * and a distance, job domain. Rendered on the server from the URL (it works without JavaScript);
 * the search box makes it follow the typing.
 */
export default async function PublicFormationsPage({ searchParams }: Props) {
  const [params, session] = await Promise.all([searchParams, auth()]);
  const caller = await serverCaller();
  const asked = parsePublicSearch(params);
  // an unknown commune code (an old link) is dropped rather than an error page
  const commune = asked.commune ? await caller.referentials.commune({ insee: asked.commune }) : null;
  const search: PublicSearch = { ...asked, commune: commune?.insee ?? null, contrat: null };
  const result = await searchFormationPages(
    caller,
    {
      q: search.q,
      ...(commune ? { near: { communeInsee: commune.insee }, radiusKm: search.rayon } : {}),
      ...(search.domaine ? { domains: [search.domaine] } : {}),
    },
    search.page,
  );

  const beneficiary = session?.user?.role === "beneficiary";
  const href = (change: Partial<PublicSearch>) => `${PATH}${publicSearchQuery({ ...search, page: 1, ...change })}`;
  const keep = Object.fromEntries(new URLSearchParams(publicSearchQuery({ ...search, q: "", page: 1 })));
  const today = new Date().toISOString().slice(0, 10);
  const shown = result.hits;
  const more = shown.length < result.total && search.page < MAX_PAGES;
  const filtered = Boolean(search.commune || search.domaine);

  return (
    <div className="readable">
      <PageHeader
        title="Formations"
        intro={`Les formations publiées sur ${loadInstanceConfig().displayName} par les organismes du territoire. Sans compte, gratuitement.`}
      />
      <SearchBox
        id="recherche"
        label="Métier, formation ou mot-clé"
        hint="Par exemple : CACES, aide-soignant, permis."
        initialQuery={search.q}
        keep={keep}
      />
      <section className={styles.filters} aria-labelledby="affiner-titre">
        <h2 id="affiner-titre">Affiner</h2>
        <PlaceFilter pathname={PATH} search={search} commune={commune} />
        <FacetChips
          id="filtre-domaine"
          label="Domaine :"
          options={facetOptions(result.facets.domain, ROME_LARGE_DOMAINS, search.domaine, (d) => href({ domaine: d }))}
        />
      </section>

      <p className={cardStyles.count} role="status" data-testid="search-count">
        {countSentence({
          total: result.total,
          noun: FORMATION_NOUN,
          q: search.q,
          radiusKm: commune ? search.rayon : null,
          around: commune ? ofCommune(commune.name) : null,
        })}
      </p>

      {shown.length === 0 ? (
        <Notice tone="info" title="Pas de formation pour cette recherche" live="none" className={cardStyles.empty}>
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
          <h2 className="sr-only">Les formations trouvées</h2>
          {/* formations have no page of their own: people sign up from their list */}
          {beneficiary ? (
            <p>
              Pour vous inscrire, ouvrez <Link href="/beneficiaire/formations">vos formations</Link>.
            </p>
          ) : (
            <p>
              Pour vous inscrire à une formation, <Link href="/connexion?retour=%2Fbeneficiaire%2Fformations">connectez-vous</Link>{" "}
              ou <Link href="/inscription?profil=candidat">créez votre compte</Link>.
            </p>
          )}
          <ol className={cardStyles.cards} data-testid="search-results" data-engine={result.engine}>
            {shown.map((hit, i) => (
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
                Voir plus de formations
              </LinkButton>
            </p>
          ) : null}
        </>
      )}
      {shown.length < result.total ? (
        <p className={styles.engine}>
          {shown.length} formations affichées sur {result.total}.
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
