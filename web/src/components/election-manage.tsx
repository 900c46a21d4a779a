import { createSignal, Show } from "solid-js";
import { A, action } from "@solidjs/router";
import { FormError, Status } from "./feedback";
import { AskFirst } from "./ask-first";
import { useElectionText } from "../i18n/election";
import { ApiError } from "../lib/api";
import { electionApi, type ElectionInfo, reloadElection, settleElection } from "../lib/election";
import { useActionForm } from "../lib/form";
import { useWorkdayFormat } from "../lib/workday-view";

const changeStatus = action(async (electionID: string, to: "open" | "close") => {
  try {
    return await settleElection(await electionApi.change(electionID, to));
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) await reloadElection(electionID);
    throw e;
  }
}, "change-election-status");

/** For the board: edit a draft, open or close now after a confirmation that says what follows, and the log. */
export function Manage(props: { election: ElectionInfo }) {
  const e = useElectionText();
  const format = useWorkdayFormat();
  const changing = useActionForm(changeStatus);
  // What the question is about, fixed when asked: the status moves once the answer is in.
  const [to, setTo] = createSignal<"open" | "close">("open");
  const status = () => props.election.status;
  const done = () => {
    const result = changing.result();
    if (result?.status === "open") return e().board.opened;
    if (result?.status === "closed") return e().board.closed;
    return undefined;
  };

  return (
    <section class="card manage" aria-labelledby="manage">
      <h2 id="manage" tabindex="-1">
        {e().board.title}
      </h2>
      <div class="actions">
        <Show when={status() === "draft"}>
          <A class="button secondary" href={`/elections/${props.election.id}/edit`}>
            {e().board.edit}
          </A>
        </Show>
        <A class="button secondary" href={`/elections/${props.election.id}/audit`}>
          {e().board.audit}
        </A>
      </div>
      <Status message={done()} />
      <Show when={status() !== "closed"}>
        <p class="hint">
          {status() === "draft"
            ? e().board.scheduled(format.start(props.election.opensAt))
            : e().board.scheduledClose(format.start(props.election.closesAt))}
        </p>
        <AskFirst
          class="primary"
          inActions
          label={status() === "draft" ? e().board.open : e().board.close}
          question={
            to() === "open"
              ? e().board.openConfirm
              : e().board.closeConfirm(props.election.turnout.voted, props.election.turnout.eligible)
          }
          yes={to() === "open" ? e().board.openYes : e().board.closeYes}
          no={e().board.cancel}
          pendingLabel={to() === "open" ? e().board.opening : e().board.closing}
          pending={changing.pending()}
          onAsk={() => {
            changing.clear();
            setTo(status() === "draft" ? "open" : "close");
          }}
          onYes={() => changing.submit(props.election.id, to())}
          focusAfter={() => document.getElementById("manage")}
        />
      </Show>
      <FormError error={changing.error()} />
    </section>
  );
}
