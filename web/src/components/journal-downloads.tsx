import { createSignal, createUniqueId } from "solid-js";
import { useMoneyFormat } from "../i18n/contribution";
import { useSection } from "../i18n";
import { booksEn, booksNl } from "../i18n/books";
import { booksApi } from "../lib/books";
import { SelectField } from "./field";

/** The journal of a year or one of its months, as CSV or auditfile: the treasurer's downloads for the books. */
export function JournalDownloads(props: { year: number }) {
  const s = useSection({ nl: booksNl, en: booksEn });
  const format = useMoneyFormat();
  const heading = createUniqueId();
  const [period, setPeriod] = createSignal("");
  // a period of another year (chosen before the year changed) falls back to the whole year
  const chosen = () => (period().startsWith(`${props.year}-`) ? period() : String(props.year));
  const months = () => Array.from({ length: 12 }, (_, i) => `${props.year}-${String(i + 1).padStart(2, "0")}`);
  return (
    <section aria-labelledby={heading}>
      <h2 id={heading}>{s().title}</h2>
      <p>{s().intro}</p>
      <SelectField
        name="period"
        label={s().period}
        value={chosen()}
        options={[{ value: String(props.year), label: s().wholeYear(props.year) }, ...months().map((m) => ({ value: m, label: format.month(m) }))]}
        onChange={setPeriod}
      />
      <p>
        <a class="button secondary" href={booksApi.journal(chosen(), "csv")} download="">
          {s().csv}
        </a>{" "}
        <a class="button secondary" href={booksApi.journal(chosen(), "xaf")} download="">
          {s().xaf}
        </a>
      </p>
    </section>
  );
}
