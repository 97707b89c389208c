import { auditRouter } from "../audit/router";
import { importsRouter } from "../imports/router";
import { statsRouter } from "../stats/router";
import { searchRouter } from "../search/router";
import { applicationsRouter } from "../applications/router";
import { proposalsRouter } from "../recruiting/proposals-router";
import { accountsRouter, authRouter } from "../auth/router";
import { caseloadRouter } from "../caseload/router";
import { organisationsRouter } from "../organisations/router";
import { followupRouter } from "../followup/router";
import { formationsRouter } from "../formations/router";
import { offersRouter } from "../offers/router";
import { recruitingRouter } from "../recruiting/router";
import { instanceRouter } from "../instance/router";
import { matchingRouter } from "../matching/router";
import { notificationsRouter } from "../notifications/router";
import { privacyRouter } from "../privacy/router";
import { profileRouter } from "../profiles/router";
import { referentialsRouter } from "../referentials/router";
import { signUpRouter } from "../signup/router";
import { createCallerFactory, mergeRouters, router } from "../trpc/init";

export const appRouter = router({
  auth: mergeRouters(authRouter, signUpRouter),
  accounts: accountsRouter,
  instance: instanceRouter,
  matching: matchingRouter,
  profile: profileRouter,
  applications: applicationsRouter,
  proposals: proposalsRouter,
  privacy: privacyRouter,
  referentials: referentialsRouter,
  organisations: organisationsRouter,
  offers: offersRouter,
  recruiting: recruitingRouter,
  formations: formationsRouter,
  followup: followupRouter,
  caseload: caseloadRouter,
  notifications: notificationsRouter,
  stats: statsRouter,
  imports: importsRouter,
  audit: auditRouter,
  search: searchRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
