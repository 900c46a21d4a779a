import { createSignal, createUniqueId, For, Show, untrack } from "solid-js";
import { createStore } from "solid-js/store";
import { action, createAsync, type RouteSectionProps } from "@solidjs/router";
import { FormError, Loads, Status } from "../components/feedback";
import { CatalogueCrops, findCrop, HarvestRow, rowFields, sameCrop, type Row, type RowField } from "../components/harvest-entry";
import { Publish, Split } from "../components/harvest-publish";
import { Page } from "../components/page";
import { WeekPicker } from "../components/week-picker";
import { useI18n } from "../i18n";
import { cropKey, parseDecimal } from "../lib/harvest-view";
import { getCatalogue, type CatalogueCrop } from "../lib/harvest-farmer";
import {
  getHarvest,
  harvestApi,
  type HarvestItem,
  type HarvestOverview,
  type HarvestSaveInput,
} from "../lib/harvest";
import { canEnterHarvest, getMe } from "../lib/person";
import { settle } from "../lib/api";
import { useActionForm, useFieldError } from "../lib/form";
import { addWeeks, isWeek, weekLabel } from "../lib/week";
import { reveal } from "../lib/reveal";
import HarvestNext from "./harvest-next";
import NotFound from "./not-found";

const saveHarvest = action(
  async (week: string, input: HarvestSaveInput) =>
    settle(getHarvest.keyFor(week), await harvestApi.save(week, input)),
  "save-harvest",
);

/** How far back "use last week's crops" looks: a week off (holiday, frost) should not leave the farmer typing. */
const weeksToCopyFrom = 4;

/**
 * A harvest week. The farmer enters the crops, saves to see the split and
 * publishes it; the board sees the same split without the controls.
 */
export default function HarvestWeek(props: RouteSectionProps) {
  const { t, locale } = useI18n();
  const me = createAsync(() => getMe());
  const week = () => props.params.week ?? "";
  const editable = () => canEnterHarvest(me());
  return (
    <Show when={isWeek(week())} fallback={week() === "next" ? <HarvestNext /> : <NotFound />}>
      <Page title={editable() ? t().entry.title : t().entry.viewTitle} heading={t().entry.heading(weekLabel(week(), locale()))}>
        <WeekPicker week={week()} href={(w) => `/harvest/${w}`} />
        <Loads>
          <Show when={me()}>
            {/* Each week its own form, filled once from what was saved for that week. */}
            <Show when={week()} keyed>
              {(w) => <WeekContent week={w} editable={editable()} />}
            </Show>
          </Show>
        </Loads>
      </Page>
    </Show>
  );
}

function WeekContent(props: { week: string; editable: boolean }) {
  const { t, locale } = useI18n();
  const overview = createAsync(() => getHarvest(props.week));
  return (
    <Show when={overview() !== undefined}>
      <Show
        when={props.editable}
        fallback={
          <Show when={overview()} fallback={<p>{t().entry.empty(weekLabel(props.week, locale()))}</p>}>
            {(o) => <Split overview={o()} />}
          </Show>
        }
      >
        {/* Filled once from what was saved; later answers only update the split below it. */}
        <Entry week={props.week} initial={untrack(overview) ?? null} overview={overview() ?? null} />
      </Show>
    </Show>
  );
}

function Entry(props: { week: string; initial: HarvestOverview | null; overview: HarvestOverview | null }) {
  const { t, locale, number } = useI18n();
  const fieldError = useFieldError();
  const saving = useActionForm(saveHarvest);
  let nextKey = 0;
  let form: HTMLFormElement | undefined;
  let addButton: HTMLButtonElement | undefined;
  let splitHeading: HTMLHeadingElement | undefined;
  // After saving, reading carries on at the split, which may only now appear:
  // its heading scrolled to the top (under load focus alone left it at the fold) and focused.
  let focusSplit = false;
  const splitRef = (el: HTMLHeadingElement) => {
    splitHeading = el;
    if (!focusSplit) return;
    focusSplit = false;
    queueMicrotask(() => reveal(el));
  };

  /** A number for a field, as it would be typed: "0,05" in Dutch, no thousands separator. */
  const typed = (n: number) => (locale() === "nl" ? String(n).replace(".", ",") : String(n));
  const toRow = (item?: Omit<HarvestItem, "quantity"> & { quantity?: number }, withQuantity = true): Row => ({
    key: nextKey++,
    crop: item?.crop ?? "",
    unit: item?.unit ?? "kg",
    quantity: item?.quantity !== undefined && withQuantity ? typed(item.quantity) : "",
    step: item?.step !== undefined ? typed(item.step) : "",
    meat: item?.meat ?? false,
    open: !item,
  });
  // Not awaited under the form's Suspense: the catalogue arriving must not redraw a field being typed in.
  const [catalogue, setCatalogue] = createSignal<CatalogueCrop[]>([]);
  void getCatalogue().then(setCatalogue);
  const listID = createUniqueId();

  const [rows, setRows] = createStore<Row[]>(props.initial ? props.initial.items.map((i) => toRow(i)) : [toRow()]);
  const [note, setNote] = createSignal(props.initial?.note ?? "");
  const [edited, setEdited] = createSignal(false);
  const [saved, setSaved] = createSignal<string>();
  /** The rows as sent, in order: the API's issue `items.2.quantity` is about the third of them. */
  const [sent, setSent] = createSignal<number[]>([]);
  const [copying, setCopying] = createSignal(false);
  const [copied, setCopied] = createSignal<string>();
  const [copyError, setCopyError] = createSignal<unknown>();

  const blank = (r: Row) => !r.crop.trim() && !r.quantity.trim() && !r.step.trim() && !r.meat;
  const errorAt = (key: number, field: RowField) => {
    const index = sent().indexOf(key);
    return index < 0 ? undefined : fieldError(saving.error(), `items.${index}.${field}`);
  };
  const shownFields = () => [...sent().flatMap((_, i) => rowFields.map((f) => `items.${i}.${f}`)), "note"];

  function change<F extends RowField>(index: number, field: F, value: Row[F]) {
    setRows(index, field, value);
    setEdited(true);
    setSaved(undefined);
  }

  function addRow() {
    setRows((list) => [...list, toRow()]);
    form?.querySelector<HTMLInputElement>(`input[name="items.${rows.length - 1}.crop"]`)?.focus();
  }

  /** A crop typed or picked from the suggestions: a known one brings its unit, step and meat, unless already set. */
  function typeCrop(index: number, name: string) {
    change(index, "crop", name);
    const known = findCrop(catalogue(), name);
    const row = rows[index]!;
    if (known && !row.step.trim() && !row.meat && row.unit === "kg")
      setRows(index, { unit: known.unit, step: known.step !== undefined ? typed(known.step) : "", meat: known.meat, open: false });
  }

  /** One tap on a catalogue crop: it fills a blank row or comes last, and the quantity is next. */
  function addCrop(crop: CatalogueCrop) {
    const row = toRow({ crop: crop.crop, unit: crop.unit, step: crop.step, meat: crop.meat });
    const blankAt = rows.findIndex(blank);
    const at = blankAt >= 0 ? blankAt : rows.length;
    setRows(at, row);
    setEdited(true);
    setSaved(undefined);
    form?.querySelector<HTMLInputElement>(`input[name="items.${at}.quantity"]`)?.focus();
  }

  function removeRow(key: number) {
    setRows((list) => list.filter((r) => r.key !== key));
    setEdited(true);
    addButton?.focus();
  }

  async function copyLastWeek() {
    setCopied(undefined);
    setCopyError(undefined);
    setCopying(true);
    try {
      for (let back = 1; back <= weeksToCopyFrom; back++) {
        const week = addWeeks(props.week, -back);
        const found = await getHarvest(week);
        if (!found) continue;
        const have = new Set(
          rows.filter((r) => r.crop.trim()).map(cropKey),
        );
        const fresh = found.items.filter((i) => !have.has(cropKey(i))).map((i) => toRow(i, false));
        if (!fresh.length) {
          setCopied(t().entry.nothingNew);
          return;
        }
        const kept = rows.filter((r) => !blank(r)).length;
        setRows((list) => [...list.filter((r) => !blank(r)), ...fresh]);
        setEdited(true);
        setCopied(t().entry.copied(fresh.length, weekLabel(week, locale())));
        form?.querySelector<HTMLInputElement>(`input[name="items.${kept}.quantity"]`)?.focus();
        return;
      }
      setCopied(t().entry.nothingToCopy);
    } catch (e) {
      setCopyError(e);
    } finally {
      setCopying(false);
    }
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setSaved(undefined);
    const filled = rows.filter((r) => !blank(r));
    setSent(filled.map((r) => r.key));
    const items = filled.map((r) => ({
      crop: r.crop.trim(),
      unit: r.unit,
      quantity: parseDecimal(r.quantity),
      ...(r.step.trim() ? { step: parseDecimal(r.step) } : {}),
      ...(r.meat ? { meat: true } : {}),
    }));
    if (!(await saving.submit(props.week, { items, note: note().trim() }))) return;
    setEdited(false);
    setSaved(t().entry.saved);
    if (splitHeading?.isConnected) reveal(splitHeading);
    else focusSplit = true;
  }

  return (
    <>
      <section class="card" aria-labelledby="items-heading">
        <h2 id="items-heading">{t().entry.items}</h2>
        <form ref={form} class="stack" onSubmit={submit} novalidate>
          <CatalogueCrops
            listID={listID}
            crops={catalogue()}
            entered={(crop) => rows.some((r) => sameCrop(r.crop, crop))}
            onAdd={addCrop}
          />
          <For each={rows}>
            {(row, i) => (
              <HarvestRow
                row={row}
                index={i()}
                listID={listID}
                typed={typed}
                error={(field) => errorAt(row.key, field)}
                onChange={(field, value) => change(i(), field, value)}
                onCrop={(name) => typeCrop(i(), name)}
                onRemove={() => removeRow(row.key)}
              />
            )}
          </For>
          <div class="actions">
            <button ref={addButton} type="button" class="secondary" onClick={addRow}>
              {t().entry.add}
            </button>
            <button type="button" class="secondary" disabled={copying()} onClick={() => void copyLastWeek()}>
              {copying() ? t().entry.copying : t().entry.copy}
            </button>
          </div>
          <Status message={copied()} tone="info" />
          <FormError error={copyError()} />
          <NoteField
            value={note()}
            error={fieldError(saving.error(), "note")}
            onInput={(value) => {
              setNote(value);
              setEdited(true);
              setSaved(undefined);
            }}
          />
          <FormError error={saving.error()} fields={shownFields()} />
          <Status message={saved()} />
          <button type="submit" class="primary" disabled={saving.pending()}>
            {saving.pending() ? t().entry.saving : t().entry.save}
          </button>
        </form>
      </section>
      <Show when={props.overview}>
        {(o) => (
          <Split overview={o()} editable headingRef={splitRef}>
            <Publish week={props.week} overview={o()} unsaved={edited()} />
          </Split>
        )}
      </Show>
    </>
  );
}

function NoteField(props: { value: string; error?: string; onInput: (value: string) => void }) {
  const { t } = useI18n();
  const id = createUniqueId();
  const described = () => [`${id}-hint`, props.error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div class="field" classList={{ invalid: !!props.error }}>
      <label for={id}>{t().entry.note}</label>
      <p class="hint" id={`${id}-hint`}>
        {t().entry.noteHint}
      </p>
      <Show when={props.error}>
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      </Show>
      <textarea
        id={id}
        name="note"
        rows="3"
        maxlength="2000"
        value={props.value}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={described()}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}
