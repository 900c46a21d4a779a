import { createMemo, createSignal, createUniqueId, For, Show } from "solid-js";
import { action, createAsync, json } from "@solidjs/router";
import { FormError, Loads, Status } from "../components/feedback";
import { TextField } from "../components/field";
import { RestrictedScreen } from "../components/membership-screen";
import { MoreMessages } from "../i18n";
import { useBankText } from "../i18n/bank";
import { useContributionText, useMoneyFormat } from "../i18n/contribution";
import { ApiError } from "../lib/api";
import { useActionForm } from "../lib/form";
import { contributionApi, getReview, type ImportReport, isTreasurer, type ReviewLine, type ReviewList } from "../lib/contribution";

/*
 * The treasurer's bank import: upload the bank's file as it is, read the
 * report (refused lines with their line number and why), then work the
 * review list: one tap books a line on a household, whose account is then
 * remembered for the next import.
 */

const importBank = action(async (file: File) => {
  const report = await contributionApi.importFile(file);
  return json(report, { revalidate: [getReview.key] });
}, "import-bank");

/** Books a line on a household, or (no household) sets it aside as no contribution. */
const decide = action(async (id: string, householdID: string | undefined, alsoImported?: boolean) => {
  const decided = householdID ? await contributionApi.assignLine(id, householdID, alsoImported) : await contributionApi.dismissLine(id);
  return json(decided, { revalidate: [getReview.key] });
}, "decide-bank-line");

export default function PaymentImportPage() {
  const b = useBankText();
  const c = useContributionText();
  const messages = () => ({ errors: { ...c().errors, ...b().errors }, fields: c().fields });
  return (
    <RestrictedScreen title={b().title} allow={isTreasurer}>
      <MoreMessages messages={messages}>
        <Upload />
        <Review />
      </MoreMessages>
    </RestrictedScreen>
  );
}

function Upload() {
  const b = useBankText();
  const importing = useActionForm(importBank);
  const [report, setReport] = createSignal<ImportReport>();
  const [missing, setMissing] = createSignal(false);
  const id = createUniqueId();

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setReport(undefined);
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem("file");
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    setMissing(!file);
    if (!file) return;
    const res = await importing.submit(file);
    if (res) setReport(res);
  }

  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{b().upload}</h2>
      <p class="hint">{b().uploadHint}</p>
      <form onSubmit={submit} novalidate>
        <TextField
          label={b().file}
          name="file"
          type="file"
          accept=".xml,.csv,.txt,.tab,.TAB,application/xml,text/xml,text/csv,text/plain"
          error={missing() ? b().noFile : undefined}
        />
        <FormError error={importing.error()} />
        <Status message={report() ? b().report(report()!.imported, report()!.alreadyThere, report()!.review.length, report()!.held.length) : undefined}>
          <Show when={report()}>{(r) => <ReportDetails report={r()} />}</Show>
        </Status>
        <div class="actions">
          <button type="submit" class="primary" disabled={importing.pending()}>
            {importing.pending() ? b().reading : b().read}
          </button>
        </div>
      </form>
    </section>
  );
}

function ReportDetails(props: { report: ImportReport }) {
  const b = useBankText();
  const format = useMoneyFormat();
  const r = () => props.report;
  return (
    <>
      <p class="hint">{b().format(b().formats[r().format] ?? r().format, r().lines)}</p>
      <Show when={r().refused.length}>
        <p>{b().refused(r().refused.length)}:</p>
        <ul>
          <For each={r().refused}>{(x) => <li>{b().refusedLine(x.line, b().refusals[x.code] ?? x.message)}</li>}</For>
        </ul>
      </Show>
      <Show when={r().notForUs.length}>
        <details>
          <summary>{b().notForUs(r().notForUs.length)}</summary>
          <ul>
            <For each={r().notForUs}>
              {(x) => (
                <li>
                  {b().refusedLine(x.line, `${b().notForUsReasons[x.reason] ?? x.reason}, ${x.currency === "EUR" ? format.money(x.amountCents) : `${x.currency} ${x.amountCents / 100}`}`)}
                  {x.description ? ` (${x.description})` : ""}
                </li>
              )}
            </For>
          </ul>
        </details>
      </Show>
    </>
  );
}

function Review() {
  const b = useBankText();
  const list = createAsync(() => getReview());
  const [news, setNews] = createSignal<string>();
  const id = createUniqueId();
  const heldID = createUniqueId();
  return (
    <Loads>
      <Show when={list()}>
        {(l) => (
          <>
            <section aria-labelledby={id}>
              <h2 id={id}>{b().review}</h2>
              <p class="hint">{b().reviewHint}</p>
              <Status message={news()} />
              <Show when={l().review.length} fallback={<p>{b().reviewEmpty}</p>}>
                <ul class="cards">
                  <For each={l().review}>{(line) => <ReviewCard line={line} households={l().households} onDone={setNews} />}</For>
                </ul>
              </Show>
            </section>
            <Show when={l().held.length}>
              <section class="card" aria-labelledby={heldID}>
                <h2 id={heldID}>{b().held}</h2>
                <p class="hint">{b().heldHint}</p>
                {/* a month's collection is a line a household: folded, so the list above stays in reach */}
                <details>
                  <summary>{b().heldShow(l().held.length)}</summary>
                  <ul>
                    <For each={l().held}>{(line) => <li><LineSummary line={line} /></li>}</For>
                  </ul>
                </details>
              </section>
            </Show>
          </>
        )}
      </Show>
    </Loads>
  );
}

/** Date, amount, payer and words of a line, and why it waits. */
function LineSummary(props: { line: ReviewLine }) {
  const b = useBankText();
  const format = useMoneyFormat();
  const l = () => props.line;
  return (
    <>
      <p>
        <strong>{format.money(l().amountCents)}</strong> · {format.day(l().bookingDate)} · {l().counterName ? b().from(l().counterName!) : b().unknownPayer}
        <Show when={l().reason}> · {b().reasons[l().reason!] ?? l().reason}</Show>
      </p>
      <p class="hint">
        {[l().counterIBAN, l().structuredReference, l().description, l().returnCode, b().line(l().line)].filter(Boolean).join(" · ")}
      </p>
    </>
  );
}

/** What a 409 payment.maybe_imported names: the payment already on the household alike to the line. */
function alikeOf(error: unknown) {
  if (!(error instanceof ApiError) || error.code !== "payment.maybe_imported") return undefined;
  const { importedDate, importedAmountCents, importedReference, importedSource } = error.details;
  if (typeof importedDate !== "string" || typeof importedAmountCents !== "number") return undefined;
  return { date: importedDate, amountCents: importedAmountCents, reference: typeof importedReference === "string" ? importedReference : "", byHand: importedSource === "manual" };
}

const shown = 6;
/** Reasons that say the line may be booked already: setting it aside is then "not again", not "no contribution". */
const repeats = ["by_hand", "conflict", "other_format"];

/** One waiting line: its likely households first, a search for any other, each one tap away; or set aside. */
function ReviewCard(props: { line: ReviewLine; households: ReviewList["households"]; onDone: (news: string) => void }) {
  const b = useBankText();
  const format = useMoneyFormat();
  const deciding = useActionForm(decide, ([id]) => id === props.line.id);
  const [search, setSearch] = createSignal("");
  const fold = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  const options = createMemo(() => {
    const q = fold(search().trim());
    if (!q) return props.line.candidates;
    return props.households.filter((h) => fold(h.name).includes(q)).slice(0, shown);
  });

  const [chosen, setChosen] = createSignal<{ householdID: string; name: string }>();
  const alikeID = createUniqueId();
  async function choose(householdID?: string, name?: string, alsoImported?: boolean) {
    setChosen(householdID && name ? { householdID, name } : undefined);
    const res = await deciding.submit(props.line.id, householdID, alsoImported);
    if (res) props.onDone(name ? b().assigned(format.money(props.line.amountCents), name) : b().dismissed);
  }

  return (
    <li class="card">
      <LineSummary line={props.line} />
      <TextField label={b().search} type="search" value={search()} onInput={(e) => setSearch(e.currentTarget.value)} autocomplete="off" />
      <Show when={search().trim() && !options().length}>
        <p class="hint">{b().noMatch}</p>
      </Show>
      <div class="actions">
        <For each={options()}>
          {(h) => (
            <button type="button" class="primary" disabled={deciding.pending()} onClick={() => choose(h.householdID, h.name)}>
              {b().assignTo(h.name)}
            </button>
          )}
        </For>
        <button type="button" class="secondary" disabled={deciding.pending()} onClick={() => choose()}>
          {repeats.includes(props.line.reason ?? "") ? b().dismissRepeat : b().dismiss}
        </button>
      </div>
      <Show when={chosen() && alikeOf(deciding.error())} fallback={<FormError error={deciding.error()} />}>
        {(a) => (
          <div class="notice info">
            <p id={alikeID}>{b().alike(format.money(a().amountCents), format.day(a().date), a().reference, a().byHand)}</p>
            <button type="button" class="secondary" aria-describedby={alikeID} disabled={deciding.pending()} onClick={() => choose(chosen()!.householdID, chosen()!.name, true)}>
              {b().bookAnyway(chosen()!.name)}
            </button>
          </div>
        )}
      </Show>
    </li>
  );
}
