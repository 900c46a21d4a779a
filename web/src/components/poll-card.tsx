import { Show } from "solid-js";
import { A, createAsync } from "@solidjs/router";
import { usePollText } from "../i18n/poll";
import { getPolls } from "../lib/poll";

/** On the home screen: the first open poll the household has not answered, with the way to answer it. */
export default function PollCard() {
  const p = usePollText();
  const polls = createAsync(() => getPolls().catch(() => []));
  const waiting = () => polls()?.filter((x) => x.status === "open" && !x.mine) ?? [];
  return (
    <Show when={waiting()[0]}>
      {(poll) => (
        <section class="card" aria-labelledby="poll-card">
          <h2 id="poll-card">{p().home.title}</h2>
          <p>{p().home.open(poll().title)}</p>
          <Show when={waiting().length > 1}>
            <p>{p().home.more(waiting().length - 1)}</p>
          </Show>
          <div class="actions">
            <A class="button" href={`/polls/${poll().id}`}>
              {p().home.answer}
            </A>
            <A class="button secondary" href="/polls">
              {p().home.all}
            </A>
          </div>
        </section>
      )}
    </Show>
  );
}
