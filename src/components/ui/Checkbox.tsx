import type { InputHTMLAttributes, ReactNode } from "react";
import { describedBy, FieldError, FieldHint, messagesOf, type FieldMessages } from "./TextField";

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type"> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldMessages;
};

/** A large checkbox whose whole line is tappable. */
export function Checkbox({ id, name, label, hint, error, ...rest }: CheckboxProps) {
  const errors = messagesOf(error);
  return (
    <div className={errors.length ? "field field--invalid" : "field"}>
      <FieldError id={id} errors={errors} />
      <label className="checkbox" htmlFor={id}>
        <input
          {...rest}
          type="checkbox"
          id={id}
          name={name ?? id}
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={describedBy(id, hint, errors)}
        />
        <span>{label}</span>
      </label>
      <FieldHint id={id} hint={hint} />
    </div>
  );
}
