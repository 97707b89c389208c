import { offerIsOpen, type OfferRow } from "./relations";

// The offer as the recruiter sees it above its applications inbox, its ranked candidates and
// one candidate's page: built here once for all three.

export type OfferHeader = {
  id: string;
  title: string;
  status: OfferRow["status"];
  /** published and not expired: contact requests are possible */
  open: boolean;
  positions: number;
  /** applications marked hired */
  hires: number;
  /** every position is taken and the offer is still shown: suggest marking it filled */
  suggestMarkFilled: boolean;
  version: number;
};

/** Every position is taken and the offer is still shown (published or paused): time to suggest marking it filled. */
export function allPositionsTaken(offer: Pick<OfferRow, "positions" | "status">, hires: number): boolean {
  return hires >= offer.positions && (offer.status === "published" || offer.status === "paused");
}

/** The header of an offer with `hires` applications marked hired. */
export function offerHeader(offer: OfferRow, hires: number): OfferHeader {
  return {
    id: offer.id,
    title: offer.title,
    status: offer.status,
    open: offerIsOpen(offer),
    positions: offer.positions,
    hires,
    suggestMarkFilled: allPositionsTaken(offer, hires),
    version: offer.version,
  };
}
