import { LinkButton } from "@/components/ui/Button";
import { IconArrowRight } from "@/components/ui/icons";
import { serverCaller } from "@/lib/trpc/server";
import { instanceTimeZone } from "@/server/config/time-zone";
import { AccessCodePanel } from "./AccessCodePanel";
import { adviserCvHref } from "./paths";

/**
 * On a person's file: fill in or correct the CV with them and, while their account waits for
 * activation, the code of their letter, the letter (PDF) for that code and a new code.
 */
export async function PersonCvActions({ profileId }: { profileId: string }) {
  const caller = await serverCaller();
  // The file page already checked access; if this view is refused, only the CV link shows.
  const { account, profile } = await caller.profile.ofPerson({ profileId }).catch(() => ({ account: null, profile: null }));
  // null: no code can be shown (the panel offers a new one); refused: no panel at all
  const code =
    account?.status === "pending"
      ? await caller.profile.accessCodeOfPerson({ userId: account.userId }).then(
          (c) => ({ current: c ? { code: c.code, expiresAt: c.expiresAt.toISOString() } : null }),
          () => null,
        )
      : null;
  return (
    <div className="actions">
      <LinkButton href={adviserCvHref(profileId)} variant="secondary" icon={<IconArrowRight />}>
        Compléter le CV avec la personne
      </LinkButton>
      {account && code ? (
        <AccessCodePanel
          userId={account.userId}
          personName={`${profile?.firstName ?? ""} ${profile?.lastName ?? ""}`.trim() || "la personne"}
          initial={code.current}
          timeZone={instanceTimeZone()}
        />
      ) : null}
    </div>
  );
}
