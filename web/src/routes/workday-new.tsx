import { createSignal, For, Show } from "solid-js";
import { A, action, createAsync, json } from "@solidjs/router";
import { FormError, Status } from "../components/feedback";
import { readWorkday, WorkdayFields, workdayFields } from "../components/workday-fields";
import { WorkdayScreen } from "../components/workday-screen";
import { useWorkdayText } from "../i18n/workday";
import { putWorkdays } from "../lib/workday-view";
import { workdayApi, type WorkdayCreateInput, type WorkdayInfo } from "../lib/workday";
import { useWorkdayFormat } from "../lib/workday-view";
import { canOrganiseWorkdays, getMe } from "../lib/person";
import { useActionForm, whole } from "../lib/form";
import NotFound from "./not-found";

const createWorkdays = action(async (input: WorkdayCreateInput) => {
  const days = await workdayApi.create(input);
  await putWorkdays(days, { added: true });
  return json(days, { revalidate: [] });
}, "create-workdays");

/** For the farmer and the coordinators: a new work day, or the same day for several weeks in a row. */
export default function WorkdayNew() {
  const w = useWorkdayText();
  const me = createAsync(() => getMe());
  return (
    <Show when={me()}>
      <Show when={canOrganiseWorkdays(me())} fallback={<NotFound />}>
        <WorkdayScreen title={w().form.newTitle}>
          <CreateForm />
        </WorkdayScreen>
      </Show>
    </Show>
  );
}

function CreateForm() {
  const w = useWorkdayText();
  const format = useWorkdayFormat();
  const saving = useActionForm(createWorkdays);
  const [created, setCreated] = createSignal<WorkdayInfo[]>([]);
  // Once created, the fields start afresh (made anew), so a second tap cannot make the same day again.
  const [round, setRound] = createSignal(1);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setCreated([]);
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const { location, description, ...day } = readWorkday(data);
    const input: WorkdayCreateInput = {
      ...day,
      ...(location ? { location } : {}),
      ...(description ? { description } : {}),
      repeatWeeks: whole(data, "repeatWeeks"),
    };
    const days = await saving.submit(input);
    if (!days) return;
    setCreated(days);
    setRound(round() + 1);
  }

  return (
    <section class="card">
      <form onSubmit={submit} novalidate>
        <Show when={round()} keyed>
          {(_: number) => <WorkdayFields error={saving.error()} repeat />}
        </Show>
        <FormError error={saving.error()} fields={workdayFields} />
        <button type="submit" class="primary" disabled={saving.pending()}>
          {saving.pending() ? w().form.creating : w().form.create}
        </button>
      </form>
      <Status message={created().length ? w().form.created(w().count.days(created().length)) : undefined}>
        <ul class="created">
          <For each={created()}>
            {(day) => (
              <li>
                <A href={`/workdays/${day.id}`}>
                  {day.title}, {format.when(day)}
                </A>
              </li>
            )}
          </For>
        </ul>
      </Status>
    </section>
  );
}
