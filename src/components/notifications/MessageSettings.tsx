"use client";

import { useState } from "react";
import type { RouterOutputs } from "@/lib/trpc/types";
import { useTRPCClient } from "@/lib/trpc/client";
import { fieldErrorsOf, errorMessageOf } from "@/lib/trpc/client";
import { isNetworkError } from "@/components/ui/formErrors";
import { Checkbox } from "@/components/ui/Checkbox";
import { RadioCards } from "@/components/ui/RadioCards";
import { CHANNEL_LABELS, FREQUENCIES, FREQUENCY_LABELS, type Channel, type Frequency } from "@/server/notifications/categories";

type Setting = RouterOutputs["notifications"]["preferences"]["categories"][number];

/** One category: its channels (checkboxes), when (radio buttons), and a button that saves it. */
export function CategoryForm({ setting }: { setting: Setting }) {
  const client = useTRPCClient();
  const [channels, setChannels] = useState<Channel[]>(setting.channels);
  const [frequency, setFrequency] = useState<Frequency>(setting.frequency);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string; fields?: Record<string, string[]> } | null>(null);
  const id = `cat-${setting.category}`;

  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const saved = await client.notifications.savePreference.mutate({ category: setting.category, channels, frequency });
      setChannels(saved.channels);
      setFrequency(saved.frequency);
      setMessage({ tone: "ok", text: "C'est enregistré." });
    } catch (e) {
      setMessage({ tone: "error", text: isNetworkError(e) ? "Pas de connexion : réessayez." : errorMessageOf(e), fields: fieldErrorsOf(e) });
    } finally {
      setBusy(false);
    }
  }

  const toggle = (c: Channel, on: boolean) => setChannels((now) => (on ? [...new Set([...now, c])] : now.filter((x) => x !== c)));

  return (
    <form onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <fieldset className="field" aria-describedby={`${id}-channels-hint`}>
        <legend className="field__legend">Comment vous prévenir</legend>
        <p className="field__hint" id={`${id}-channels-hint`}>
          Vous voyez toujours ces messages dans l&apos;application.
        </p>
        {setting.offered.map((c) => {
          const locked = setting.required && c === "email";
          return (
            <Checkbox
              key={c}
              id={`${id}-${c}`}
              name={`${id}-channels`}
              label={CHANNEL_LABELS[c]}
              hint={
                locked
                  ? "Obligatoire pour ces messages."
                  : c !== "email" && setting.category !== "job_alert"
                    ? "Seulement avec « Tout de suite » : sinon, un e-mail qui regroupe tout."
                    : undefined
              }
              checked={channels.includes(c)}
              disabled={locked}
              error={c === setting.offered[0] ? message?.fields?.channels : undefined}
              onChange={(e) => toggle(c, e.currentTarget.checked)}
            />
          );
        })}
      </fieldset>
      {setting.required ? (
        <p className="field__hint">Ces messages partent tout de suite.</p>
      ) : (
        <RadioCards
          id={`${id}-frequency`}
          name={`${id}-frequency`}
          legend="Quand"
          options={FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }))}
          value={frequency}
          onChange={(v) => setFrequency(v as Frequency)}
          error={message?.fields?.frequency}
          columns={2}
        />
      )}
      <button type="submit" className="btn btn--primary btn--block" aria-disabled={busy || undefined}>
        {busy ? "Enregistrement…" : "Enregistrer"}
      </button>
      <p role="status" className={message?.tone === "error" ? "inline-error" : "cv-progress__done"}>
        {message?.text ?? ""}
      </p>
    </form>
  );
}
