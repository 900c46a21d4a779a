import { createSignal, Show } from "solid-js";
import { action, createAsync, json, useNavigate } from "@solidjs/router";
import { candidateFields, ElectionFields, electionFields, readElection } from "../components/election-fields";
import { ElectionScreen } from "../components/election-screen";
import { FormError } from "../components/feedback";
import { useElectionText } from "../i18n/election";
import { text, useActionForm } from "../lib/form";
import {
  canRunElections,
  electionApi,
  type ElectionCreateInput,
  type ElectionKind,
  putElection,
} from "../lib/election";
import { getMe } from "../lib/person";
import NotFound from "./not-found";

const createElection = action(async (input: ElectionCreateInput) => {
  const election = await electionApi.create(input);
  await putElection(election);
  return json(election, { revalidate: [] });
}, "create-election");

/** For the board: a draft board election or motion; opening it is a separate, confirmed step. */
export default function ElectionNew() {
  const e = useElectionText();
  const me = createAsync(() => getMe());
  return (
    <Show when={me()}>
      <Show when={canRunElections(me())} fallback={<NotFound />}>
        <ElectionScreen title={e().form.newTitle}>
          <CreateForm />
        </ElectionScreen>
      </Show>
    </Show>
  );
}

function CreateForm() {
  const e = useElectionText();
  const navigate = useNavigate();
  const saving = useActionForm(createElection);
  const [rows, setRows] = createSignal(0);

  async function submit(ev: SubmitEvent) {
    ev.preventDefault();
    const data = new FormData(ev.currentTarget as HTMLFormElement);
    const kind = (text(data, "kind") || "board") as ElectionKind;
    const { description, quorumPercent, ...fields } = readElection(data, kind);
    const input: ElectionCreateInput = {
      kind,
      ...fields,
      ...(description ? { description } : {}),
      ...(quorumPercent === undefined ? {} : { quorumPercent }),
    };
    const election = await saving.submit(input);
    if (election) navigate(`/elections/${election.id}`);
  }

  return (
    <section class="card">
      <p class="hint">{e().form.draftHint}</p>
      <form onSubmit={submit} novalidate>
        <ElectionFields error={saving.error()} onRows={setRows} />
        <FormError error={saving.error()} fields={[...electionFields, ...candidateFields(rows())]} />
        <button type="submit" class="primary" disabled={saving.pending()}>
          {saving.pending() ? e().form.creating : e().form.create}
        </button>
      </form>
    </section>
  );
}
