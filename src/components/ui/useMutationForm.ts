"use client";

import { useMutation, type UseMutationOptions } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { formErrorsOf } from "@/lib/trpc/client";

type Options<TInput, TData, TError> = {
  /** the procedure's mutation: `trpc.x.y.mutationOptions()` */
  mutation: UseMutationOptions<TData, TError, TInput>;
  /** server field keys → ids of the fields, for the error summary's links */
  fieldIds: Record<string, string>;
  /** the mutation's input from the submitted form's fields */
  input: (form: FormData) => TInput;
  /** after a success, with what the server answered and what was sent */
  onSuccess?: (data: TData, input: TInput) => void;
  /** after a success, reload the page's server data (the lists the change shows in) */
  refresh?: boolean;
  /** after a success, an empty form again (it is drawn anew) */
  clearOnSuccess?: boolean;
};

/**
 * The pattern of the forms that send their fields to one tRPC mutation: on submit (once at a
 * time) the fields become the mutation's input; on failure the server's messages go beside
 * each field (`fieldErrors`) and into the error summary (`errors`, which takes the focus again
 * at each failed `attempt`: pass it as the summary's focusKey); on success the page's data is
 * refreshed and the form emptied when asked, and `resultRef` (a heading shown on success, with
 * tabIndex -1) takes the focus.
 */
export function useMutationForm<TInput, TData, TError>({
  mutation: options,
  fieldIds,
  input,
  onSuccess,
  refresh = false,
  clearOnSuccess = false,
}: Options<TInput, TData, TError>) {
  const router = useRouter();
  const [, startRefresh] = useTransition();
  const [attempt, setAttempt] = useState(0);
  const [formKey, setFormKey] = useState(0);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const mutation = useMutation(options);
  const { fieldErrors, errors } = formErrorsOf(mutation.error, fieldIds);

  useEffect(() => {
    if (mutation.isSuccess) resultRef.current?.focus();
  }, [mutation.isSuccess]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const values = input(new FormData(event.currentTarget));
    mutation.mutate(values, {
      onError: () => setAttempt((n) => n + 1),
      onSuccess: (data) => {
        if (clearOnSuccess) setFormKey((k) => k + 1);
        if (refresh) startRefresh(() => router.refresh());
        onSuccess?.(data, values);
      },
    });
  }

  /** An empty form again (e.g. "Ajouter une autre personne"). */
  function clearForm() {
    setFormKey((k) => k + 1);
  }

  return { mutation, onSubmit, fieldErrors, errors, attempt, formKey, clearForm, resultRef };
}
