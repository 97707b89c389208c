import type { ReactNode } from "react";
import { Card } from "@/components/ui/Card";

type FigureCardProps = {
  /** the section's id; its heading is `${id}-title` */
  id: string;
  label: string;
  /** the figure, already formatted ("1 234", "< 5", "75 %") */
  value: string;
  /** what the figure is, after it ("sur la période", "médiane") */
  valueCaption?: string;
  /** one line saying how it is computed */
  explanation: string;
  children?: ReactNode;
};

/** One figure: its label as heading, the number, how it is computed, then its chart. */
export function FigureCard({ id, label, value, valueCaption, explanation, children }: FigureCardProps) {
  return (
    <Card id={id} title={label} level={3} className="stats-card">
      <p className="stats-card__value">
        <strong className="stats-card__number" data-testid={`${id}-value`}>
          {value}
        </strong>
        {valueCaption ? <span className="muted"> {valueCaption}</span> : null}
      </p>
      <p className="stats-card__explanation">{explanation}</p>
      {children}
    </Card>
  );
}
