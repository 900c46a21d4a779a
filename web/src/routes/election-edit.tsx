import { createSignal, ErrorBoundary, Show, Suspense } from "solid-js";
import { A, action, createAsync, type RouteSectionProps } from "@solidjs/router";
import { candidateFields, ElectionFields, electionFields, readElection } from "../components/election-fields";
import { ElectionScreen } from "../components/election-screen";
import { FormError, LoadError, Loading, Status } from "../components/feedback";
import { useElectionText } from "../i18n/election";
import { ApiError } from "../lib/api";
import {
  canRunElections,
  electionApi,
  type ElectionInfo,
  type ElectionUpdateInput,
  getElection,
  reloadElection,
  settleElection,
} from "../lib/election";
import { getMe } from "../lib/person";
import { useActionForm } from "../lib/form";
import NotFound from "./not-found";

const updateElection = action(async (electionID: string, changes: ElectionUpdateInput) => {
  try {
    return await settleElection(await electionApi.update(electionID, changes));
  } catch (e) {
    // Opened meanwhile: show it as it is now.
    if (e instanceof ApiError && e.code === "election.not_draft") await reloadElection(electionID);
    throw e;
  }
}, "update-election");

/** For the board: change a draft; only what changed is sent. Once open, an election no longer changes. */
export default function ElectionEdit(props: RouteSectionProps) {
  const e = useElectionText();
  const me = createAsync(() => getMe());
  const election = createAsync(() => getElection(props.params.id!));
  return (
    <Show when={me()}>
      <Show when={canRunElections(me())} fallback={<NotFound />}>
        <ElectionScreen title={e().form.editTitle}>
          <p>
            <A href={`/elections/${props.params.id}`}>{e().form.back}</A>
          </p>
          <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
            <Suspense fallback={<Loading />}>
              {/* Filled once from the election as it was loaded. */}
              <Show when={election()?.id} keyed>
                {(_id) => <EditForm election={election()!} />}
              </Show>
            </Suspense>
          </ErrorBoundary>
        </ElectionScreen>
      </Show>
    </Show>
  );
}

/** The fields that differ from the election as it is; instants are compared as moments, not as text. */
function changesOf(election: ElectionInfo, next: ReturnType<typeof readElection>): ElectionUpdateInput {
  const changes: ElectionUpdateInput = {};
  if (next.title !== election.title) changes.title = next.title;
  if (next.description !== (election.description ?? "")) changes.description = next.description;
  if (!next.opensAt || Date.parse(next.opensAt) !== Date.parse(election.opensAt)) changes.opensAt = next.opensAt;
  if (!next.closesAt || Date.parse(next.closesAt) !== Date.parse(election.closesAt)) changes.closesAt = next.closesAt;
  // An emptied quorum is sent as 0: no quorum.
  const quorum = next.quorumPercent ?? 0;
  if (quorum !== (election.quorumPercent ?? 0)) changes.quorumPercent = quorum;
  if ("seats" in next) {
    if (next.seats !== election.seats) changes.seats = next.seats;
    const before = election.candidates.map((c) => ({ name: c.name, statement: c.statement }));
    if (JSON.stringify(next.candidates) !== JSON.stringify(before)) changes.candidates = next.candidates;
  }
  if ("majority" in next && next.majority !== election.majority) changes.majority = next.majority;
  return changes;
}

function EditForm(props: { election: ElectionInfo }) {
  const e = useElectionText();
  const saving = useActionForm(updateElection);
  const [message, setMessage] = createSignal<string>();
  const [rows, setRows] = createSignal(0);

  async function submit(ev: SubmitEvent) {
    ev.preventDefault();
    setMessage(undefined);
    saving.clear();
    const data = new FormData(ev.currentTarget as HTMLFormElement);
    const changes = changesOf(props.election, readElection(data, props.election.kind));
    if (Object.keys(changes).length === 0) {
      setMessage(e().form.nothingChanged);
      return;
    }
    if (await saving.submit(props.election.id, changes)) setMessage(e().form.saved);
  }

  return (
    <Show when={props.election.status === "draft"} fallback={<p class="notice info">{e().form.notDraft}</p>}>
      <section class="card">
        <form onSubmit={submit} novalidate>
          <ElectionFields values={props.election} error={saving.error()} onRows={setRows} />
          <FormError error={saving.error()} fields={[...electionFields, ...candidateFields(rows())]} />
          <Status message={message()} />
          <button type="submit" class="primary" disabled={saving.pending()}>
            {saving.pending() ? e().form.saving : e().form.save}
          </button>
        </form>
      </section>
    </Show>
  );
}
