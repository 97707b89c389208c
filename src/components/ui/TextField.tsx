import type { InputHTMLAttributes, ReactNode } from "react";
import { IconWarning } from "./icons";

export type FieldMessages = string | string[] | undefined | null;

/**
 * The message to show for a field: only the first one the server gave, so that a person who
 * reads with difficulty gets one thing to fix at a time (the next appears on the next try).
 */
export function messagesOf(error: FieldMessages): string[] {
  if (!error) return [];
  const all = Array.isArray(error) ? error : [error];
  return all.slice(0, 1);
}

/** ids of the hint and error paragraphs of a field, for aria-describedby */
export function describedBy(id: string, hint: unknown, errors: string[]): string | undefined {
  const ids = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** The error message(s) of a field, read out with the field (aria-describedby). */
export function FieldError({ id, errors }: { id: string; errors: string[] }) {
  if (!errors.length) return null;
  return (
    <p id={`${id}-error`} className="field__error">
      <IconWarning size="1.25em" />
      <span>
        <span className="sr-only">Erreur : </span>
        {errors.join(" ")}
      </span>
    </p>
  );
}

export function FieldHint({ id, hint }: { id: string; hint?: ReactNode }) {
  if (!hint) return null;
  return (
    <span id={`${id}-hint`} className="field__hint">
      {hint}
    </span>
  );
}

export type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> & {
  id: string;
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldMessages;
  /** shows "(facultatif)" after the label */
  optional?: boolean;
  inputClassName?: string;
};

/** A labelled input with its hint and error wired through aria-describedby / aria-invalid. */
export function TextField({
  id,
  name,
  label,
  hint,
  error,
  optional,
  inputClassName,
  type = "text",
  ...rest
}: TextFieldProps) {
  const errors = messagesOf(error);
  return (
    <div className={errors.length ? "field field--invalid" : "field"}>
      <label htmlFor={id} className="field__label">
        {label}
        {optional ? <span className="field__optional"> (facultatif)</span> : null}
      </label>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} errors={errors} />
      <input
        {...rest}
        id={id}
        name={name ?? id}
        type={type}
        className={["input", inputClassName].filter(Boolean).join(" ")}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
      />
    </div>
  );
}

export type SelectFieldProps = Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "id" | "name"> & {
  id: string;
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldMessages;
  options: { value: string; label: string }[];
};

/** A labelled native <select> (the phone's own picker is the most usable one). */
export function SelectField({ id, name, label, hint, error, options, ...rest }: SelectFieldProps) {
  const errors = messagesOf(error);
  return (
    <div className={errors.length ? "field field--invalid" : "field"}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} errors={errors} />
      <select
        {...rest}
        id={id}
        name={name ?? id}
        className="select"
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
