"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type ProTab = { href: string; label: string; exact?: boolean };

/** The tabs of a professional space (employer, training organisation): a plain bar under the header. */
export function ProNav({ tabs, label }: { tabs: readonly ProTab[]; label: string }) {
  const pathname = usePathname() ?? "";
  return (
    <nav className="pronav no-print" aria-label={label}>
      <ul className="pronav__list">
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
    </nav>
  );
}
