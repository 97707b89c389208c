"use client";

import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { CommunePicker, type PickedCommune } from "@/components/ui/pickers/CommunePicker";

/**
 * "Autour de quelle commune ?": the commune autocomplete of the forms. Choosing one puts it in
 * the URL (?commune=INSEE) and the server searches around it; "Changer" only reopens the field,
 * the results stay until another commune is chosen (or "Partout" is tapped). The page keys it
 * by the commune's code, so a URL changed under it (back button, "Partout") starts it afresh.
 */
export function CommuneFilter({ value, keep }: { value: PickedCommune | null; keep: Record<string, string> }) {
  const router = useRouter();
  const pathname = usePathname();
  const [picked, setPicked] = useState(value);
  const [, startTransition] = useTransition();

  return (
    <CommunePicker
      id="commune"
      label="Autour de la commune"
      hint="Écrivez le début du nom ou le code postal, puis choisissez dans la liste."
      value={picked}
      chosenTestId="commune-recherche"
      onChange={(commune) => {
        setPicked(commune);
        if (!commune) return;
        const params = new URLSearchParams(keep);
        params.set("commune", commune.insee);
        startTransition(() => router.replace(`${pathname}?${params.toString()}`, { scroll: false }));
      }}
    />
  );
}
