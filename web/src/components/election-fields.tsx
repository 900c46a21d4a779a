import { createSignal, createUniqueId, For, Show } from "solid-js";
import { useElectionText } from "../i18n/election";
import type { ElectionInfo, ElectionKind, Majority } from "../lib/election";
import { text, useFieldError, whole } from "../lib/form";
import { farmFields, farmInstant, farmToday } from "../lib/workday-view";
import { Messages, TextField } from "./field";
import { TextAreaField } from "./text-area";

/** The paths of the fields below, as the API names them in its issues; candidates add theirs per row. */
export const electionFields = [
  "kind",
  "title",
  "description",
  "opensAt",
  "closesAt",
  "seats",
  "candidates",
  "majority",
  "quorumPercent",
];

export const candidateFields = (rows: number) =>
  Array.from({ length: rows }, (_, i) => [`candidates.${i}.name`, `candidates.${i}.statement`]).flat();

const majorities: readonly Majority[] = ["simple", "two-thirds"];

/** A date `days` after a date field's value. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface Row {
  key: number;
  name: string;
  statement: string;
}

/**
 * An election's fields, shared by the create and the edit form. The kind is
 * chosen when creating and fixed after; a board election has seats and
 * candidates with statements, a motion its majority. Times are read on the
 * Amsterdam clock. Each API issue is told at its field.
 */
export function ElectionFields(props: {
  values?: ElectionInfo;
  error: unknown;
  /** The number of candidate rows, for the form's list of fields. */
  onRows?: (rows: number) => void;
}) {
  const e = useElectionText();
  const fieldError = useFieldError();
  const id = createUniqueId();
  const [kind, setKind] = createSignal<ElectionKind>(props.values?.kind ?? "board");
  let nextKey = 0;
  const initial: Row[] = props.values?.candidates.length
    ? props.values.candidates.map((c) => ({ key: nextKey++, name: c.name, statement: c.statement }))
    : [0, 1].map(() => ({ key: nextKey++, name: "", statement: "" }));
  const [rows, setRows] = createSignal<Row[]>(initial);
  props.onRows?.(initial.length);
  const change = (next: Row[]) => {
    setRows(next);
    props.onRows?.(next.length);
  };
  const tomorrow = addDays(farmToday(), 1);
  const opens = () => (props.values ? farmFields(props.values.opensAt) : { date: tomorrow, time: "09:00" });
  const closes = () => (props.values ? farmFields(props.values.closesAt) : { date: addDays(tomorrow, 7), time: "20:00" });
  const kindError = () => fieldError(props.error, "kind");
  const candidatesError = () => fieldError(props.error, "candidates");
  let list: HTMLDivElement | undefined;
  let addButton: HTMLButtonElement | undefined;

  return (
    <>
      <Show
        when={!props.values}
        fallback={
          <p class="lead">
            {e().kind[kind()]}
          </p>
        }
      >
        <fieldset class="field radios" classList={{ invalid: !!kindError() }}>
          <legend>{e().form.kind}</legend>
          <Messages id={`${id}-kind`} error={kindError()} />
          <For each={["board", "motion"] as const}>
            {(k) => (
              <div class="radio">
                <input
                  type="radio"
                  id={`${id}-kind-${k}`}
                  name="kind"
                  value={k}
                  checked={kind() === k}
                  onChange={() => setKind(k)}
                />
                <label for={`${id}-kind-${k}`}>
                  {k === "board" ? e().form.kindBoard : e().form.kindMotion}
                  <span class="option-hint">{k === "board" ? e().form.kindBoardHint : e().form.kindMotionHint}</span>
                </label>
              </div>
            )}
          </For>
        </fieldset>
      </Show>
      <TextField
        label={e().form.title}
        hint={e().form.titleHint}
        name="title"
        autocomplete="off"
        maxLength={160}
        value={props.values?.title ?? ""}
        error={fieldError(props.error, "title")}
      />
      <TextAreaField
        label={e().form.description}
        hint={e().form.descriptionHint}
        name="description"
        maxLength={4000}
        value={props.values?.description ?? ""}
        error={fieldError(props.error, "description")}
      />
      <p class="hint">{e().form.times}</p>
      <fieldset class="when-fields">
        <legend>{e().form.opens}</legend>
        <div class="field-row">
          <TextField
            label={e().form.date}
            name="opensDate"
            type="date"
            value={opens().date}
            error={fieldError(props.error, "opensAt")}
          />
          <TextField label={e().form.time} name="opensTime" type="time" step={300} value={opens().time} />
        </div>
      </fieldset>
      <fieldset class="when-fields">
        <legend>{e().form.closes}</legend>
        <div class="field-row">
          <TextField
            label={e().form.date}
            name="closesDate"
            type="date"
            value={closes().date}
            error={fieldError(props.error, "closesAt")}
          />
          <TextField label={e().form.time} name="closesTime" type="time" step={300} value={closes().time} />
        </div>
      </fieldset>
      <Show
        when={kind() === "board"}
        fallback={
          <fieldset class="field radios" classList={{ invalid: !!fieldError(props.error, "majority") }}>
            <legend>{e().form.majority}</legend>
            <Messages id={`${id}-majority`} error={fieldError(props.error, "majority")} />
            <For each={majorities}>
              {(m) => (
                <div class="radio">
                  <input
                    type="radio"
                    id={`${id}-majority-${m}`}
                    name="majority"
                    value={m}
                    checked={(props.values?.majority ?? "simple") === m}
                  />
                  <label for={`${id}-majority-${m}`}>{e().majority[m]}</label>
                </div>
              )}
            </For>
          </fieldset>
        }
      >
        <TextField
          label={e().form.seats}
          hint={e().form.seatsHint}
          name="seats"
          type="number"
          inputmode="numeric"
          min={1}
          max={20}
          step={1}
          value={props.values?.seats ?? 1}
          error={fieldError(props.error, "seats")}
        />
        <fieldset class="field candidate-fields" classList={{ invalid: !!candidatesError() }}>
          <legend>{e().form.candidates}</legend>
          <Messages id={`${id}-candidates`} hint={e().form.candidatesHint} error={candidatesError()} />
          <div ref={list}>
            <For each={rows()}>
              {(row, i) => (
                <fieldset class="person candidate-row">
                  <legend>{e().form.candidate(i() + 1)}</legend>
                  <TextField
                    label={e().form.candidateName}
                    name={`candidates.${i()}.name`}
                    autocomplete="off"
                    maxLength={100}
                    value={row.name}
                    error={fieldError(props.error, `candidates.${i()}.name`)}
                  />
                  <TextAreaField
                    label={e().form.statement}
                    hint={e().form.statementHint}
                    name={`candidates.${i()}.statement`}
                    maxLength={2000}
                    value={row.statement}
                    error={fieldError(props.error, `candidates.${i()}.statement`)}
                  />
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => {
                      change(rows().filter((r) => r.key !== row.key));
                      addButton?.focus();
                    }}
                  >
                    {e().form.removeCandidate(i() + 1)}
                  </button>
                </fieldset>
              )}
            </For>
          </div>
          <button
            ref={addButton}
            type="button"
            class="secondary"
            onClick={() => {
              change([...rows(), { key: nextKey++, name: "", statement: "" }]);
              list?.querySelector<HTMLInputElement>(`input[name="candidates.${rows().length - 1}.name"]`)?.focus();
            }}
          >
            {e().form.addCandidate}
          </button>
        </fieldset>
      </Show>
      <TextField
        label={e().form.quorum}
        hint={e().form.quorumHint}
        name="quorumPercent"
        type="number"
        inputmode="numeric"
        min={0}
        max={100}
        step={1}
        value={props.values?.quorumPercent ?? ""}
        error={fieldError(props.error, "quorumPercent")}
      />
    </>
  );
}

/** The fields as the API takes them. An empty date or time sends an empty instant, which the API names at its field. */
export function readElection(data: FormData, kind: ElectionKind) {
  const quorum = text(data, "quorumPercent");
  const common = {
    title: text(data, "title"),
    description: text(data, "description"),
    opensAt: farmInstant(text(data, "opensDate"), text(data, "opensTime")) ?? "",
    closesAt: farmInstant(text(data, "closesDate"), text(data, "closesTime")) ?? "",
    quorumPercent: quorum === "" ? undefined : whole(data, "quorumPercent"),
  };
  if (kind === "motion") return { ...common, majority: (text(data, "majority") || "simple") as Majority };
  const candidates: { name: string; statement: string }[] = [];
  for (let i = 0; data.has(`candidates.${i}.name`); i++)
    candidates.push({ name: text(data, `candidates.${i}.name`), statement: text(data, `candidates.${i}.statement`) });
  return { ...common, seats: whole(data, "seats"), candidates };
}
