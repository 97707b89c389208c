"use client";

import { Checkbox } from "@/components/ui/Checkbox";
import { FieldError } from "@/components/ui/TextField";
import { useTRPCClient } from "@/lib/trpc/client";
import { IconHeart, IconTools } from "@/components/ui/icons";
import { target } from "./target";
import type { StepProps } from "./types";
import { useDraft } from "./useDraft";
import { messagesFor } from "@/components/ui/formErrors";
import { useStepSubmit, WizardForm } from "@/components/cv/wizard/WizardForm";

export type SkillGroup = {
  key: string;
  title: string;
  kind: "job" | "soft" | "other";
  skills: Array<{ ogrCode: number; label: string }>;
};

export type SkillsValues = { codes: number[] };

/** How many skills of a group show before "Voir d'autres compétences". */
const FIRST = 8;
const MIN_SKILLS = 3;

function SkillCheckbox({ id, skill, checked, onToggle }: { id: string; skill: { ogrCode: number; label: string }; checked: boolean; onToggle: () => void }) {
  return <Checkbox id={id} name="skills" label={skill.label} checked={checked} onChange={onToggle} />;
}

export function SkillsStep({ draftKey, initial, next, prevHref, prevLabel, profileId, groups }: StepProps<SkillsValues> & { groups: SkillGroup[] }) {
  const client = useTRPCClient();
  const { value, update, restored, clear } = useDraft(draftKey, initial);
  const state = useStepSubmit({ next, clearDraft: clear });
  const chosen = new Set(value.codes);
  const firstId = groups[0]?.skills[0] ? `skill-0-${groups[0].skills[0].ogrCode}` : "skills";

  const toggle = (code: number) =>
    update((v) => ({ codes: v.codes.includes(code) ? v.codes.filter((c) => c !== code) : [...v.codes, code] }));

  function onSubmit() {
    const checks: Record<string, string[]> = {};
    if (value.codes.length < MIN_SKILLS) checks.skillCodes = [`Cochez au moins ${MIN_SKILLS} choses que vous savez faire.`];
    void state.submit(() => client.profile.saveSkills.mutate({ skillCodes: value.codes, ...target(profileId) }), checks);
  }

  const errors = messagesFor(state.fieldErrors, "skillCodes");
  return (
    <WizardForm state={state} fieldIds={[["skillCodes", firstId]]} onSubmit={onSubmit} prevHref={prevHref} prevLabel={prevLabel} restored={restored}>
      <p className="with-icon">
        <strong>
          {value.codes.length === 0
            ? "Aucune case cochée pour l'instant."
            : `${value.codes.length} case${value.codes.length > 1 ? "s" : ""} cochée${value.codes.length > 1 ? "s" : ""}.`}
        </strong>
      </p>
      <FieldError id="skills" errors={errors} />
      {groups.map((group, g) => {
        const first = group.skills.slice(0, FIRST);
        const rest = group.skills.slice(FIRST);
        const restChecked = rest.some((s) => chosen.has(s.ogrCode));
        return (
          <fieldset key={group.key} className="field skill-group subform">
            <legend className="field__legend with-icon">
              {group.kind === "soft" ? <IconHeart /> : <IconTools />}
              <span>{group.title}</span>
            </legend>
            {first.map((s) => (
              <SkillCheckbox key={s.ogrCode} id={`skill-${g}-${s.ogrCode}`} skill={s} checked={chosen.has(s.ogrCode)} onToggle={() => toggle(s.ogrCode)} />
            ))}
            {rest.length ? (
              <details open={restChecked || undefined}>
                <summary>Voir {rest.length} autres choix</summary>
                {rest.map((s) => (
                  <SkillCheckbox key={s.ogrCode} id={`skill-${g}-${s.ogrCode}`} skill={s} checked={chosen.has(s.ogrCode)} onToggle={() => toggle(s.ogrCode)} />
                ))}
              </details>
            ) : null}
          </fieldset>
        );
      })}
    </WizardForm>
  );
}
