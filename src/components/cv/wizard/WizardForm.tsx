"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { Button, LinkButton } from "@/components/ui/Button";
import { ErrorSummary, type ErrorItem } from "@/components/ui/ErrorSummary";
import { Notice } from "@/components/ui/Notice";
import { IconArrowRight, IconArrowLeft } from "@/components/ui/icons";
import { isNetworkError, stepSummary, type FieldErrorMap } from "@/components/ui/formErrors";
import { errorMessageOf, fieldErrorsOf } from "@/lib/trpc/client";

/**
 * Saving a step: client checks first, then the server; on success the draft goes and the next
 * step opens; on failure the answers stay on screen (and in the draft), with the messages.
 */
export function useStepSubmit({ next, clearDraft }: { next: string; clearDraft: () => void }) {
  const router = useRouter();
  const [error, setError] = useState<unknown>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrorMap>({});
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [navigating, startTransition] = useTransition();

  async function submit(run: () => Promise<unknown>, checks: FieldErrorMap = {}) {
    if (saving || navigating) return;
    if (Object.keys(checks).length) {
      setError(null);
      setClientErrors(checks);
      setAttempt((n) => n + 1);
      return;
    }
    setClientErrors({});
    setError(null);
    setSaving(true);
    try {
      await run();
      clearDraft();
      startTransition(() => router.push(next));
    } catch (e) {
      setError(e);
      setAttempt((n) => n + 1);
    } finally {
      setSaving(false);
    }
  }

  const network = error !== null && isNetworkError(error);
  const serverFields = network ? {} : fieldErrorsOf(error);
  const fieldErrors: FieldErrorMap = { ...serverFields, ...clientErrors };
  const general = error !== null && !network && Object.keys(serverFields).length === 0 ? errorMessageOf(error) : null;
  return { submit, fieldErrors, network, general, attempt, busy: saving || navigating };
}

type WizardFormProps = {
  state: ReturnType<typeof useStepSubmit>;
  /** server keys → ids of the fields, in the order of the form */
  fieldIds: Array<[key: string, id: string]>;
  onSubmit: () => void;
  prevHref: string;
  prevLabel?: string;
  /** a draft was put back on screen */
  restored: boolean;
  children: ReactNode;
};

export function WizardForm({ state, fieldIds, onSubmit, prevHref, prevLabel = "Précédent", restored, children }: WizardFormProps) {
  const errors = stepSummary(state.fieldErrors, fieldIds);
  if (state.general) errors.push({ message: state.general });
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <ErrorSummary errors={errors} focusKey={state.attempt} />
      {state.network ? (
        <Notice tone="warning" title="Pas de connexion : vos réponses sont gardées, réessayez.">
          <p>Vérifiez que votre téléphone a du réseau, puis touchez encore « Enregistrer ».</p>
        </Notice>
      ) : null}
      {restored && !state.network ? (
        <Notice tone="info" live="none">
          <p>Nous avons remis les réponses que vous n'aviez pas encore enregistrées.</p>
        </Notice>
      ) : null}
      {children}
      <div className="wizard-actions">
        <Button type="submit" block busy={state.busy} busyLabel="Enregistrement…" icon={<IconArrowRight />}>
          Enregistrer et continuer
        </Button>
        <LinkButton href={prevHref} variant="secondary" block icon={<IconArrowLeft />}>
          {prevLabel}
        </LinkButton>
      </div>
    </form>
  );
}
