import Link from "next/link";
import { LinkButton } from "@/components/ui/Button";
import { IconArrowRight, IconCheck } from "@/components/ui/icons";
import type { RouterOutputs } from "@/lib/trpc/types";
import { stepHref } from "@/components/cv/steps";

type Completeness = RouterOutputs["profile"]["mine"]["completeness"];

/** How complete the CV is: a real <progress> with its label, what is missing, and where to go on. */
export function CvProgress({ completeness, compact }: { completeness: Completeness; compact?: boolean }) {
  const { percent, missing, next } = completeness;
  return (
    <div className="cv-progress">
      <label htmlFor="cv-progress-bar">Votre CV est rempli à {percent} %</label>
      <progress id="cv-progress-bar" max={100} value={percent}>
        {percent} %
      </progress>
      {compact ? null : missing.length ? (
        <>
          <p className="cv-progress__missing">Il manque :</p>
          <ul className="todo-list">
            {missing.map((m) => (
              <li key={m.key}>
                <Link href={stepHref(m.key)}>{m.label}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="with-icon cv-progress__done">
          <IconCheck />
          <span>Votre CV est complet. Bravo !</span>
        </p>
      )}
      {next ? (
        <LinkButton href={stepHref(next)} block icon={<IconArrowRight />}>
          Continuer mon CV
        </LinkButton>
      ) : null}
    </div>
  );
}
