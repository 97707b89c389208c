import type { ReactNode } from "react";

type CardProps = {
  title?: ReactNode;
  icon?: ReactNode;
  /** heading level of the title (2 by default) */
  level?: 2 | 3;
  children: ReactNode;
  className?: string;
  id?: string;
};

/** A section in a box, with an optional titled heading. */
export function Card({ title, icon, level = 2, children, className, id }: CardProps) {
  const Heading = level === 2 ? "h2" : "h3";
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section className={["card", className].filter(Boolean).join(" ")} id={id} aria-labelledby={title ? headingId : undefined}>
      {title ? (
        <Heading className="card__title" id={headingId}>
          {icon}
          <span>{title}</span>
        </Heading>
      ) : null}
      {children}
    </section>
  );
}
