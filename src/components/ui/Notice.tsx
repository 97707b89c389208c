import type { ReactNode } from "react";
import { IconCheck, IconInfo, IconWarning } from "./icons";

type NoticeProps = {
  tone?: "info" | "success" | "warning" | "error";
  title?: ReactNode;
  children?: ReactNode;
  /** role="status" (polite) by default; "none" for a notice that is part of the page from the start */
  live?: "status" | "none";
  id?: string;
  className?: string;
};

const ICONS = { info: IconInfo, success: IconCheck, warning: IconWarning, error: IconWarning };

/** A message box. Non-urgent: announced politely (role="status"), never as an alert. */
export function Notice({ tone = "info", title, children, live = "status", id, className }: NoticeProps) {
  const Icon = ICONS[tone];
  return (
    <div
      id={id}
      className={["notice", `notice--${tone}`, className].filter(Boolean).join(" ")}
      role={live === "status" ? "status" : undefined}
    >
      <Icon />
      <div className="notice__body">
        {title ? <p className="notice__title"><strong>{title}</strong></p> : null}
        {children}
      </div>
    </div>
  );
}
