"use client";

import { Checkbox } from "@/components/ui/Checkbox";
import { FieldError } from "@/components/ui/TextField";
import { Notice } from "@/components/ui/Notice";
import { useTRPCClient } from "@/lib/trpc/client";
import { IconHeart, IconTools } from "@/components/ui/icons";
import { target } from "./target";
import type { StepProps } from "./types";
import { useDraft } from "./useDraft";
import { messagesFor } from "@/components/ui/formErrors";
import { useStepSubmit, WizardForm } from "@/components/cv/wizard/WizardForm";
import { SpeakButton, useFrenchSpeech } from "./SpeakButton";

export type SkillGroup = {
  key: string;
  title: string;
  kind: "job" | "soft" | "other";
  /** the most common first (see rankedJobSkills) */
  skills: Array<{ ogrCode: number; label: string }>;
  /** how many show before "Voir plus" (all when absent) */
  first?: number;
};

export type SkillsValues = { codes: number[] };

function SkillCheckbox({
  id,
  skill,
  checked,
  onToggle,
  speech,
}: {
  id: string;
  skill: { ogrCode: number; label: string };
  checked: boolean;
  onToggle: () => void;
  speech: boolean;
}) {
  return (
    <div className="skill-line">
      <Checkbox id={id} name="skills" label={skill.label} checked={checked} onChange={onToggle} />
      <SpeakButton text={skill.label} enabled={speech} />
    </div>
  );
}

/**
 * "Que savez-vous faire ?": optional (issue 18), the few most common skills of each job first,
 * the rest behind "Voir plus", each label read aloud on tap where the browser can.
 */
export function SkillsStep({
  draftKey,
  initial,
  next,
  prevHref,
  prevLabel,
  profileId,
  groups,
  voice = "self",
}: StepProps<SkillsValues> & { groups: SkillGroup[]; voice?: "self" | "adviser" }) {
  const client = useTRPCClient();
  const { value, update, restored, clear } = useDraft(draftKey, initial);
  const state = useStepSubmit({ next, clearDraft: clear });
  const speech = useFrenchSpeech();
  const chosen = new Set(value.codes);
  const firstId = groups[0]?.skills[0] ? `skill-0-${groups[0].skills[0].ogrCode}` : "skills";

  const toggle = (code: number) =>
    update((v) => ({ codes: v.codes.includes(code) ? v.codes.filter((c) => c !== code) : [...v.codes, code] }));

  function onSubmit() {
    // none ticked is fine: the note above says what skills are for
    void state.submit(() => client.profile.saveSkills.mutate({ skillCodes: value.codes, ...target(profileId) }), {});
  }

  const errors = messagesFor(state.fieldErrors, "skillCodes");
  return (
    <WizardForm state={state} fieldIds={[["skillCodes", firstId]]} onSubmit={onSubmit} prevHref={prevHref} prevLabel={prevLabel} restored={restored}>
      <Notice tone="info" live="none">
        <p>
          {voice === "self"
            ? "Cochez ce que vous savez faire : cela aide les entreprises à vous trouver. Vous pouvez aussi continuer sans rien cocher."
            : "Ce que la personne sait faire aide les entreprises à la trouver. Vous pouvez aussi continuer sans rien cocher."}
        </p>
        {speech ? <p>Touchez le haut-parleur pour entendre une phrase.</p> : null}
      </Notice>
      <p className="with-icon">
        <strong>
          {value.codes.length === 0
            ? "Aucune case cochée pour l'instant."
            : `${value.codes.length} case${value.codes.length > 1 ? "s" : ""} cochée${value.codes.length > 1 ? "s" : ""}.`}
        </strong>
      </p>
      <FieldError id="skills" errors={errors} />
      {groups.map((group, g) => {
        const shown = group.first ?? group.skills.length;
        const first = group.skills.slice(0, shown);
        const rest = group.skills.slice(shown);
        const restChecked = rest.some((s) => chosen.has(s.ogrCode));
        return (
          <fieldset key={group.key} className="field skill-group subform">
            <legend className="field__legend with-icon">
              {group.kind === "soft" ? <IconHeart /> : <IconTools />}
              <span>{group.title}</span>
            </legend>
            {first.map((s) => (
              <SkillCheckbox key={s.ogrCode} id={`skill-${g}-${s.ogrCode}`} skill={s} checked={chosen.has(s.ogrCode)} onToggle={() => toggle(s.ogrCode)} speech={speech} />
            ))}
            {rest.length ? (
              <details open={restChecked || undefined}>
                <summary>Voir plus ({rest.length})</summary>
                {rest.map((s) => (
                  <SkillCheckbox key={s.ogrCode} id={`skill-${g}-${s.ogrCode}`} skill={s} checked={chosen.has(s.ogrCode)} onToggle={() => toggle(s.ogrCode)} speech={speech} />
                ))}
              </details>
            ) : null}
          </fieldset>
        );
      })}
    </WizardForm>
  );
}
