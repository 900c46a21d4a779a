import { For, Show } from "solid-js";
import { A, createAsync, useNavigate } from "@solidjs/router";
import { AssemblyScreen } from "../components/assembly-results";
import { FormEnd, Loads } from "../components/feedback";
import { TextField } from "../components/field";
import { TextAreaField } from "../components/text-area";
import { useAssemblyText } from "../i18n/assembly";
import { createAssembly, getAssemblies } from "../lib/assembly";
import { formData, text, useSaveForm } from "../lib/form";
import { canManageHouseholds, getMe } from "../lib/person";
import { farmInstant, farmToday, useWorkdayFormat } from "../lib/workday-view";
import NotFound from "./not-found";

/** The board's list of meetings (drafts too) and the form to plan a new one. */
export default function AssembliesManage() {
  const a = useAssemblyText();
  const me = createAsync(() => getMe());
  const list = createAsync(() => getAssemblies());
  const format = useWorkdayFormat();
  const form = useSaveForm(createAssembly);
  const navigate = useNavigate();

  async function create(e: SubmitEvent) {
    const data = formData(e);
    const made = await form.save(() => "", {
      title: text(data, "title"),
      place: text(data, "place"),
      description: text(data, "description") || undefined,
      startsAt: farmInstant(text(data, "date"), text(data, "time")) ?? "",
    });
    if (made) navigate(`/assemblies/manage/${made.id}`);
  }

  return (
    <Show when={me()}>
      <Show when={canManageHouseholds(me())} fallback={<NotFound />}>
        <AssemblyScreen title={a().list.title}>
          <p class="lead">{a().list.intro}</p>
          <Loads>
            <Show when={list()?.length} fallback={<p>{a().list.empty}</p>}>
              <ul class="assembly-list">
                <For each={list()}>
                  {(alv) => (
                    <li>
                      <A href={`/assemblies/manage/${alv.id}`}>{alv.title}</A> · {format.start(alv.startsAt)} · {a().status[alv.status]}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </Loads>
          <section aria-labelledby="new-assembly">
            <h2 id="new-assembly">{a().list.new}</h2>
            <form onSubmit={(e) => void create(e)} novalidate>
              <TextField label={a().fields.title} name="title" required maxLength={160} error={form.fieldError("title")} />
              <div class="field-row">
                <TextField label={a().fields.startsAt} name="date" type="date" value={farmToday(Date.now() + 14 * 86_400_000)} error={form.fieldError("startsAt")} />
                <TextField label={a().item.time} name="time" type="time" step={300} value="20:00" />
              </div>
              <TextField label={a().fields.place} name="place" required maxLength={200} error={form.fieldError("place")} />
              <TextAreaField label={a().fields.description} name="description" maxLength={4000} />
              <FormEnd error={form.error()} fields={["title", "startsAt", "place"]} pending={form.pending()} label={a().create} pendingLabel={a().busy} />
            </form>
          </section>
        </AssemblyScreen>
      </Show>
    </Show>
  );
}
