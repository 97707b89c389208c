"use client";

import { useState } from "react";
import { IconEye, IconEyeOff } from "./icons";
import { describedBy, FieldError, FieldHint, messagesOf, type TextFieldProps } from "./TextField";

type PasswordFieldProps = Omit<TextFieldProps, "type" | "inputClassName"> & {
  autoComplete: "current-password" | "new-password";
};

/** A password input with a button to show what was typed (typing blind on a phone is hard). */
export function PasswordField({ id, name, label, hint, error, optional: _optional, ...rest }: PasswordFieldProps) {
  const [visible, setVisible] = useState(false);
  const errors = messagesOf(error);
  return (
    <div className={errors.length ? "field field--invalid" : "field"}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} errors={errors} />
      <div className="password">
        <input
          {...rest}
          id={id}
          name={name ?? id}
          type={visible ? "text" : "password"}
          className="input"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={describedBy(id, hint, errors)}
        />
        <button
          type="button"
          className="btn btn--secondary"
          aria-controls={id}
          aria-label={visible ? "Masquer le mot de passe" : "Afficher le mot de passe"}
          onClick={() => setVisible((v) => !v)}
        >
          {visible ? <IconEyeOff size="1.25em" /> : <IconEye size="1.25em" />}
          <span>{visible ? "Masquer" : "Afficher"}</span>
        </button>
      </div>
    </div>
  );
}
