import { icon } from "@/components/ui/icons";

/** A magnifier: search. */
export const IconSearch = icon(
  "s-search",
  <>
    <circle cx="10.5" cy="10.5" r="6.5" />
    <path d="M15.5 15.5 21 21" />
  </>,
);
