import { createSignal, Show } from "solid-js";
import { A, createAsync, useParams } from "@solidjs/router";
import { BoardAgenda } from "../components/assembly-agenda";
import { AssemblyPapers } from "../components/assembly-papers";
import { AssemblyResults, AssemblyScreen, When } from "../components/assembly-results";
import { FormEnd, FormError, Loads } from "../components/feedback";
import { CheckboxField, SelectField, TextField } from "../components/field";
import { TextAreaField } from "../components/text-area";
import { useAssemblyText } from "../i18n/assembly";
import { addItem, changeAssembly, getAssembly, type AssemblyInfo, type ItemInput } from "../lib/assembly";
import { parseEuros } from "../lib/contribution";
import { formData, text, useActionForm, useSaveForm } from "../lib/form";
import { canManageHouseholds, getMe } from "../lib/person";
import NotFound from "./not-found";

/** The board's page of one meeting: its agenda, adding items until the ballot opens, opening and closing it, and the results. */
export default function AssemblyManage() {
  const a = useAssemblyText();
  const params = useParams();
  const me = createAsync(() => getMe());
  const assembly = createAsync(() => getAssembly(params.id!));
  return (
    <Show when={me()}>
      <Show when={canManageHouseholds(me())} fallback={<NotFound />}>
        <AssemblyScreen title={assembly()?.title ?? a().title}>
          <Loads>
            <Show when={assembly()}>{(alv) => <Manage assembly={alv()} />}</Show>
          </Loads>
        </AssemblyScreen>
      </Show>
    </Show>
  );
}

function Manage(props: { assembly: AssemblyInfo }) {
  const a = useAssemblyText();
  const alv = () => props.assembly;
  const editable = () => alv().status === "draft" || alv().status === "announced";
  const change = useActionForm(changeAssembly);
  const [reminded, setReminded] = createSignal(false);
  return (
    <>
      <When assembly={alv()} />
      <p class="actions">
        <Show when={alv().status !== "draft"}>
          <A class="button" href={`/assemblies/manage/${alv().id}/door`}>
            {a().manage.door}
          </A>{" "}
          <A href={`/assemblies/${alv().id}`}>{a().manage.view}</A>
        </Show>
      </p>
      <BoardAgenda assembly={alv()} />
      <AssemblyPapers assembly={alv()} board />
      <Show when={editable()}>
        <ItemForm assembly={alv()} />
      </Show>
      <section aria-labelledby="ballot-steps">
        <h2 id="ballot-steps">{a().ballot.title}</h2>
        <Show when={alv().status === "draft"}>
          <p class="hint">{a().manage.announceHint}</p>
          <button type="button" class="primary" disabled={change.pending()} onClick={() => void change.submit(alv().id, "announce")}>
            {a().manage.announce}
          </button>
        </Show>
        <Show when={alv().status === "announced"}>
          <p class="hint">{a().manage.openHint}</p>
          <button type="button" class="primary" disabled={change.pending()} onClick={() => void change.submit(alv().id, "open")}>
            {a().manage.open}
          </button>
        </Show>
        <Show when={alv().status === "open"}>
          <p class="hint">{a().manage.remindHint}</p>
          <button type="button" class="secondary" disabled={change.pending()} onClick={() => void change.submit(alv().id, "remind").then((r) => r && setReminded(true))}>
            {a().manage.remind}
          </button>{" "}
          <button type="button" class="primary" disabled={change.pending()} onClick={() => void change.submit(alv().id, "close")}>
            {a().manage.close}
          </button>
          <Show when={reminded()}>
            <p class="notice success" role="status">
              {a().manage.reminded}
            </p>
          </Show>
        </Show>
        <FormError error={change.error()} />
      </section>
      <Show when={alv().status === "closed"}>
        <AssemblyResults assemblyID={alv().id} />
      </Show>
    </>
  );
}

/** Adds a discussion point, a motion or the board seats at the end of the agenda. */
function ItemForm(props: { assembly: AssemblyInfo }) {
  const a = useAssemblyText();
  const [kind, setKind] = createSignal<ItemInput["kind"]>("motion");
  const [budget, setBudget] = createSignal(false);
  const nextYear = () => Number(props.assembly.startsAt.slice(0, 4)) + 1;
  const form = useSaveForm(addItem);
  let el: HTMLFormElement | undefined;

  async function add(e: SubmitEvent) {
    const data = formData(e);
    const quorum = text(data, "quorumPercent");
    const item: ItemInput = {
      kind: kind(),
      title: text(data, "title"),
      description: text(data, "description") || undefined,
      ...(kind() === "discussion" ? {} : { inRoom: data.get("inRoom") === "on", quorumPercent: quorum ? Number(quorum) : undefined }),
      ...(kind() === "motion" ? { majority: data.get("twoThirds") === "on" ? "two-thirds" : "simple" } : {}),
      ...(kind() === "motion" && budget()
        ? { budget: { year: Number(text(data, "year")), budgetCents: parseEuros(text(data, "budgetCents")), weeks: Number(text(data, "weeks")) } }
        : {}),
      ...(kind() === "board"
        ? {
            seats: Number(text(data, "seats") || "1"),
            candidates: text(data, "candidates")
              .split("\n")
              .map((name) => name.trim())
              .filter(Boolean)
              .map((name) => ({ name })),
          }
        : {}),
    };
    if (await form.save(() => a().item.added, props.assembly.id, item)) {
      el?.reset();
      setBudget(false);
    }
  }

  return (
    <section aria-labelledby="add-item">
      <h2 id="add-item">{a().item.add}</h2>
      <form ref={el} onSubmit={(e) => void add(e)} novalidate>
        <SelectField
          label={a().item.kind}
          name="kind"
          value={kind()}
          onChange={(v) => setKind(v as ItemInput["kind"])}
          options={(["motion", "board", "discussion"] as const).map((k) => ({ value: k, label: a().kind[k] }))}
        />
        <TextField label={a().item.title} name="title" required maxLength={160} error={form.fieldError("title")} />
        <TextAreaField label={a().item.description} name="description" maxLength={4000} />
        <Show when={kind() !== "discussion"}>
          <TextField label={a().item.quorum} name="quorumPercent" type="number" inputmode="numeric" min={0} max={100} error={form.fieldError("quorumPercent")} />
          <CheckboxField label={a().item.inRoom} name="inRoom" />
        </Show>
        <Show when={kind() === "motion"}>
          <CheckboxField label={a().item.twoThirds} name="twoThirds" />
          <CheckboxField label={a().budget.mark} name="budget" hint={a().budget.markHint} checked={budget()} onChange={(on) => setBudget(on)} />
          <Show when={budget()}>
            <TextField label={a().budget.year} name="year" type="number" inputmode="numeric" min={2000} max={2200} value={String(nextYear())} error={form.fieldError("budget.year")} />
            <TextField label={a().budget.budgetCents} name="budgetCents" inputmode="decimal" required error={form.fieldError("budget.budgetCents")} />
            <TextField label={a().budget.weeks} name="weeks" type="number" inputmode="numeric" min={1} max={53} required error={form.fieldError("budget.weeks")} />
          </Show>
        </Show>
        <Show when={kind() === "board"}>
          <TextField label={a().item.seats} name="seats" type="number" inputmode="numeric" min={1} max={20} value="1" error={form.fieldError("seats")} />
          <TextAreaField label={a().item.candidates} name="candidates" rows={4} error={form.fieldError("candidates")} />
        </Show>
        <FormEnd error={form.error()} fields={["title", "quorumPercent", "seats", "candidates", "budget.year", "budget.budgetCents", "budget.weeks"]} saved={form.saved()} pending={form.pending()} label={a().item.add} pendingLabel={a().busy} />
      </form>
    </section>
  );
}
