import { LinkButton } from "@/components/ui/Button";
import { IconArrowRight } from "@/components/ui/icons";
import { serverCaller } from "@/lib/trpc/server";
import { AccessLetterLink } from "./AccessLetterLink";
import { adviserCvHref } from "./paths";

/**
 * On a person's file: fill in or correct the CV with them and, while their account waits for
 * activation, print a new access-code letter.
 */
export async function PersonCvActions({ profileId }: { profileId: string }) {
  // The file page already checked access; if this view is refused, only the CV link shows.
  const { account } = await (await serverCaller()).profile.ofPerson({ profileId }).catch(() => ({ account: null }));
  return (
    <div className="actions">
      <LinkButton href={adviserCvHref(profileId)} variant="secondary" icon={<IconArrowRight />}>
        Compléter le CV avec la personne
      </LinkButton>
      {account?.status === "pending" ? <AccessLetterLink userId={account.userId} /> : null}
    </div>
  );
}
