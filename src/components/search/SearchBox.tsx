"use client";

import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { IconMagnifier as IconSearch } from "@/components/ui/icons";
import { MAX_Q_CHARS } from "./params";
import { useDebouncedSearch } from "./useDebouncedSearch";
import styles from "./search.module.css";

type Props = {
  id: string;
  label: string;
  hint?: string;
  /** what the server searched (the URL's ?q=) */
  initialQuery: string;
  /** the other parameters of the URL kept while typing (the filters); the page number is not */
  keep: Record<string, string>;
};

/**
 * The search box. Without JavaScript it is a plain GET form: the server renders the results
 * from the URL. With it, the results follow the typing: the URL is replaced ~300 ms after the
 * last key and the server renders the new list; the newer navigation supersedes one still
 * under way, so a slow answer for "mag" never replaces the one for "magasinier".
 */
export function SearchBox({ id, label, hint, initialQuery, keep }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const [value, setValue] = useState(initialQuery);
  const [pending, startTransition] = useTransition();
  const input = useRef<HTMLInputElement>(null);
  const keepKey = JSON.stringify(keep);

  const go = useCallback(
    (q: string) => {
      const params = new URLSearchParams(JSON.parse(keepKey) as Record<string, string>);
      if (q) params.set("q", q);
      const query = params.toString();
      startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    },
    [router, pathname, keepKey],
  );
  const search = useDebouncedSearch(go, initialQuery, { maxChars: MAX_Q_CHARS });

  // The back button or a link changed ?q= under the box: show what is searched now. (While a
  // search of ours is under way the page may still show an earlier one: that is not a change.)
  useEffect(() => {
    if (pending || initialQuery === search.lastRun) return;
    search.synced(initialQuery);
    setValue(initialQuery);
  }, [initialQuery, pending, search]);

  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <form
      role="search"
      aria-label={label}
      method="get"
      action={pathname}
      className={styles.box}
      aria-busy={pending || undefined}
      onSubmit={(event) => {
        event.preventDefault();
        search.now(value);
      }}
    >
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      <div className={styles.row}>
        <div className={styles.inputWrap}>
          <input
            ref={input}
            id={id}
            name="q"
            type="search"
            className={`input ${styles.input}`}
            value={value}
            onChange={(event) => {
              setValue(event.target.value);
              search.schedule(event.target.value);
            }}
            aria-describedby={hintId}
            autoComplete="off"
            autoCapitalize="none"
            enterKeyHint="search"
          />
          {pending ? <span className={styles.spinner} aria-hidden="true" data-testid="search-pending" /> : null}
        </div>
        <button type="submit" className={`btn btn--primary ${styles.submit}`}>
          <IconSearch />
          <span className="sr-only">Rechercher</span>
        </button>
      </div>
      {value ? (
        <button
          type="button"
          className={styles.clear}
          onClick={() => {
            setValue("");
            search.now("");
            input.current?.focus();
          }}
        >
          Effacer la recherche
        </button>
      ) : null}
      {Object.entries(keep).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
    </form>
  );
}
