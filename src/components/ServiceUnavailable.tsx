import { PageHeader } from "@/components/ui/PageHeader";

/**
 * Shown by the root layout in place of any page when the database cannot be opened (a wrong
 * DATABASE_URL, the server down): a plain French sentence, never a crash. /api/health says 503.
 */
export function ServiceUnavailable() {
  return (
    <div className="narrow" data-testid="service-unavailable">
      <PageHeader title="Service momentanément indisponible" intro="Le service ne peut pas afficher cette page pour le moment. Ce n'est pas de votre faute." />
      <p>Réessayez dans quelques minutes. Si le problème continue, prévenez votre conseiller.</p>
    </div>
  );
}
