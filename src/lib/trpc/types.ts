import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

/**
 * What each procedure returns and takes, as the client sees it: client components type their
 * cards, rows and lists from these (`RouterOutputs["matching"]["offersForBeneficiary"][number]`)
 * rather than copying the server's shapes or reaching into its modules.
 */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;
