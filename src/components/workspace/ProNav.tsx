"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

export type ProTab = { href: string; label: string; exact?: boolean };

/**
 * The tabs of a professional space (employer, training organisation, adviser, admin): a bar
 * under the header. On a phone every tab stays there, in a row that scrolls sideways: a fade
 * and an arrow button show that more tabs wait on that side, and the current tab is scrolled
 * into view.
 */
export function ProNav({ tabs, label }: { tabs: readonly ProTab[]; label: string }) {
  const pathname = usePathname() ?? "";
  const listRef = useRef<HTMLUListElement>(null);
  const [more, setMore] = useState({ before: false, after: false });

  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => {
      const max = list.scrollWidth - list.clientWidth;
      setMore({ before: list.scrollLeft > 2, after: list.scrollLeft < max - 2 });
    };
    list.querySelector<HTMLElement>('[aria-current="page"]')?.scrollIntoView({ block: "nearest", inline: "center" });
    measure();
    list.addEventListener("scroll", measure, { passive: true });
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(measure);
    observer?.observe(list);
    return () => {
      list.removeEventListener("scroll", measure);
      observer?.disconnect();
    };
  }, [pathname]);

  const scroll = (direction: 1 | -1) => listRef.current?.scrollBy({ left: direction * listRef.current.clientWidth * 0.7, behavior: "smooth" });

  return (
    <nav
      className={["pronav", "no-print", more.before ? "pronav--more-before" : "", more.after ? "pronav--more-after" : ""].filter(Boolean).join(" ")}
      aria-label={label}
    >
      {more.before ? (
        // for the eye and the finger; keyboard and screen reader users reach every tab by Tab anyway
        <button type="button" className="pronav__more pronav__more--before" aria-hidden="true" tabIndex={-1} onClick={() => scroll(-1)}>
          ‹
        </button>
      ) : null}
      <ul className="pronav__list" ref={listRef}>
        {tabs.map((tab) => {
          const current = tab.exact ? pathname === tab.href : pathname === tab.href || pathname.startsWith(`${tab.href}/`);
          return (
            <li key={tab.href}>
              <Link href={tab.href} className="pronav__link" aria-current={current ? "page" : undefined}>
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
      {more.after ? (
        <button type="button" className="pronav__more pronav__more--after" aria-hidden="true" tabIndex={-1} onClick={() => scroll(1)}>
          ›
        </button>
      ) : null}
    </nav>
  );
}
