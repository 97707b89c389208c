import type { Metadata } from "next";
import { PUBLIC_SEARCH_TITLES, PublicSearchPage } from "@/components/search/PublicSearchPage";

export const metadata: Metadata = { title: PUBLIC_SEARCH_TITLES.offers };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default function PublicOffersPage({ searchParams }: Props) {
  return <PublicSearchPage kind="offers" searchParams={searchParams} />;
}
