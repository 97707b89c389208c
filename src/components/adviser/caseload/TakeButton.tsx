"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { IconUserPlus } from "@/components/ui/icons";
import { errorMessageOf, useTRPC } from "@/lib/trpc/client";

type Target = { profileId: string } | { placementId: string };

/**
 * The person joins my caseload, unless another adviser was quicker: "Prendre en charge" a person
 * nobody follows, or "Je prends le suivi" of a hire nobody follows (the placement follows them).
 */
export function TakeButton({ name, ...target }: { name: string } & Target) {
  const trpc = useTRPC();
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const onSuccess = () => startRefresh(() => router.refresh());
  const takePerson = useMutation(trpc.caseload.take.mutationOptions({ onSuccess }));
  const takeHire = useMutation(trpc.caseload.takeHire.mutationOptions({ onSuccess }));
  const hire = "placementId" in target;
  const take = hire ? takeHire : takePerson;
  return (
    <>
      <Button
        small
        variant={hire ? "primary" : "secondary"}
        icon={<IconUserPlus />}
        busy={take.isPending || refreshing}
        busyLabel="Un instant…"
        aria-label={hire ? `Je prends le suivi de ${name}` : `Prendre en charge ${name}`}
        onClick={() => ("placementId" in target ? takeHire.mutate({ placementId: target.placementId }) : takePerson.mutate({ profileId: target.profileId }))}
      >
        {hire ? "Je prends le suivi" : "Prendre en charge"}
      </Button>
      {take.error ? (
        <p className="inline-error" role="alert">
          {errorMessageOf(take.error)}
        </p>
      ) : null}
    </>
  );
}
