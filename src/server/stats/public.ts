// The public statistics: the instance's report with small counts hidden, so that nobody can be
// singled out (statistical secrecy).
//
// Primary suppression: every count below PUBLIC_MIN_COUNT (0 included) becomes null; a rate or
// a median computed over fewer than PUBLIC_MIN_COUNT people is null, with its head-count.
// Secondary suppression against differencing: when a total is shown, a single hidden part could
// be recovered as "total minus the parts shown" (a month among the months, retained / not
// retained / unknown among the eligible). So whenever exactly one part of a shown total is
// hidden, the smallest shown part is hidden too: the two hidden cells can then only be known
// together. A retention rate with the head-counts shown gives the other counts back
// (known = retained / rate, then unknown = eligible − known): so a rate is shown only over at least
// five known answers AND when none of retained / not retained / unknown is between 1 and 4 (a
// deduced 0, or a deduced count of 5 or more hidden only by the secondary rule, singles nobody out).
// Exits have no total on the page, so their rows get primary suppression only.
import { PUBLIC_MIN_COUNT, type StatsReport } from "./types";

const shown = (n: number | null): number | null => (n === null || n < PUBLIC_MIN_COUNT ? null : n);

/**
 * Hides the parts below the threshold and, when exactly one part is hidden under a shown total,
 * the smallest shown part as well. Returns the parts in their order.
 */
export function suppressParts(total: number | null, parts: ReadonlyArray<number | null>): Array<number | null> {
  const out = parts.map(shown);
  if (total === null) return out;
  const hidden = out.filter((v) => v === null).length;
  if (hidden === 1) {
    let smallest = -1;
    out.forEach((v, i) => {
      if (v !== null && (smallest < 0 || v < out[smallest]!)) smallest = i;
    });
    if (smallest >= 0) out[smallest] = null;
  }
  return out;
}

/** A count that singles nobody out when deduced: none, or at least the threshold. */
const harmless = (n: number) => n === 0 || n >= PUBLIC_MIN_COUNT;
const rateShown = (known: number, parts: number[]) => known >= PUBLIC_MIN_COUNT && parts.every(harmless);

/** The report as the public page shows it: whole instance, no caseloads, small counts hidden. */
export function publicReport(report: StatsReport): StatsReport {
  const counts = report.counts.map((c) => {
    const total = shown(c.total);
    const values = suppressParts(total, c.months.map((m) => m.value));
    return { ...c, total, months: c.months.map((m, i) => ({ month: m.month, value: values[i]! })) };
  });

  const retention = report.retention.map((r) => {
    const eligible = shown(r.eligible);
    const [retained = null, notRetained = null, unknown = null] = suppressParts(eligible, [r.retained, r.notRetained, r.unknown]);
    const known = (r.retained ?? 0) + (r.notRetained ?? 0);
    const rate = rateShown(known, [r.retained ?? 0, r.notRetained ?? 0, r.unknown ?? 0]) ? r.rate : null;
    const monthEligible = suppressParts(eligible, r.months.map((m) => m.eligible));
    const monthRetained = suppressParts(shown(r.retained), r.months.map((m) => m.retained));
    const months = r.months.map((m, i) => ({
      month: m.month,
      eligible: monthEligible[i]!,
      retained: monthRetained[i]!,
      rate: rateShown(m.known ?? 0, [m.retained ?? 0, (m.known ?? 0) - (m.retained ?? 0), (m.eligible ?? 0) - (m.known ?? 0)]) ? m.rate : null,
      // not published: with the eligible count it would give the unknown answers back
      known: null,
    }));
    return { ...r, eligible, retained, notRetained, unknown, rate, months };
  });

  const delays = report.delays.map((d) => {
    const people = shown(d.people);
    const monthPeople = suppressParts(people, d.months.map((m) => m.people));
    return {
      ...d,
      people,
      medianDays: people === null ? null : d.medianDays,
      months: d.months.map((m, i) => ({ month: m.month, people: monthPeople[i]!, medianDays: monthPeople[i] === null ? null : m.medianDays })),
    };
  });

  const { caseloads: _omitted, ...rest } = report;
  return {
    ...rest,
    filters: { ...report.filters, territory: null },
    counts,
    retention,
    delays,
    exits: { explanation: report.exits.explanation, rows: report.exits.rows.map((e) => ({ ...e, count: shown(e.count) })) },
  };
}
