import { SelectField, TextField } from "@/components/ui/TextField";

export type StatsFilterErrors = Partial<Record<"from" | "to" | "territory", string[]>>;

type StatsFilterFormProps = {
  /** the page's own path: a GET form, so the filters are in the URL and a view can be shared */
  action: string;
  from: string;
  to: string;
  /** the admin dashboard only: the selected territory ("" for the whole département) and the choices */
  territory?: string;
  territories?: Array<{ code: string; name: string }>;
  errors?: StatsFilterErrors;
};

// browsers without a month picker show a text box: say the format
const MONTH_HINT = "Format : AAAA-MM";

/** Territory and period of the figures; a plain form that works without JavaScript. */
export function StatsFilterForm({ action, from, to, territory, territories, errors = {} }: StatsFilterFormProps) {
  return (
    <form method="get" action={action} className="stats-filters" role="search" aria-label="Filtrer les chiffres">
      {territories ? (
        <SelectField
          id="stats-territory"
          name="territory"
          label="Territoire"
          defaultValue={territory ?? ""}
          error={errors.territory}
          options={[{ value: "", label: "Tout le département" }, ...territories.map((t) => ({ value: t.code, label: t.name }))]}
        />
      ) : null}
      <TextField id="stats-from" name="from" type="month" label="Du mois" hint={MONTH_HINT} defaultValue={from} error={errors.from} pattern="\d{4}-\d{2}" />
      <TextField id="stats-to" name="to" type="month" label="Au mois (inclus)" hint={MONTH_HINT} defaultValue={to} error={errors.to} pattern="\d{4}-\d{2}" />
      <div className="field stats-filters__submit">
        <button type="submit" className="btn btn--primary">
          Afficher
        </button>
      </div>
    </form>
  );
}
