"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { IconUserPlus } from "@/components/ui/icons";
import { errorMessageOf, useTRPC } from "@/lib/trpc/client";

/** "Je prends le suivi" of a hire nobody follows: the person joins my caseload, unless another adviser was quicker. */
export function TakeHireButton({ placementId, name }: { placementId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const take = useMutation(trpc.caseload.takeHire.mutationOptions({ onSuccess: () => startRefresh(() => router.refresh()) }));
  return (
    <>
      <Button
        small
        variant="primary"
        icon={<IconUserPlus />}
        busy={take.isPending || refreshing}
        busyLabel="Un instant…"
        aria-label={`Je prends le suivi de ${name}`}
        onClick={() => take.mutate({ placementId })}
      >
        Je prends le suivi
      </Button>
      {take.error ? (
        <p className="inline-error" role="alert">
          {errorMessageOf(take.error)}
        </p>
      ) : null}
    </>
  );
}
