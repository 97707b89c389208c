import { accountsRouter, authRouter } from "../auth/router";
import { instanceRouter } from "../instance/router";
import { matchingRouter } from "../matching/router";
import { referentialsRouter } from "../referentials/router";
import { createCallerFactory, router } from "./init";

export const appRouter = router({
  auth: authRouter,
  accounts: accountsRouter,
  instance: instanceRouter,
  matching: matchingRouter,
  referentials: referentialsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
