"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { IconUserPlus } from "@/components/ui/icons";
import { errorMessageOf, useTRPC } from "@/lib/trpc/client";

/** "Prendre en charge": the person joins my caseload, unless another adviser was quicker. */
export function TakeButton({ profileId, name }: { profileId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const take = useMutation(trpc.caseload.take.mutationOptions({ onSuccess: () => startRefresh(() => router.refresh()) }));
  return (
    <>
      <Button
        small
        variant="secondary"
        icon={<IconUserPlus />}
        busy={take.isPending || refreshing}
        busyLabel="Un instant…"
        aria-label={`Prendre en charge ${name}`}
        onClick={() => take.mutate({ profileId })}
      >
        Prendre en charge
      </Button>
      {take.error ? (
        <p className="inline-error" role="alert">
          {errorMessageOf(take.error)}
        </p>
      ) : null}
    </>
  );
}
