import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { BeneficiaryNav } from "@/components/beneficiary/BeneficiaryNav";
import { currentUser, HOME_BY_ROLE } from "@/server/api/session";
import "@/components/ui/widgets.css";
import "@/components/beneficiary/beneficiary.css";

/**
 * Every page of the beneficiary's space: only for people looking for a job, with the tab bar.
 *
 * A signed-in person of another role goes back to their own home here. An anonymous visitor
 * is sent to the sign-in page by the page itself (`requirePageRole` with its own address, so
 * that signing in comes back to it): a layout does not know the address, and would send
 * everyone back to /beneficiaire. Every page below must therefore call `requirePageRole`.
 */
export default async function BeneficiaryLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (user && user.role !== "beneficiary") redirect(`${HOME_BY_ROLE[user.role]}?refuse=1`);
  if (!user) return children;
  return (
    <div className="bspace">
      <BeneficiaryNav />
      <div className="bspace__content">{children}</div>
    </div>
  );
}
