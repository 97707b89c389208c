"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { errorMessageOf, useTRPC } from "@/lib/trpc/client";

/**
 * Marks one notification read ({ id }) or all of them; the page reloads its list afterwards.
 * `label` is the visible text; `hiddenLabel` completes it for screen readers (which one).
 */
export function MarkReadButton({ id, label, hiddenLabel, variant = "secondary" }: { id?: string; label: string; hiddenLabel?: string; variant?: "primary" | "secondary" }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const mark = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => startRefresh(() => router.refresh()),
    }),
  );
  return (
    <>
      <Button
        variant={variant}
        small={Boolean(id)}
        busy={mark.isPending || refreshing}
        busyLabel="Un instant…"
        onClick={() => mark.mutate(id ? { id } : { all: true })}
      >
        {label}
        {hiddenLabel ? <span className="sr-only"> {hiddenLabel}</span> : null}
      </Button>
      {mark.error ? (
        <Notice tone="error">
          <p>{errorMessageOf(mark.error)}</p>
        </Notice>
      ) : null}
    </>
  );
}
