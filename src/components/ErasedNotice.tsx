import { Notice } from "@/components/ui/Notice";

/** On the home page after a person erased their account (`/?compte=supprime`). */
export async function ErasedNotice({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { compte } = await searchParams;
  if (compte !== "supprime") return null;
  return (
    <Notice tone="success" title="Votre compte est supprimé.">
      <p>Vos données sont effacées. Merci d'avoir utilisé ce service, et bonne continuation.</p>
    </Notice>
  );
}
