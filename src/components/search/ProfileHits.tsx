import Link from "next/link";
import type { RouterOutputs } from "@/lib/trpc/types";
import styles from "./search.module.css";

type ProfileHit = RouterOutputs["search"]["profiles"]["hits"][number];

/**
 * "Résultats de la recherche" over the caseload table: the people whose name, identifier or
 * jobs come close to what the adviser typed, typos forgiven (search.profiles, scoped to what
 * this adviser may see). The table below keeps the exact filter.
 */
export function ProfileHits({ q, hits, adviserId }: { q: string; hits: ProfileHit[]; adviserId: string }) {
  return (
    <section className={styles.profiles} aria-labelledby="recherche-personnes-titre" data-testid="profile-search">
      <h3 id="recherche-personnes-titre">Résultats de la recherche</h3>
      {hits.length === 0 ? (
        <p>Aucune personne dont le nom ressemble à « {q} ».</p>
      ) : (
        <>
          <p className="muted">Les noms proches de « {q} », même mal orthographiés.</p>
          <ul>
            {hits.map((h) => (
              <li key={h.id}>
                <Link href={`/conseiller/personnes/${h.id}`}>{`${h.firstName} ${h.lastName}`.trim() || "(sans nom)"}</Link>
                {[
                  h.externalId,
                  h.communeName,
                  h.jobs.slice(0, 2).join(", "),
                  h.adviserId === adviserId ? "suivie par vous" : h.adviserId ? "suivie par un autre conseiller" : "sans conseiller",
                ]
                  .filter(Boolean)
                  .map((part) => ` · ${part}`)
                  .join("")}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
