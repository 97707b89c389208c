"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import { summaryItems, type ErrorItem } from "@/components/ui/ErrorSummary";
import type { AppRouter } from "@/server/api/root";
import { MAX_BATCH_SIZE } from "./limits";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Slow networks: keep what we have for a minute rather than refetching on every focus.
      queries: { staleTime: 60_000, refetchOnWindowFocus: false, retry: 1 },
    },
  });
}

export function TrpcReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: MAX_BATCH_SIZE })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/** Field-by-field messages from a failed mutation: { email: ["…"] } (empty when none). */
export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  if (error instanceof TRPCClientError) {
    const data = error.data as { fieldErrors?: Record<string, string[]> | null } | undefined;
    return data?.fieldErrors ?? {};
  }
  return {};
}

/** A sentence for the person when something failed without field details. */
export function errorMessageOf(error: unknown): string {
  if (error instanceof TRPCClientError) {
    // No data: the request never got an answer (network down), and the message is the browser's, in English.
    if (!error.data) return "La connexion a échoué. Vérifiez votre réseau et réessayez.";
    if (error.data.code === "INTERNAL_SERVER_ERROR") return "Une erreur est survenue. Réessayez dans un instant.";
    return error.message;
  }
  return "La connexion a échoué. Vérifiez votre réseau et réessayez.";
}

/**
 * What a form shows after a failed mutation: the messages beside each field and the summary
 * items (linked to the fields, or one sentence when the failure names no field).
 */
export function formErrorsOf(error: unknown, fieldIds: Record<string, string>): { fieldErrors: Record<string, string[]>; errors: ErrorItem[] } {
  if (!error) return { fieldErrors: {}, errors: [] };
  const fieldErrors = fieldErrorsOf(error);
  const errors = summaryItems(fieldErrors, fieldIds);
  if (errors.length === 0) errors.push({ message: errorMessageOf(error) });
  return { fieldErrors, errors };
}
