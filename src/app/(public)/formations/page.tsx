import type { Metadata } from "next";
import { PUBLIC_SEARCH_TITLES, PublicSearchPage } from "@/components/search/PublicSearchPage";

export const metadata: Metadata = { title: PUBLIC_SEARCH_TITLES.formations };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default function PublicFormationsPage({ searchParams }: Props) {
  return <PublicSearchPage kind="formations" searchParams={searchParams} />;
}
