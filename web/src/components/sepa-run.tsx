import { createEffect, createSignal, createUniqueId, For, onCleanup, Show } from "solid-js";
import { action, createAsync, json, revalidate } from "@solidjs/router";
import { AskFirst } from "./ask-first";
import { farmToday } from "./bank-payment";
import { DataTable } from "./data-table";
import { FormError, Loads, Status } from "./feedback";
import { TextField } from "./field";
import { useMessages } from "../i18n";
import { useContributionText, useMoneyFormat } from "../i18n/contribution";
import { useActionForm } from "../lib/form";
import { contributionApi, getSepaRun, type SepaSummary } from "../lib/contribution";

/** Creating a run freezes it and mails every household: the month's card is read again. */
const createRun = action(async (month: string) => {
  const run = await contributionApi.createSepaRun(month);
  return json(run, { revalidate: [getSepaRun.keyFor(month)] });
}, "create-sepa-run");

/**
 * The month's direct debit: what a run would collect, the treasurer creates
 * it (each household is mailed then), and downloads its file, which stays
 * the same however often it is downloaded.
 */
export function SepaRun(props: { year: number }) {
  const s = useContributionText();
  const id = createUniqueId();
  const current = () => {
    const now = farmToday().slice(0, 7);
    return now.startsWith(String(props.year)) ? now : `${props.year}-01`;
  };
  const [month, setMonth] = createSignal<string>();
  const shown = () => month() ?? current();
  const run = createAsync(() => getSepaRun(shown()));
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{s().overview.sepaRunTitle}</h2>
      <p>{s().overview.sepaRunHint}</p>
      <TextField
        label={s().overview.sepaMonth}
        name="month"
        type="month"
        value={shown()}
        onInput={(e) => /^\d{4}-\d{2}$/.test(e.currentTarget.value) && setMonth(e.currentTarget.value)}
      />
      <Loads>
        <Show when={run()}>{(r) => <RunCard month={shown()} {...r()} />}</Show>
      </Loads>
    </section>
  );
}

/** The run or its preview; or why there can be none, told instead. */
function RunCard(props: { month: string; summary?: SepaSummary; error?: unknown }) {
  const messages = useMessages();
  return (
    <Show when={props.summary} fallback={<p class="notice info">{messages.error(props.error)}</p>}>
      {(summary) => <Run month={props.month} summary={summary()} />}
    </Show>
  );
}

function Run(props: { month: string; summary: SepaSummary }) {
  const s = useContributionText();
  const format = useMoneyFormat();
  const creating = useActionForm(createRun);
  const created = () => props.summary.status === "created";
  // the households are mailed after the create answered: read the run again until all are told (no file before)
  const telling = () => created() && (props.summary.notified ?? 0) < props.summary.count;
  createEffect(() => {
    if (!telling()) return;
    const timer = setInterval(() => void revalidate(getSepaRun.keyFor(props.month)), 1000);
    onCleanup(() => clearInterval(timer));
  });
  let download: HTMLAnchorElement | undefined;
  return (
    <>
      <Show when={created()}>
        <p>{s().overview.sepaCreated(format.instant(props.summary.created ?? ""), props.summary.messageID ?? "")}</p>
      </Show>
      <Show when={props.summary.count} fallback={<p class="notice info">{s().overview.sepaNothing}</p>}>
        <p>
          {s().overview.sepaRunPreview(props.summary.count, format.money(props.summary.totalCents), format.day(props.summary.collectionDate))}{" "}
          {s().overview.sepaSequences(props.summary.first, props.summary.recurring)}
        </p>
        <Show
          when={created()}
          fallback={
            <>
              <p class="hint">{s().overview.sepaNotice(props.summary.noticeDays)}</p>
              <FormError error={creating.error()} />
              <AskFirst
                class="primary"
                label={s().overview.sepaCreate}
                question={s().overview.sepaCreateQuestion(format.month(props.month), props.summary.count)}
                yes={s().overview.sepaCreateYes}
                no={s().overview.sepaCreateNo}
                pendingLabel={s().overview.sepaCreating}
                pending={creating.pending()}
                onAsk={creating.clear}
                onYes={() => creating.submit(props.month)}
                focusAfter={() => download}
              />
            </>
          }
        >
          <Status message={s().overview.sepaNotified(props.summary.notified ?? 0, props.summary.count)} tone="info" />
          <Show when={!telling()}>
            <p>
              <a ref={download} class="button" href={contributionApi.sepaFile(props.month)} download="">
                {s().overview.sepaDownload(format.month(props.month))}
              </a>
            </p>
          </Show>
          <p class="hint">{s().overview.sepaSame}</p>
          <Show when={props.summary.booked?.collected || props.summary.booked?.returned ? props.summary.booked : undefined}>
            {(b) => <p>{s().overview.sepaBooked(b().collected, format.money(b().collectedCents), b().returned, format.money(b().returnedCents))}</p>}
          </Show>
        </Show>
        <details>
          <summary>{s().overview.sepaCollections(props.summary.count)}</summary>
          <DataTable
            caption={s().overview.sepaCollections(props.summary.count)}
            rows={props.summary.collections}
            columns={[
              { label: s().overview.sepaHousehold, head: true, cell: (c) => c.household },
              { label: s().overview.sepaAmount, num: true, cell: (c) => format.money(c.amountCents) },
              { label: s().overview.sepaSequence, cell: (c) => s().overview.sepaSequenceNames[c.sequence] },
            ]}
          />
        </details>
      </Show>
      <Show when={props.summary.leftOut.length}>
        <h3>{s().overview.sepaLeftOut(props.summary.leftOut.length)}</h3>
        <p class="hint">{s().overview.sepaLeftOutHint}</p>
        <ul>
          <For each={props.summary.leftOut}>
            {(l) => (
              <li>
                {l.household}, {format.money(l.amountCents)}: {s().overview.sepaReasons[l.reason]}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}
