import { createSignal, on, Show } from "solid-js";
import { A, action } from "@solidjs/router";
import { FormError, Status } from "./feedback";
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
  const [confirming, setConfirming] = createSignal<"open" | "close">();
  const status = () => props.election.status;
  const done = () => {
    const result = changing.result();
    if (result?.status === "open") return e().board.opened;
    if (result?.status === "closed") return e().board.closed;
    return undefined;
  };
  let askButton: HTMLButtonElement | undefined;
  let yesButton: HTMLButtonElement | undefined;

  function ask() {
    changing.clear();
    setConfirming(status() === "draft" ? "open" : "close");
    yesButton?.focus();
  }

  function keep() {
    setConfirming(undefined);
    askButton?.focus();
  }

  async function run() {
    const to = confirming();
    if (!to || changing.pending()) return;
    const result = await changing.submit(props.election.id, to);
    setConfirming(undefined);
    if (result) document.getElementById("manage")?.focus();
    else askButton?.focus();
  }

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
        <Show
          when={confirming()}
          fallback={
            <div class="actions">
              <button ref={askButton} type="button" class="primary" onClick={ask}>
                {status() === "draft" ? e().board.open : e().board.close}
              </button>
            </div>
          }
        >
          {(to) => (
            <div class="confirm">
              <p id="status-confirm">
                {to() === "open"
                  ? e().board.openConfirm
                  : e().board.closeConfirm(props.election.turnout.voted, props.election.turnout.eligible)}
              </p>
              <div class="actions">
                <button
                  ref={yesButton}
                  type="button"
                  class="primary"
                  aria-describedby="status-confirm"
                  disabled={changing.pending()}
                  onClick={() => void run()}
                >
                  {changing.pending()
                    ? to() === "open"
                      ? e().board.opening
                      : e().board.closing
                    : to() === "open"
                      ? e().board.openYes
                      : e().board.closeYes}
                </button>
                <button type="button" class="secondary" onClick={keep}>
                  {e().board.cancel}
                </button>
              </div>
            </div>
          )}
        </Show>
      </Show>
      <FormError error={changing.error()} />
    </section>
  );
}
