import { ErrorBoundary, For, Show, Suspense } from "solid-js";
import { A, createAsync, type RouteSectionProps } from "@solidjs/router";
import { useRollName } from "../components/election-proxy";
import { ElectionScreen } from "../components/election-screen";
import { LoadError, Loading } from "../components/feedback";
import { useI18n } from "../i18n";
import { useElectionText } from "../i18n/election";
import { getMe, type MeInfo } from "../lib/person";
import { type AuditEvent, canRunElections, type ElectionInfo, getElection, getElectionAudit } from "../lib/election";
import { useWorkdayFormat } from "../lib/workday-view";
import NotFound from "./not-found";

/** For the board: every action on an election, when and by whom; never a ballot's contents. */
export default function ElectionAudit(props: RouteSectionProps) {
  const e = useElectionText();
  const me = createAsync(() => getMe());
  return (
    <Show when={me()}>
      {(m) => (
        <Show when={canRunElections(m())} fallback={<NotFound />}>
          <ElectionScreen title={e().audit.title}>
            <p>
              <A href={`/elections/${props.params.id}`}>{e().form.back}</A>
            </p>
            <p>{e().audit.intro}</p>
            <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
              <Suspense fallback={<Loading />}>
                <Log electionID={props.params.id!} me={m()} />
              </Suspense>
            </ErrorBoundary>
          </ElectionScreen>
        </Show>
      )}
    </Show>
  );
}

function Log(props: { electionID: string; me: MeInfo }) {
  const e = useElectionText();
  const election = createAsync(() => getElection(props.electionID));
  const events = createAsync(() => getElectionAudit(props.electionID));
  return (
    <Show when={election() && events()}>
      <p class="lead">{election()!.title}</p>
      <Show when={events()!.length} fallback={<p>{e().audit.none}</p>}>
        <Events election={election()!} events={events()!} me={props.me} />
      </Show>
    </Show>
  );
}

function Events(props: { election: ElectionInfo; events: AuditEvent[]; me: MeInfo }) {
  const e = useElectionText();
  const format = useWorkdayFormat();
  // Proxies name households: their names come from the roll, which exists once the election opened.
  const hasProxies = () => props.events.some((ev) => ev.action.startsWith("election.proxy_"));
  return (
    <table class="data-table audit-table">
      <caption class="sr-only">{e().audit.title}</caption>
      <thead>
        <tr>
          <th scope="col">{e().audit.when}</th>
          <th scope="col">{e().audit.who}</th>
          <th scope="col">{e().audit.what}</th>
        </tr>
      </thead>
      <tbody>
        <For each={[...props.events].sort((a, b) => a.at.localeCompare(b.at))}>
          {(event) => (
            <tr>
              <td class="nowrap">{format.start(event.at)}</td>
              <Show
                when={hasProxies()}
                fallback={<EventCells event={event} me={props.me} />}
              >
                <NamedEventCells election={props.election} event={event} me={props.me} />
              </Show>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}

function NamedEventCells(props: { election: ElectionInfo; event: AuditEvent; me: MeInfo }) {
  const { t } = useI18n();
  const name = useRollName(() => props.election.id);
  return (
    <Suspense
      fallback={
        <>
          <td>{t().app.loading}</td>
          <td />
        </>
      }
    >
      <EventCells event={props.event} me={props.me} name={name} />
    </Suspense>
  );
}

function EventCells(props: { event: AuditEvent; me: MeInfo; name?: (id: string) => string }) {
  const e = useElectionText();
  const data = () => (props.event.data ?? {}) as Record<string, unknown>;
  const str = (key: string) => String(data()[key] ?? "");
  const num = (key: string) => Number(data()[key] ?? 0);
  const household = (key: string) => props.name?.(str(key)) ?? str(key);
  const who = () => {
    if (props.event.actorID === "system") return e().audit.system;
    if (props.event.actorID === props.me.person.id) return e().audit.you;
    if (props.event.action.startsWith("election.proxy_")) return e().audit.member(household("from"));
    return e().audit.person;
  };
  const what = () => {
    const a = e().audit;
    switch (props.event.action) {
      case "election.created":
        return a.created(str("title"));
      case "election.edited": {
        const fields = Array.isArray(data().fields) ? (data().fields as string[]) : [];
        return a.edited(fields.map((f) => a.fields[f] ?? f).join(", "));
      }
      case "election.opened":
        return a.opened(e().count.households(num("eligible")));
      case "election.closed":
        return a.closed(num("voted"), num("eligible"));
      case "election.proxy_granted":
        return a.proxyGranted(household("from"), household("to"));
      case "election.proxy_withdrawn":
        return a.proxyWithdrawn(household("from"), household("to"));
      default:
        return props.event.action;
    }
  };
  return (
    <>
      <td>
        {who()}
        <Show when={who() === e().audit.person}>
          <span class="meta block">{props.event.actorID}</span>
        </Show>
      </td>
      <td>{what()}</td>
    </>
  );
}
