// The differencing attack on published statistics, for tests: published numbers are linear
// equations over the months' true values ("the months from..to sum to T"); a hidden month is
// given back by some combination of them exactly when its unit vector lies in their span.
import { monthsBetween, type YearMonth } from "../../lib/dates";

/** Rank of a set of rows (exact enough for small integer coefficients: partial pivoting). */
export function rank(rows: number[][]): number {
  const m = rows.map((r) => [...r]);
  let r = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    let pivot = r;
    for (let i = r + 1; i < m.length; i++) if (Math.abs(m[i]![c]!) > Math.abs(m[pivot]![c]!)) pivot = i;
    if (Math.abs(m[pivot]![c]!) < 1e-9) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = m[i]![c]! / m[r]![c]!;
      if (f !== 0) for (let k = c; k < cols; k++) m[i]![k]! -= f * m[r]![k]!;
    }
    r++;
  }
  return r;
}

/** A visitor's knowledge of one figure over the months of a window. */
export class Knowledge {
  readonly equations: number[][] = [];
  readonly hidden = new Set<YearMonth>();

  constructor(readonly months: readonly YearMonth[]) {}

  private row(from: YearMonth, to: YearMonth): number[] {
    return this.months.map((m) => (m >= from && m <= to ? 1 : 0));
  }

  /** A published total over from..to (null: hidden, nothing learnt). */
  total(from: YearMonth, to: YearMonth, value: number | null): void {
    if (value !== null) this.equations.push(this.row(from, to));
  }

  /** A month's cell as published (null: hidden). */
  month(month: YearMonth, value: number | null): void {
    if (value === null) this.hidden.add(month);
    else this.equations.push(this.row(month, month));
  }

  /** Whether the month's value follows from what was published. */
  determined(month: YearMonth): boolean {
    if (this.equations.length === 0) return false;
    const unit = this.months.map((m) => (m === month ? 1 : 0));
    return rank([...this.equations, unit]) === rank(this.equations);
  }

  /** The hidden months some combination of published numbers gives back. */
  givenBack(): YearMonth[] {
    return [...this.hidden].filter((m) => this.determined(m));
  }
}

/** Every period a visitor may ask for within the window: every run of its months. */
export function everyPeriod(from: YearMonth, to: YearMonth): Array<[YearMonth, YearMonth]> {
  const months = monthsBetween(from, to);
  const out: Array<[YearMonth, YearMonth]> = [];
  for (let i = 0; i < months.length; i++) for (let j = i; j < months.length; j++) out.push([months[i]!, months[j]!]);
  return out;
}
