import { For, Show } from "solid-js";
import { A, createAsync, type RouteSectionProps } from "@solidjs/router";
import { Loads } from "../components/feedback";
import { Attendance } from "../components/workday-attendance";
import { WorkdayScreen } from "../components/workday-screen";
import { useWorkdayText } from "../i18n/workday";
import { getRoster, type WorkdayRoster } from "../lib/workday";
import { hasStarted, useWorkdayFormat } from "../lib/workday-view";
import { canOrganiseWorkdays } from "../lib/person";
import { Restricted } from "../components/restricted";

/**
 * Who comes, on a phone in the field: the confirmed people, the waiting
 * list in order, and, once the day has begun, ticking who came. Printed,
 * it is a paper list to tick and fill in on the day.
 */
export default function RosterPage(props: RouteSectionProps) {
  const w = useWorkdayText();
  const roster = createAsync(() => getRoster(props.params.id!));
  return (
    <Restricted allow={canOrganiseWorkdays}>
      <WorkdayScreen title={w().roster.title}>
        <p class="no-print">
          <A href={`/workdays/${props.params.id}`}>{w().roster.back}</A>
        </p>
        <Loads>
          <Show when={roster()?.workday.id} keyed>
            {(_id) => <Roster roster={roster()!} />}
          </Show>
        </Loads>
      </WorkdayScreen>
    </Restricted>
  );
}

function Roster(props: { roster: WorkdayRoster }) {
  const w = useWorkdayText();
  const format = useWorkdayFormat();
  const day = () => props.roster.workday;
  const confirmed = () => props.roster.entries.filter((e) => e.status === "confirmed");
  const waiting = () =>
    props.roster.entries.filter((e) => e.status === "waitlisted").sort((a, b) => a.position - b.position);
  return (
    <>
      <p class="lead">
        {day().title}, {format.when(day())}
        <Show when={day().location}>{(location) => <>, {location()}</>}</Show>
      </p>
      <Show when={day().status === "cancelled"}>
        <p class="notice warning">{w().detail.cancelled}</p>
      </Show>
      <div class="actions no-print">
        <button type="button" class="secondary" onClick={() => window.print()}>
          {w().roster.print}
        </button>
      </div>
      <PaperList roster={props.roster} />
      <section class="card no-print" aria-labelledby="confirmed">
        <h2 id="confirmed">{w().roster.confirmed(confirmed().length, day().capacity)}</h2>
        <Show when={confirmed().length} fallback={<p>{w().roster.nobody}</p>}>
          <Show
            when={hasStarted(day())}
            fallback={
              <>
                <p class="notice info">{w().roster.notStarted(format.start(day().start))}</p>
                <ol class="roster">
                  <For each={confirmed()}>{(e) => <li>{e.name}</li>}</For>
                </ol>
              </>
            }
          >
            <Attendance roster={props.roster} />
          </Show>
        </Show>
      </section>
      <section class="card no-print" aria-labelledby="waitlist">
        <h2 id="waitlist">{w().roster.waitlist(waiting().length)}</h2>
        <Show when={waiting().length} fallback={<p>{w().roster.noWaitlist}</p>}>
          <ol class="roster">
            <For each={waiting()}>{(e) => <li>{e.name}</li>}</For>
          </ol>
        </Show>
      </section>
    </>
  );
}

/** Only on paper: everyone expected, boxes to tick and hours to write, and lines for who comes unannounced. */
function PaperList(props: { roster: WorkdayRoster }) {
  const w = useWorkdayText();
  const expected = () => props.roster.entries.filter((e) => e.status !== "waitlisted");
  const row = (name: string, hours: number | null) => (
    <tr>
      <td>{name}</td>
      <td class="tick" />
      <td>{hours ?? ""}</td>
    </tr>
  );
  return (
    <table class="data-table print-only roster-paper">
      <thead>
        <tr>
          <th scope="col">{w().roster.printName}</th>
          <th scope="col">{w().roster.printPresent}</th>
          <th scope="col">{w().roster.printHours}</th>
        </tr>
      </thead>
      <tbody>
        <For each={expected()}>{(e) => row(e.name, e.hours)}</For>
        <tr>
          <th scope="row" colSpan={3}>
            {w().roster.printExtra}
          </th>
        </tr>
        <For each={[1, 2, 3, 4, 5, 6]}>{() => row("", null)}</For>
      </tbody>
    </table>
  );
}
