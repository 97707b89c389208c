import { Notice } from "./ui/Notice";

/** Shown on a home page when the person was sent back from a page their account cannot open. */
export async function RefusedNotice({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { refuse } = await searchParams;
  if (refuse !== "1") return null;
  return (
    <Notice tone="warning" title="Cette page n'est pas accessible avec votre compte.">
      <p>Vous êtes revenu sur votre espace.</p>
    </Notice>
  );
}
