import { createSignal, Show } from "solid-js";
import { A, action, useNavigate } from "@solidjs/router";
import { FormError, Status } from "./feedback";
import { MailingProgress } from "./mailing-progress";
import { AskFirst } from "./ask-first";
import { useI18n } from "../i18n";
import { useElectionText } from "../i18n/election";
import { ApiError, esc } from "../lib/api";
import { dropElection, electionApi, type ElectionInfo, reloadElection, settleElection } from "../lib/election";
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

const removeDraft = action(async (electionID: string) => {
  await electionApi.remove(electionID);
  await dropElection(electionID);
  return true;
}, "remove-election");

/** Households needed for a quorum of `percent`: core's rule (voted × 100 ≥ percent × eligible). */
function needed(percent: number, eligible: number) {
  return Math.ceil((percent * eligible) / 100);
}

/** For the board: edit a draft, open or close now after a confirmation that says what follows, and the log. */
export function Manage(props: { election: ElectionInfo }) {
  const e = useElectionText();
  const format = useWorkdayFormat();
  const changing = useActionForm(changeStatus);
  const removing = useActionForm(removeDraft);
  const navigate = useNavigate();
  const { number } = useI18n();
  // What the question is about, fixed when asked: the status moves once the answer is in.
  const [to, setTo] = createSignal<"open" | "close">("open");
  const status = () => props.election.status;
  const quorum = () => props.election.quorumPercent ?? 0;
  const quorumMissed = () => quorum() > 0 && props.election.turnout.voted < needed(quorum(), props.election.turnout.eligible);
  // Said before the question: a close that misses the quorum ends without a valid result.
  const quorumLine = () => {
    if (quorum() <= 0) return "";
    const { voted, eligible } = props.election.turnout;
    return quorumMissed()
      ? e().board.closeQuorumMissed(number(quorum()), needed(quorum(), eligible), voted)
      : e().board.closeQuorumMet(number(quorum()), needed(quorum(), eligible));
  };
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
      {/* the opening's or the results' mail goes out after the answer */}
      <Show when={done() ? changing.result() : undefined} keyed>
        {(r) => <MailingProgress path={`/elections/${esc(r.id)}/mailing`} of="households" />}
      </Show>
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
              : `${quorumLine()} ${e().board.closeConfirm(props.election.turnout.voted, props.election.turnout.eligible)}`.trim()
          }
          yes={to() === "open" ? e().board.openYes : quorumMissed() ? e().board.closeYesNoQuorum : e().board.closeYes}
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
      <Show when={status() === "draft"}>
        <AskFirst
          label={e().board.remove}
          question={e().board.removeConfirm}
          yes={e().board.removeYes}
          no={e().board.cancel}
          pendingLabel={e().board.removing}
          pending={removing.pending()}
          onAsk={() => removing.clear()}
          onYes={async () => {
            // the draft is gone: back to the list it has left
            if (await removing.submit(props.election.id)) navigate("/elections", { replace: true });
          }}
        />
        <FormError error={removing.error()} />
      </Show>
    </section>
  );
}
