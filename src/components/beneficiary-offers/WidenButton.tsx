"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { errorMessageOf, useTRPC } from "@/lib/trpc/client";
import type { DrivingLicence, TravelMode } from "@/server/profiles/labels";

type Props = {
  toKm: number;
  /** the CV's travel answers, kept as they are: only the distance changes */
  mobility: { travelModes: TravelMode[]; drivingLicence: DrivingLicence; hasVehicle: boolean };
  label: string;
};

/** One tap: the CV's distance becomes `toKm`, and the list is shown again with the offers it reaches. */
export function WidenButton({ toKm, mobility, label }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(trpc.profile.saveMobility.mutationOptions());
  return (
    <>
      <Button
        busy={save.isPending}
        busyLabel="Un instant…"
        onClick={() => {
          setError(null);
          save.mutate(
            {
              travelModes: mobility.travelModes,
              distance: { unit: "km", value: toKm },
              drivingLicence: mobility.drivingLicence,
              hasVehicle: mobility.hasVehicle,
            },
            {
              onSuccess: () => router.refresh(),
              onError: (err) => setError(errorMessageOf(err)),
            },
          );
        }}
      >
        {label}
      </Button>
      {error ? (
        <p className="inline-error" role="status">
          {error}
        </p>
      ) : null}
    </>
  );
}
