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
  /** the profile an adviser fills in with the person; absent for the person's own CV */
  profileId?: string;
};

export type { JobPick } from "@/components/ui/pickers/JobPicker";
