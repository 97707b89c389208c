import Link from "next/link";
import type { ButtonHTMLAttributes, ComponentProps, ReactNode } from "react";

type Variant = "primary" | "secondary" | "danger";

function classes(variant: Variant, block?: boolean, small?: boolean, extra?: string) {
  return ["btn", `btn--${variant}`, block && "btn--block", small && "btn--small", extra].filter(Boolean).join(" ");
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  block?: boolean;
  small?: boolean;
  /** a pictogram shown before the words (decorative) */
  icon?: ReactNode;
  /** while true the button says `busyLabel` and ignores clicks (kept focusable) */
  busy?: boolean;
  busyLabel?: string;
};

/** A real <button>; type="button" unless told otherwise, so it never submits by accident. */
export function Button({
  variant = "primary",
  block,
  small,
  icon,
  busy,
  busyLabel,
  className,
  type = "button",
  children,
  onClick,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={classes(variant, block, small, className)}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        if (busy) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    >
      {icon}
      <span>{busy && busyLabel ? busyLabel : children}</span>
    </button>
  );
}

type LinkButtonProps = ComponentProps<typeof Link> & {
  variant?: Variant;
  block?: boolean;
  small?: boolean;
  icon?: ReactNode;
};

/** A link that looks like a button: for going somewhere, never for doing something. */
export function LinkButton({ variant = "primary", block, small, icon, className, children, ...rest }: LinkButtonProps) {
  return (
    <Link {...rest} className={classes(variant, block, small, className)}>
      {icon}
      <span>{children}</span>
    </Link>
  );
}
