import { For, Show } from "solid-js";
import { useI18n } from "../i18n";
import { useFarmerText } from "../i18n/farmer";
import type { HarvestUnit } from "../lib/harvest";
import type { CatalogueCrop } from "../lib/harvest-farmer";
import { defaultStep, exact, parseDecimal, units } from "../lib/harvest-view";
import { CheckboxField, SelectField, TextField } from "./field";


/*
 * One crop of the week's entry, made for one hand in the field: the name
 * (with the catalogue as suggestions), the quantity with − and + by the
 * crop's step, and unit, step and meat folded away once known.
 */

/** One crop as typed: text as it stands in the fields, read into numbers only when saving. */
export interface Row {
  key: number;
  crop: string;
  unit: HarvestUnit;
  quantity: string;
  step: string;
  meat: boolean;
  /** Unit, step and meat shown: a new crop needs them, a known one does not. */
  open: boolean;
}

export const rowFields = ["crop", "unit", "quantity", "step", "meat"] as const;
export type RowField = (typeof rowFields)[number];

const nameKey = (name: string) => name.trim().toLowerCase().replace(/\s+/g, " ");

/** One crop by name, with case and spacing ignored ("Spinazie " is "spinazie"). */
export const sameCrop = (a: string, b: string) => nameKey(a) === nameKey(b);

/** The catalogue's crop of that name. */
export function findCrop(catalogue: readonly CatalogueCrop[], name: string): CatalogueCrop | undefined {
  return nameKey(name) ? catalogue.find((c) => sameCrop(c.crop, name)) : undefined;
}

export function HarvestRow(props: {
  row: Row;
  index: number;
  listID: string;
  typed: (n: number) => string;
  error: (field: RowField) => string | undefined;
  onChange: <F extends RowField>(field: F, value: Row[F]) => void;
  onCrop: (name: string) => void;
  onRemove: () => void;
}) {
  const { t, number } = useI18n();
  const f = useFarmerText();
  const r = () => props.row;
  const step = () => {
    const named = parseDecimal(r().step);
    return Number.isFinite(named) && named > 0 ? named : defaultStep[r().unit];
  };
  const by = (direction: 1 | -1) => {
    const now = parseDecimal(r().quantity);
    const next = exact(Math.max(0, (Number.isFinite(now) ? now : 0) + direction * step()));
    props.onChange("quantity", props.typed(next));
  };
  const detailsError = () => props.error("unit") || props.error("step") || props.error("meat");
  return (
    <fieldset class="harvest-row">
      {/* the crop's name shows what the row is; the legend names the group for a screen reader */}
      <legend class="sr-only">{t().entry.row(props.index + 1)}</legend>
      <div class="crop-line">
        <TextField
          label={t().entry.crop}
          name={`items.${props.index}.crop`}
          autocomplete="off"
          list={props.listID}
          value={r().crop}
          onInput={(e) => props.onCrop(e.currentTarget.value)}
          error={props.error("crop")}
        />
        <button type="button" class="secondary remove" aria-label={t().entry.remove(props.index + 1)} onClick={() => props.onRemove()}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div class="amount-line">
        <div class="stepper">
          <button type="button" class="secondary step-button" aria-label={f().row.less(r().crop.trim())} onClick={() => by(-1)}>
            −
          </button>
          <TextField
            label={t().entry.quantity}
            name={`items.${props.index}.quantity`}
            inputmode="decimal"
            autocomplete="off"
            value={r().quantity}
            onInput={(e) => props.onChange("quantity", e.currentTarget.value)}
            error={props.error("quantity")}
          />
          <button type="button" class="secondary step-button" aria-label={f().row.more(r().crop.trim())} onClick={() => by(1)}>
            +
          </button>
        </div>
        <details class="harvest-details" open={r().open || !!detailsError()}>
          <summary>
            <span class="sr-only">{f().row.details}: </span>
            {f().row.summary(t().units[r().unit], number(step()), r().meat)}
          </summary>
          <div class="harvest-fields">
            <SelectField
              label={t().entry.unit}
              name={`items.${props.index}.unit`}
              value={r().unit}
              options={units.map((u) => ({ value: u, label: t().units[u] }))}
              onChange={(value) => props.onChange("unit", value as HarvestUnit)}
              error={props.error("unit")}
            />
            <TextField
              label={t().entry.step}
              hint={t().entry.stepHint(number(defaultStep[r().unit]))}
              name={`items.${props.index}.step`}
              inputmode="decimal"
              autocomplete="off"
              placeholder={props.typed(defaultStep[r().unit])}
              value={r().step}
              onInput={(e) => props.onChange("step", e.currentTarget.value)}
              error={props.error("step")}
            />
            <CheckboxField
              label={t().entry.meat}
              name={`items.${props.index}.meat`}
              checked={r().meat}
              onChange={(checked) => props.onChange("meat", checked)}
              error={props.error("meat")}
            />
          </div>
        </details>
      </div>
    </fieldset>
  );
}

/** The catalogue as the crop fields' suggestions, and as one-tap buttons for the crops not entered yet. */
export function CatalogueCrops(props: {
  listID: string;
  crops: readonly CatalogueCrop[];
  entered: (crop: string) => boolean;
  onAdd: (crop: CatalogueCrop) => void;
}) {
  const f = useFarmerText();
  const { t } = useI18n();
  const open = () => props.crops.filter((c) => !props.entered(c.crop));
  return (
    <>
      <datalist id={props.listID}>
        <For each={props.crops}>{(c) => <option value={c.crop} />}</For>
      </datalist>
      <Show when={open().length}>
        <section class="catalogue" aria-labelledby={`${props.listID}-heading`}>
          <h3 id={`${props.listID}-heading`}>{f().catalogue.heading}</h3>
          <p class="hint">{f().catalogue.hint}</p>
          <ul class="chips">
            <For each={open()}>
              {(c) => (
                <li>
                  <button type="button" class="secondary chip" onClick={() => props.onAdd(c)}>
                    <span aria-hidden="true">+ </span>
                    {c.crop} <span class="meta">({t().units[c.unit]})</span>
                  </button>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </>
  );
}
