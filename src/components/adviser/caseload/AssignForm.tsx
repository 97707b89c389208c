"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { SelectField } from "@/components/ui/TextField";
import { errorMessageOf, fieldErrorsOf, useTRPC } from "@/lib/trpc/client";

type Props = { profileId: string; adviserId: string | null; advisers: Array<{ id: string; name: string }> };

/** Admin: choose the person's adviser (or none: back among the territory's unassigned people). */
export function AssignForm({ profileId, adviserId, advisers }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [, startRefresh] = useTransition();
  const assign = useMutation(trpc.caseload.assign.mutationOptions({ onSuccess: () => startRefresh(() => router.refresh()) }));
  const fieldErrors = assign.error ? fieldErrorsOf(assign.error) : {};
  const error = fieldErrors.adviserId ?? (assign.error && !fieldErrors.adviserId ? [errorMessageOf(assign.error)] : undefined);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (assign.isPending) return;
    const value = String(new FormData(event.currentTarget).get("adviserId") ?? "");
    assign.mutate({ profileId, adviserId: value || null });
  }

  return (
    <form onSubmit={onSubmit} className="form" noValidate method="post">
      {assign.isSuccess ? <Notice tone="success">Le conseiller est enregistré.</Notice> : null}
      <SelectField
        id="assign-adviser"
        name="adviserId"
        label="Conseiller de la personne"
        defaultValue={adviserId ?? ""}
        error={error}
        options={[{ value: "", label: "Aucun (sans conseiller)" }, ...advisers.map((a) => ({ value: a.id, label: a.name }))]}
      />
      <Button type="submit" busy={assign.isPending} busyLabel="Enregistrement…">
        Attribuer
      </Button>
    </form>
  );
}
