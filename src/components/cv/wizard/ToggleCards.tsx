import type { ReactNode } from "react";
import { describedBy, FieldError, FieldHint, messagesOf, type FieldMessages } from "@/components/ui/TextField";

type ToggleCardsProps<V extends string> = {
  /** id of the group; each checkbox gets `${id}-${value}` */
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: FieldMessages;
  options: ReadonlyArray<{ value: V; label: string; icon?: ReactNode }>;
  values: readonly V[];
  onChange: (values: V[]) => void;
};

/** Several big tappable choices (checkboxes): means of transport, moments of the day. */
export function ToggleCards<V extends string>({ id, legend, hint, error, options, values, onChange }: ToggleCardsProps<V>) {
  const errors = messagesOf(error);
  return (
    <fieldset className={errors.length ? "field field--invalid" : "field"} id={id} aria-describedby={describedBy(id, hint, errors)}>
      <legend className="field__legend">{legend}</legend>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} errors={errors} />
      <div className="choices choices--grid">
        {options.map((o) => {
          const optionId = `${id}-${o.value}`;
          const checked = values.includes(o.value);
          return (
            <label key={o.value} className="choice" htmlFor={optionId}>
              <span className="choice--row with-icon">
                <input
                  type="checkbox"
                  id={optionId}
                  name={id}
                  value={o.value}
                  checked={checked}
                  onChange={() => onChange(checked ? values.filter((v) => v !== o.value) : [...values, o.value])}
                />
                {o.icon ? <span className="choice__icon">{o.icon}</span> : null}
              </span>
              <span className="choice__title">{o.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

type ChipChoicesProps = {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: FieldMessages;
  name: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  value: string;
  onChange: (value: string) => void;
};

/** One choice among a few short ones, as round chips (native radios underneath). */
export function ChipChoices({ id, legend, hint, error, name, options, value, onChange }: ChipChoicesProps) {
  const errors = messagesOf(error);
  return (
    <fieldset className={errors.length ? "field field--invalid" : "field"} id={id} aria-describedby={describedBy(id, hint, errors)}>
      <legend className="field__label">{legend}</legend>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} errors={errors} />
      <div className="chips">
        {options.map((o) => (
          <label key={o.value} className="chip" htmlFor={`${id}-${o.value}`}>
            <input
              type="radio"
              id={`${id}-${o.value}`}
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
