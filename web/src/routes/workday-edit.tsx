import { createSignal, Show } from "solid-js";
import { A, action, createAsync, json, type RouteSectionProps } from "@solidjs/router";
import { FormError, Loads, Status } from "../components/feedback";
import { readWorkday, WorkdayFields, workdayFields } from "../components/workday-fields";
import { WorkdayScreen } from "../components/workday-screen";
import { useWorkdayText } from "../i18n/workday";
import { getWorkday, workdayApi, type WorkdayInfo, type WorkdayUpdateInput } from "../lib/workday";
import { putWorkdays } from "../lib/workday-view";
import { useWorkdayFormat } from "../lib/workday-view";
import { canOrganiseWorkdays } from "../lib/person";
import { useActionForm } from "../lib/form";
import { Restricted } from "../components/restricted";

const updateWorkday = action(async (workdayID: string, changes: WorkdayUpdateInput) => {
  const day = await workdayApi.update(workdayID, changes);
  await putWorkdays([day]);
  return json(day, { revalidate: [] });
}, "update-workday");

/** For the farmer and the coordinators: change a work day; only what changed is sent. */
export default function WorkdayEdit(props: RouteSectionProps) {
  const w = useWorkdayText();
  const day = createAsync(() => getWorkday(props.params.id!));
  return (
    <Restricted allow={canOrganiseWorkdays}>
      <WorkdayScreen title={w().form.editTitle}>
        <p>
          <A href={`/workdays/${props.params.id}`}>{w().form.back}</A>
        </p>
        <Loads>
          {/* Filled once from the day as it was loaded. */}
          <Show when={day()?.id} keyed>
            {(_id) => <EditForm day={day()!} />}
          </Show>
        </Loads>
      </WorkdayScreen>
    </Restricted>
  );
}

/** The fields that differ from the day as it is; instants are compared as moments, not as text. */
function changesOf(day: WorkdayInfo, next: ReturnType<typeof readWorkday>): WorkdayUpdateInput {
  const changes: WorkdayUpdateInput = {};
  if (next.title !== day.title) changes.title = next.title;
  if (next.task !== day.task) changes.task = next.task;
  if (Date.parse(next.start) !== Date.parse(day.start) || !next.start) changes.start = next.start;
  if (Date.parse(next.end) !== Date.parse(day.end) || !next.end) changes.end = next.end;
  if (next.capacity !== day.capacity) changes.capacity = next.capacity;
  if (next.location !== (day.location ?? "")) changes.location = next.location;
  if (next.description !== (day.description ?? "")) changes.description = next.description;
  return changes;
}

function EditForm(props: { day: WorkdayInfo }) {
  const w = useWorkdayText();
  const format = useWorkdayFormat();
  const saving = useActionForm(updateWorkday);
  const [message, setMessage] = createSignal<string>();
  const signedUp = () => props.day.confirmed + props.day.waitlisted;

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setMessage(undefined);
    saving.clear();
    const changes = changesOf(props.day, readWorkday(new FormData(e.currentTarget as HTMLFormElement)));
    if (Object.keys(changes).length === 0) {
      setMessage(w().form.nothingChanged);
      return;
    }
    if (await saving.submit(props.day.id, changes)) setMessage(w().form.saved);
  }

  return (
    <section class="card">
      <p class="lead">
        {props.day.title}, {format.when(props.day)}
      </p>
      <Show when={signedUp()}>
        <p class="notice info">{w().form.signedUp(signedUp())}</p>
      </Show>
      <form onSubmit={submit} novalidate>
        <WorkdayFields values={props.day} error={saving.error()} />
        <FormError error={saving.error()} fields={workdayFields} />
        <Status message={message()} />
        <button type="submit" class="primary" disabled={saving.pending()}>
          {saving.pending() ? w().form.saving : w().form.save}
        </button>
      </form>
    </section>
  );
}
