"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { IconDocument, IconHome, IconGraduation, IconSearch, IconSend } from "@/components/ui/icons";

const TABS = [
  { href: "/beneficiaire", label: "Accueil", Icon: IconHome, exact: true },
  { href: "/beneficiaire/offres", label: "Offres", Icon: IconSearch },
  // soft hyphens (\u00AD): where the long words may break on a narrow phone; not read aloud
  { href: "/beneficiaire/formations", label: "For\u00ADmations", Icon: IconGraduation },
  { href: "/beneficiaire/candidatures", label: "Candi\u00ADdatures", Icon: IconSend },
  { href: "/beneficiaire/cv", label: "Mon CV", Icon: IconDocument },
] as const;

/** The beneficiary's five places: a tab bar at the bottom of a phone, a bar at the top elsewhere. */
export function BeneficiaryNav() {
  const pathname = usePathname() ?? "";
  return (
    <nav className="bnav no-print" aria-label="Menu de mon espace">
      <ul className="bnav__list">
        {TABS.map(({ href, label, Icon, ...tab }) => {
          const current = "exact" in tab ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link href={href} className="bnav__link" aria-current={current ? "page" : undefined}>
                <Icon size="1.6rem" />
                <span>{label}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
