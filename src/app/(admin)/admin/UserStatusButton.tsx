"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { errorMessageOf, fieldErrorsOf, useTRPC } from "@/lib/trpc/client";

type Props = { userId: string; status: "active" | "disabled"; name: string };

/** Disables an active account or enables a disabled one, then reloads the list. */
export function UserStatusButton({ userId, status, name }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const setStatus = useMutation(
    trpc.accounts.setStatus.mutationOptions({
      onSuccess: () => startRefresh(() => router.refresh()),
    }),
  );
  const next = status === "active" ? "disabled" : "active";
  const error = setStatus.error
    ? (Object.values(fieldErrorsOf(setStatus.error)).flat()[0] ?? errorMessageOf(setStatus.error))
    : null;
  return (
    <>
      <Button
        small
        variant={next === "disabled" ? "danger" : "secondary"}
        busy={setStatus.isPending || refreshing}
        busyLabel="Un instant…"
        aria-label={`${next === "disabled" ? "Désactiver" : "Réactiver"} le compte de ${name}`}
        onClick={() => setStatus.mutate({ userId, status: next })}
      >
        {next === "disabled" ? "Désactiver" : "Réactiver"}
      </Button>
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
