/** What the wizard page gives each step's form. */
export type StepProps<T> = {
  /** sessionStorage key of this step's draft */
  draftKey: string;
  /** the answers saved before (or empty ones) */
  initial: T;
  /** where to go once saved */
  next: string;
  prevHref: string;
  prevLabel?: string;
};

export type JobPick = { ogrCode: number; label: string; romeCode: string };
