import type { ReactNode } from "react";
import { describedBy, FieldError, FieldHint, messagesOf, type FieldMessages } from "./TextField";

export type RadioCardOption = {
  value: string;
  label: string;
  hint?: string;
  /** a pictogram (decorative, aria-hidden) */
  icon?: ReactNode;
};

type RadioCardsProps = {
  /** id of the group; each radio gets `${id}-${value}`, the first one is the error link target */
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: FieldMessages;
  options: RadioCardOption[];
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  required?: boolean;
  columns?: 1 | 2;
};

/** Big tappable choices: one native radio per card, the whole card is its label. */
export function RadioCards({
  id,
  name,
  legend,
  hint,
  error,
  options,
  value,
  defaultValue,
  onChange,
  required,
  columns = 1,
}: RadioCardsProps) {
  const errors = messagesOf(error);
  return (
    <fieldset
      className={errors.length ? "field field--invalid" : "field"}
      id={id}
      aria-describedby={describedBy(id, hint, errors)}
    >
      <legend className="field__legend">{legend}</legend>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} errors={errors} />
      <div className={columns === 2 ? "choices choices--two" : "choices"}>
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          const controlled = value !== undefined;
          return (
            <label key={option.value} className="choice" htmlFor={optionId}>
              <input
                type="radio"
                id={optionId}
                name={name}
                value={option.value}
                required={required}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                {...(controlled
                  ? { checked: value === option.value, onChange: () => onChange?.(option.value) }
                  : { defaultChecked: defaultValue === option.value, onChange: () => onChange?.(option.value) })}
              />
              {option.icon ? <span className="choice__icon">{option.icon}</span> : null}
              <span className="choice__text">
                <span className="choice__title">{option.label}</span>
                {option.hint ? (
                  <span className="choice__hint" id={`${optionId}-hint`}>
                    {option.hint}
                  </span>
                ) : null}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
