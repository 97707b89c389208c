"use client";

import { Button } from "@/components/ui/Button";
import { IconPrint } from "@/components/ui/icons";

/** Opens the phone's or computer's print dialog (the page has print styles). */
export function PrintButton() {
  return (
    <Button variant="secondary" block icon={<IconPrint />} onClick={() => window.print()}>
      Imprimer
    </Button>
  );
}
