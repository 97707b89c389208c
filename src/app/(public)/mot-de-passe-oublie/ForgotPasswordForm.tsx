"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Notice } from "@/components/ui/Notice";
import { TextField } from "@/components/ui/TextField";
import { IconKey } from "@/components/ui/icons";
import { useMutationForm } from "@/components/ui/useMutationForm";
import { useTRPC } from "@/lib/trpc/client";

const FIELD_IDS = { email: "email" };

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useMutationForm({
    mutation: trpc.auth.requestPasswordReset.mutationOptions(),
    fieldIds: FIELD_IDS,
    input: (fields) => ({ email: String(fields.get("email") ?? "").trim() }),
    onSuccess: (_, { email }) => setSentTo(email),
  });
  const { mutation: request, fieldErrors, errors } = form;

  if (sentTo) {
    return (
      <Notice tone="success" title="Regardez vos e-mails.">
        <p>
          Si un compte existe avec l'adresse {sentTo}, un e-mail vient d'y partir avec un code valable une heure. Il peut
          mettre quelques minutes à arriver : regardez aussi dans les indésirables.
        </p>
        <p>
          <Link href="/activer?motif=oubli" className="btn btn--primary">
            <IconKey />
            <span>J'ai reçu le code</span>
          </Link>
        </p>
      </Notice>
    );
  }

  return (
    <form onSubmit={form.onSubmit} className="form" noValidate method="post">
      <ErrorSummary errors={errors} focusKey={form.attempt} />
      <TextField
        id={FIELD_IDS.email}
        type="email"
        label="Adresse e-mail de votre compte"
        autoComplete="email"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        error={fieldErrors.email}
      />
      <Button type="submit" icon={<IconKey />} block busy={request.isPending} busyLabel="Envoi…">
        Recevoir un code par e-mail
      </Button>
    </form>
  );
}
