// Every module's tables, gathered for Drizzle and drizzle-kit. Modules own their tables;
// this file only re-exports them.
export * from "../referentials/schema";
export * from "../instance/schema";
export * from "../auth/schema";
export * from "../signup/schema";
export * from "../audit/schema";
export * from "../profiles/schema";
export * from "../organisations/schema";
export * from "../offers/schema";
export * from "../formations/schema";
export * from "../applications/schema";
export * from "../followup/schema";
export * from "../caseload/schema";
export * from "../notifications/schema";
export * from "../alerts/schema";
export * from "../search/schema";
export * from "../ratelimit/schema";
