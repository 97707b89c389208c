import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { fr } from "zod/locales";
import type { Role } from "../auth/schema";
import type { Context } from "./context";
import { FieldErrors, zodFieldErrors } from "../lib/field-errors";

// zod's own messages (a wrong type from a program, say) in French too, like ours.
z.config(fr());

/** Who may call a procedure. Every procedure carries one: the role-matrix test reads it. */
export type Access = "public" | "authed" | readonly Role[];
export type Meta = { access: Access };

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      // Field-by-field French messages for forms: { fieldErrors: { email: ["…"] } }.
      const zod = error.cause instanceof ZodError ? error.cause : null;
      return {
        ...shape,
        data: {
          ...shape.data,
          fieldErrors: zod ? zodFieldErrors(zod) : error.cause instanceof FieldErrors ? error.cause.fields : null,
          stack: undefined,
        },
      };
    },
  });

/** Domain errors become BAD_REQUEST with their fields, never a 500. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof FieldErrors) {
    throw new TRPCError({ code: "BAD_REQUEST", message: result.error.cause.message, cause: result.error.cause });
  }
  return result;
});

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.meta({ access: "public" }).use(mapDomainErrors);

const requireUser = t.middleware(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Connectez-vous pour continuer." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const authedProcedure = t.procedure.meta({ access: "authed" }).use(requireUser).use(mapDomainErrors);

/** A procedure only the given roles may call (checked before the input is even parsed). */
export function roleProcedure(...roles: Role[]) {
  return t.procedure
    .meta({ access: roles })
    .use(requireUser)
    .use(({ ctx, next }) => {
      if (!roles.includes(ctx.user!.role)) {
        throw new TRPCError({ code: "FORBIDDEN", message: "Cette action n'est pas permise avec votre compte." });
      }
      return next({ ctx: { ...ctx, user: ctx.user! } });
    })
    .use(mapDomainErrors);
}
