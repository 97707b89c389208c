import { roleProcedure, router } from "../trpc/init";
import { auditListInput, listAuditEvents } from "./list";

export const auditRouter = router({
  /** Admin: the audit trail, filtered (family or action, actor, subject, Paris days), 50 a page. */
  list: roleProcedure("admin")
    .input(auditListInput)
    .query(({ ctx, input }) => listAuditEvents(ctx.db, input)),
});
