import type { YearMonth } from "@/lib/dates";
import { formatMonth, formatMonthLong, formatNumber, HIDDEN_LABEL, NO_DATA_LABEL } from "./format";

/**
 * One month of a chart. `value` null with `hidden` is a count the public page hides (fewer
 * than 5); null without `hidden` is a month with nothing to compute (no one to count).
 */
export type ChartPoint = { month: YearMonth; value: number | null; hidden?: boolean };

type BarChartProps = {
  /** unique on the page: names the table of figures */
  id: string;
  /** what is measured, by month, e.g. "Embauches par mois": the table's caption and the start of the summary */
  title: string;
  points: ChartPoint[];
  format?: (value: number) => string;
  /** top of the scale (1 for a rate); the largest value by default */
  max?: number;
  /** header of the value column in the table of figures */
  valueHeader?: string;
  /** more columns for the table of figures, one value per point */
  extraColumns?: Array<{ header: string; values: string[] }>;
  /** how a hidden value reads ("< 5" for a count, "masqué" for a rate over too few people) */
  hiddenLabel?: string;
  /** the note under the chart when a value is hidden */
  hiddenLegend?: string;
};

// The SVG is drawn in its own units and stretched to the width of the card (no text inside,
// so nothing gets squashed); labels are HTML around it and stay readable at 360 px.
const SLOT = 10;
const BAR = 7;
const HEIGHT = 60;
/** height of the dashed marker of a hidden value, as a share of the plot */
const HIDDEN_MARKER = 0.12;

export function pointText(point: ChartPoint, format: (value: number) => string, hiddenLabel = HIDDEN_LABEL): string {
  if (point.value !== null) return format(point.value);
  return point.hidden ? hiddenLabel : NO_DATA_LABEL;
}

/** The sentence a screen reader hears for the chart (the table under it has every number). */
export function chartSummary(title: string, points: ChartPoint[], format: (value: number) => string): string {
  const firstPoint = points[0];
  const lastPoint = points[points.length - 1];
  if (!firstPoint || !lastPoint) return `${title} : aucune donnée.`;
  const period =
    firstPoint === lastPoint ? `en ${formatMonthLong(firstPoint.month)}` : `de ${formatMonthLong(firstPoint.month)} à ${formatMonthLong(lastPoint.month)}`;
  const known = points.filter((p): p is ChartPoint & { value: number } => p.value !== null);
  const parts: string[] = [];
  if (known.length > 0) {
    const highest = known.reduce((a, b) => (b.value > a.value ? b : a));
    const lowest = known.reduce((a, b) => (b.value < a.value ? b : a));
    if (known.length === 1) parts.push(`${format(highest.value)} en ${formatMonthLong(highest.month)}`);
    else if (highest.value === lowest.value) parts.push(`${format(highest.value)} chaque mois connu`);
    else parts.push(`de ${format(lowest.value)} à ${format(highest.value)}, le plus haut en ${formatMonthLong(highest.month)}`);
  }
  const hidden = points.filter((p) => p.value === null && p.hidden).length;
  if (hidden > 0) parts.push(`${hidden} mois ${hidden > 1 ? "masqués" : "masqué"} (moins de 5)`);
  const empty = points.filter((p) => p.value === null && !p.hidden).length;
  if (empty > 0) parts.push(`${empty} mois sans donnée`);
  return `Graphique en barres : ${title}, ${period} : ${parts.join(" ; ")}.`;
}

/** A monthly bar chart in plain SVG, with its numbers in a table that opens under it. */
export function BarChart({
  id,
  title,
  points,
  format = formatNumber,
  max,
  valueHeader = "Nombre",
  extraColumns = [],
  hiddenLabel = HIDDEN_LABEL,
  hiddenLegend = "En pointillés : moins de 5, chiffre masqué pour que personne ne soit reconnaissable.",
}: BarChartProps) {
  const largest = Math.max(0, ...points.map((p) => p.value ?? 0));
  const scale = max ?? largest;
  const height = (value: number) => (scale > 0 ? (Math.min(value, scale) / scale) * HEIGHT : 0);
  const width = Math.max(1, points.length) * SLOT;
  const hasHidden = points.some((p) => p.value === null && p.hidden);
  const firstPoint = points[0];
  const lastPoint = points[points.length - 1];
  const tableId = `${id}-table`;

  return (
    <div className="stats-chart">
      <div className="stats-chart__scale" aria-hidden="true">
        <span>{scale > 0 ? format(scale) : format(0)}</span>
      </div>
      <svg
        className="stats-chart__svg"
        role="img"
        aria-label={chartSummary(title, points, format)}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        preserveAspectRatio="none"
        focusable="false"
      >
        {points.map((point, i) => {
          const x = i * SLOT + (SLOT - BAR) / 2;
          const label = `${formatMonth(point.month)} : ${pointText(point, format, hiddenLabel)}`;
          if (point.value !== null) {
            const h = height(point.value);
            return (
              <rect key={point.month} className="stats-chart__bar" x={x} y={HEIGHT - h} width={BAR} height={h} data-month={point.month}>
                <title>{label}</title>
              </rect>
            );
          }
          if (point.hidden) {
            const h = HEIGHT * HIDDEN_MARKER;
            return (
              <rect
                key={point.month}
                className="stats-chart__hidden"
                x={x}
                y={HEIGHT - h}
                width={BAR}
                height={h}
                vectorEffect="non-scaling-stroke"
                data-month={point.month}
                data-hidden="true"
              >
                <title>{label}</title>
              </rect>
            );
          }
          return null;
        })}
        <line className="stats-chart__baseline" x1={0} x2={width} y1={HEIGHT} y2={HEIGHT} vectorEffect="non-scaling-stroke" />
      </svg>
      {firstPoint && lastPoint ? (
        <div className="stats-chart__axis" aria-hidden="true">
          <span>{formatMonth(firstPoint.month)}</span>
          {lastPoint !== firstPoint ? <span>{formatMonth(lastPoint.month)}</span> : null}
        </div>
      ) : null}
      {hasHidden ? (
        <p className="stats-chart__legend muted">{hiddenLegend}</p>
      ) : null}
      <details className="stats-chart__details">
        <summary>
          Voir les chiffres par mois<span className="sr-only"> : {title}</span>
        </summary>
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={`${tableId}-caption`}>
          <table className="table" id={tableId}>
            <caption id={`${tableId}-caption`}>{title}</caption>
            <thead>
              <tr>
                <th scope="col">Mois</th>
                <th scope="col">{valueHeader}</th>
                {extraColumns.map((column) => (
                  <th scope="col" key={column.header}>
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((point, i) => (
                <tr key={point.month}>
                  <th scope="row">{formatMonth(point.month)}</th>
                  <td>{pointText(point, format, hiddenLabel)}</td>
                  {extraColumns.map((column) => (
                    <td key={column.header}>{column.values[i] ?? NO_DATA_LABEL}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
