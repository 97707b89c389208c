import { sql, type SQL } from "drizzle-orm";
import { FILLED_BY, PROFILE_STEPS, STEP_MINIMUMS, type ContentFact, type CountFact, type ProfileStep } from "./completeness";

// The SQL twin of completeness() (completeness.ts), built from the same definition: weights,
// minimums and what fills a step. Only the translation of each fact into columns is here.

/** A profile's facts as SQL over one row. */
export type CompletenessSqlFacts = {
  /** true when the wizard saved the step */
  saved: (step: ProfileStep) => SQL;
  /** true when the content exists (see FILLED_BY) */
  content: Record<ContentFact, SQL>;
  /** true when the count reaches n (see STEP_MINIMUMS) */
  atLeast: Record<CountFact, (n: number) => SQL>;
};

// Weights, counts and step names go in as literals (they are constants of the code, not input),
// so the statement reads like hand-written SQL and plans the same on both engines.
const literal = (n: number) => {
  if (!Number.isInteger(n)) throw new Error(`whole number expected: ${n}`);
  return sql.raw(String(n));
};
const stepLiteral = (step: ProfileStep) => {
  if (!/^[a-z_]+$/.test(step)) throw new Error(`invalid step: ${step}`);
  return sql.raw(`'${step}'`);
};

/** The completeness percent (an integer expression, 0 to 100) from a row's facts. */
export function completenessSqlFrom(f: CompletenessSqlFacts): SQL {
  const terms = PROFILE_STEPS.map((step) => {
    const conditions: SQL[] = [];
    const by = FILLED_BY[step.key];
    if (by !== "always") conditions.push(sql`(${f.saved(step.key)} or ${f.content[by]})`);
    const min = STEP_MINIMUMS[step.key];
    if (min) conditions.push(f.atLeast[min.fact](min.atLeast));
    if (conditions.length === 0) return literal(step.weight);
    return sql`case when ${sql.join(conditions, sql` and `)} then ${literal(step.weight)} else 0 end`;
  });
  return sql`(${sql.join(terms, sql`\n    + `)})`;
}

/**
 * The CV completeness percent of the beneficiary_profiles row named `alias` ("p"), the same
 * number as profileCompleteness() gives for the loaded profile. `lookups` says how the jobs
 * and formations tables are asked: "per-row" (a correlated `exists`, for a few rows: a caseload
 * page) or "hashed" (`id in (subquery)`, which PostgreSQL hashes once: statistics over every
 * profile).
 */
export function profileCompletenessSql(alias: string, lookups: "per-row" | "hashed" = "per-row"): SQL {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias) || alias === "completeness_x") throw new Error(`invalid table alias: ${alias}`);
  const a = sql.raw(alias);
  // a row of the person's in `table` (aliased completeness_x, a name no caller uses)
  const hasRow = (table: "profile_jobs" | "profile_formations", where?: SQL) => {
    const t = sql.raw(`${table} completeness_x`);
    if (lookups === "hashed") return sql`${a}.id in (select completeness_x.profile_id from ${t}${where ? sql` where ${where}` : sql``})`;
    return sql`exists (select 1 from ${t} where completeness_x.profile_id = ${a}.id${where ? sql` and ${where}` : sql``})`;
  };
  return completenessSqlFrom({
    saved: (step) => sql`${stepLiteral(step)} = any(${a}.steps_done)`,
    content: {
      travelModes: sql`cardinality(${a}.travel_modes) > 0`,
      skills: sql`cardinality(${a}.skill_codes) > 0`,
      availability: sql`(${a}.available_from is not null or ${a}.full_time is not null)`,
      background: sql`(coalesce(${a}.about, '') <> '' or ${hasRow("profile_formations")})`,
      visible: sql`${a}.visible_to_employers`,
    },
    atLeast: {
      soughtJobs: (n) =>
        n === 1
          ? hasRow("profile_jobs", sql`completeness_x.kind = 'sought'`)
          : sql`(select count(*) from profile_jobs completeness_x where completeness_x.profile_id = ${a}.id and completeness_x.kind = 'sought') >= ${literal(n)}`,
    },
  });
}
