import { For, Show } from "solid-js";
import { BudgetFigures } from "./assembly-budget";
import { ItemPapers } from "./assembly-papers";
import { FormEnd, FormError } from "./feedback";
import { TextField } from "./field";
import { TextAreaField } from "./text-area";
import { useAssemblyText } from "../i18n/assembly";
import { itemKind, removeItem, reorderAgenda, updateItem, type AgendaItem, type AssemblyInfo } from "../lib/assembly";
import { formData, text, useActionForm, useSaveForm } from "../lib/form";

/**
 * The board's agenda: each item with its papers and budget figures; until
 * the ballot opens an item moves up or down, changes its title and
 * explanation, or leaves the agenda.
 */
export function BoardAgenda(props: { assembly: AssemblyInfo }) {
  const a = useAssemblyText();
  const alv = () => props.assembly;
  const editable = () => alv().status === "draft" || alv().status === "announced";
  const remove = useActionForm(removeItem);
  const move = useActionForm(reorderAgenda);

  function swap(n: number, by: -1 | 1) {
    const ids = alv().items.map((i) => i.id);
    [ids[n], ids[n + by]] = [ids[n + by]!, ids[n]!];
    void move.submit(alv().id, ids);
  }

  return (
    <section aria-labelledby="agenda">
      <h2 id="agenda">{a().agenda}</h2>
      <Show when={alv().items.length} fallback={<p>{a().noItems}</p>}>
        <ol class="agenda">
          <For each={alv().items}>
            {(item, n) => (
              <li>
                <span class="card-title">{item.title}</span> · {a().kind[itemKind(item)]}
                <Show when={item.inRoom}>
                  <span class="hint"> · {a().inRoom}</span>
                </Show>
                <Show when={item.description}>
                  <p>{item.description}</p>
                </Show>
                <Show when={item.budget}>{(b) => <BudgetFigures budget={b()} />}</Show>
                <ItemPapers assemblyID={alv().id} item={item} />
                <Show when={editable()}>
                  <p class="actions">
                    <button type="button" class="secondary small" disabled={n() === 0 || move.pending()} onClick={() => swap(n(), -1)}>
                      {a().item.up(item.title)}
                    </button>{" "}
                    <button type="button" class="secondary small" disabled={n() === alv().items.length - 1 || move.pending()} onClick={() => swap(n(), 1)}>
                      {a().item.down(item.title)}
                    </button>{" "}
                    <button type="button" class="secondary small" disabled={remove.pending()} onClick={() => void remove.submit(alv().id, item.id)}>
                      {a().item.remove(item.title)}
                    </button>
                  </p>
                  <EditItem assemblyID={alv().id} item={item} />
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <FormError error={remove.error() ?? move.error()} />
    </section>
  );
}

/** An item's title and explanation, changed in place behind a disclosure. */
function EditItem(props: { assemblyID: string; item: AgendaItem }) {
  const a = useAssemblyText();
  const form = useSaveForm(updateItem);

  async function save(e: SubmitEvent) {
    const data = formData(e);
    await form.save(() => a().item.changed, props.assemblyID, props.item.id, { title: text(data, "title"), description: text(data, "description") });
  }

  return (
    <details class="disclosure">
      <summary>{a().item.edit(props.item.title)}</summary>
      <form onSubmit={(e) => void save(e)} novalidate>
        <TextField label={a().item.title} name="title" required maxLength={160} value={props.item.title} error={form.fieldError("title")} />
        <TextAreaField label={a().item.description} name="description" maxLength={4000} value={props.item.description ?? ""} />
        <FormEnd error={form.error()} fields={["title"]} saved={form.saved()} pending={form.pending()} label={a().item.save} pendingLabel={a().busy} />
      </form>
    </details>
  );
}
