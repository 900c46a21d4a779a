import { createSignal, createUniqueId, For, Show } from "solid-js";
import { A, action, createAsync, json } from "@solidjs/router";
import { FormError, Status } from "./feedback";
import { TextField } from "./field";
import { TextAreaField } from "./text-area";
import { useI18n } from "../i18n";
import { useContributionText, useMoneyFormat } from "../i18n/contribution";
import { text, useActionForm, useFieldError, whole } from "../lib/form";
import {
  contributionApi,
  getPot,
  getSolidarity,
  getStatement,
  type SolidarityChoice,
  type SolidarityInput,
  type SolidarityMine,
} from "../lib/contribution";

/* A household's solidarity choice on My contribution: the pot's totals, its own choice, and changing it. */

/** A new choice: the pot's totals and the statement move with it, so both are read again. */
const chooseSolidarity = action(async (householdID: string, input: SolidarityInput & { year: number }) => {
  const mine = await contributionApi.chooseSolidarity(householdID, input);
  return json(mine, {
    revalidate: [getPot.keyFor(input.year), getStatement.keyFor(householdID, input.year), getSolidarity.keyFor(householdID, input.year)],
  });
}, "choose-solidarity");

const solidarityFields = ["choice", "percent", "reason"];

export function SolidarityCard(props: { householdID: string; year: number }) {
  const s = useContributionText();
  const { mouths } = useI18n();
  const format = useMoneyFormat();
  const pot = createAsync(() => getPot(props.year));
  const mine = createAsync(() => getSolidarity(props.householdID, props.year));
  const id = createUniqueId();
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{s().solidarity.title}</h2>
      <p>{s().solidarity.intro}</p>
      <Show when={pot()}>
        {(p) => (
          <div class="notice info">
            <p>
              <strong>{s().solidarity.pot(p().year)}</strong>
            </p>
            <p>{s().solidarity.carries(mouths(p().carriesMouths))}</p>
            <p>{s().solidarity.supporters(p().supporters)}</p>
            <p>{s().solidarity.available(format.money(p().availableCents))}</p>
            <p class="hint">{s().solidarity.onlyTotals}</p>
          </div>
        )}
      </Show>
      <Show when={mine()}>
        {(m) => <SolidarityForm householdID={props.householdID} year={props.year} mine={m()} />}
      </Show>
    </section>
  );
}

function SolidarityForm(props: { householdID: string; year: number; mine: SolidarityMine }) {
  const s = useContributionText();
  const fieldError = useFieldError();
  const saving = useActionForm(chooseSolidarity);
  const [choice, setChoice] = createSignal<SolidarityChoice>(props.mine.choice);
  const [saved, setSaved] = createSignal<string>();
  const label = (c: SolidarityChoice) => s().solidarity[c];
  const percentFor = (c: SolidarityChoice) =>
    props.mine.choice === c && props.mine.percent ? props.mine.percent : c === "supporter" ? 10 : 25;
  const options: SolidarityChoice[] = ["standard", "supporter", "reduced"];
  const hints = { standard: s().solidarity.standardHint, supporter: s().solidarity.supporterHint, reduced: s().solidarity.reducedHint };
  const name = createUniqueId();

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setSaved(undefined);
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const c = choice();
    const reason = text(data, "reason");
    const result = await saving.submit(props.householdID, {
      choice: c,
      year: props.year,
      ...(c === "standard" ? {} : { percent: whole(data, "percent") }),
      ...(c === "reduced" && reason ? { reason } : {}),
    });
    if (result) setSaved(s().solidarity.saved);
  }

  return (
    <form onSubmit={submit} novalidate>
      <p>
        {props.mine.choice === "standard"
          ? s().solidarity.now(label("standard"))
          : s().solidarity.nowPercent(label(props.mine.choice), `${props.mine.percent}%`)}
      </p>
      <fieldset class="field radios" classList={{ invalid: !!fieldError(saving.error(), "choice") }}>
        <legend>{s().solidarity.choice}</legend>
        <For each={options}>
          {(o) => (
            <div class="radio">
              <input
                type="radio"
                id={`${name}-${o}`}
                name="choice"
                value={o}
                checked={choice() === o}
                onChange={() => setChoice(o)}
              />
              <label for={`${name}-${o}`}>
                {label(o)}
                <span class="option-hint">{hints[o]}</span>
              </label>
            </div>
          )}
        </For>
      </fieldset>
      <Show when={choice() !== "standard"}>
        <TextField
          label={s().solidarity.percent}
          hint={choice() === "supporter" ? s().solidarity.supporterPercentHint : s().solidarity.reducedPercentHint}
          name="percent"
          type="number"
          inputmode="numeric"
          min={5}
          max={choice() === "supporter" ? 100 : 75}
          step={1}
          value={percentFor(choice())}
          error={fieldError(saving.error(), "percent")}
        />
      </Show>
      <Show when={choice() === "reduced"}>
        <TextAreaField
          label={s().solidarity.reason}
          hint={s().solidarity.reasonHint}
          name="reason"
          rows="3"
          maxLength={500}
          value={props.mine.reason ?? ""}
          error={fieldError(saving.error(), "reason")}
        />
      </Show>
      <FormError error={saving.error()} fields={solidarityFields} />
      <Status message={saved()} />
      <button type="submit" class="primary" disabled={saving.pending()}>
        {saving.pending() ? s().solidarity.saving : s().solidarity.save}
      </button>
    </form>
  );
}
