import Link from "next/link";

/** "Page précédente / Page suivante" under a paged list; nothing when everything fits on one page. */
export function Pagination({ page, pages, href, label = "Pages de la liste" }: { page: number; pages: number; href: (page: number) => string; label?: string }) {
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? (
        <Link className="btn btn--secondary btn--small" href={href(page - 1)}>
          Page précédente
        </Link>
      ) : null}
      {page < pages ? (
        <Link className="btn btn--secondary btn--small" href={href(page + 1)}>
          Page suivante
        </Link>
      ) : null}
    </nav>
  );
}
