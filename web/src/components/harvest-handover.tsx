import { createSignal, createUniqueId, ErrorBoundary, For, onCleanup, Show } from "solid-js";
import { A, action, createAsync } from "@solidjs/router";
import { useI18n } from "../i18n";
import { PlanMessages, usePlanText } from "../i18n/plan";
import { settle } from "../lib/api";
import { getContact, getHandover, planApi, type HandoverInfo, type Neighbour } from "../lib/harvest-plan";
import { formData, text, useActionForm } from "../lib/form";
import { addWeeks, weekLabel } from "../lib/week";
import { FormError, LoadError, Status } from "./feedback";
import { HouseholdPicker } from "./household-picker";
import "./plan.css";

const offer = action(
  async (week: string, toHouseholdID: string) => settle(getHandover.keyFor(week), await planApi.offer(week, toHouseholdID)),
  "handover-offer",
);
const withdraw = action(async (week: string) => settle(getHandover.keyFor(week), await planApi.withdraw(week)), "handover-withdraw");
const answer = action(
  async (week: string, from: string, accepted: boolean) =>
    settle(getHandover.keyFor(week), await planApi.answer(week, from, accepted)),
  "handover-answer",
);

/**
 * Below this week's share: Herenburen (hand the share to a neighbour, or
 * answer one who asks), the way to the farmer and the board, and the
 * screens to plan ahead and to see the season. Its own chunk with its strings.
 */
export default function ShareExtras(props: { week: string }) {
  const p = usePlanText();
  // once this week's pickup is over, a share to hand over is next week's
  const current = createAsync(() => getHandover(props.week));
  const target = () => (current()?.open === false ? addWeeks(props.week, 1) : props.week);
  return (
    <PlanMessages>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Show when={current()}>
          <Handover week={target()} />
        </Show>
        <Contact week={props.week} />
      </ErrorBoundary>
      <ul class="plan-links">
        <li>
          <A href="/harvest/weeks">{p().weeks.link}</A>
        </li>
        <li>
          <A href="/harvest/season">{p().season.link}</A>
        </li>
      </ul>
    </PlanMessages>
  );
}

function Handover(props: { week: string }) {
  const p = usePlanText();
  const { locale } = useI18n();
  const info = createAsync(() => getHandover(props.week));
  const id = createUniqueId();
  return (
    <section class="handover" aria-labelledby={id}>
      <h3 id={id}>{p().handover.title(weekLabel(props.week, locale()))}</h3>
      <Show when={info()}>
        {(h) => (
          <>
            <For each={h().received}>{(r) => <Received week={props.week} from={r} open={h().open} />}</For>
            <Show when={h().open} fallback={<p class="muted">{p().handover.closed}</p>}>
              <Given week={props.week} info={h()} />
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

/** The household's own share: ask a neighbour, or see and withdraw the request. */
function Given(props: { week: string; info: HandoverInfo }) {
  const p = usePlanText();
  const asking = useActionForm(offer);
  const withdrawing = useActionForm(withdraw);
  const [news, setNews] = createSignal<string>();
  const [chosen, setChosen] = createSignal<string>();

  async function submit(e: SubmitEvent) {
    const to = chosen() ?? text(formData(e), "toHouseholdID");
    setNews(undefined);
    withdrawing.clear();
    const done = await asking.submit(props.week, to);
    if (done?.given) setNews(p().handover.offered(done.given.name));
  }

  return (
    <Show
      when={props.info.given}
      fallback={
        <form onSubmit={(e) => void submit(e)}>
          <p>{p().handover.intro}</p>
          <NeighbourPicker onChange={setChosen} />
          <FormError error={asking.error()} />
          <button type="submit" class="secondary" disabled={asking.pending()}>
            {asking.pending() ? p().handover.saving : p().handover.offer}
          </button>
          <Status message={news()} />
        </form>
      }
    >
      {(given) => (
        <>
          <p class="notice info">
            {given().status === "accepted" ? p().handover.accepted(given().name) : p().handover.offered(given().name)}
          </p>
          <Show when={given().status === "offered"}>
            <FormError error={withdrawing.error()} />
            <button
              type="button"
              class="secondary"
              disabled={withdrawing.pending()}
              onClick={async () => {
                setNews(undefined);
                asking.clear();
                if (await withdrawing.submit(props.week)) setNews(p().handover.withdrawn);
              }}
            >
              {withdrawing.pending() ? p().handover.saving : p().handover.withdraw}
            </button>
          </Show>
          <Status message={news()} />
        </>
      )}
    </Show>
  );
}

/**
 * The household that collects: the server answers a few names that hold
 * what was typed (2 letters or more), so no member reads the whole farm's
 * list; typing is settled a moment before it asks.
 */
function NeighbourPicker(props: { onChange: (id: string | undefined) => void }) {
  const p = usePlanText();
  const [found, setFound] = createSignal<Neighbour[]>([]);
  const [error, setError] = createSignal<unknown>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  onCleanup(() => clearTimeout(timer));

  function search(typed: string) {
    clearTimeout(timer);
    const q = typed.trim();
    const mine = ++asked;
    if (q.length < 2) return setFound([]);
    timer = setTimeout(() => {
      planApi.neighbours(q).then(
        // only the answer to the latest text counts
        (households) => mine === asked && (setError(undefined), setFound(households)),
        (e: unknown) => mine === asked && setError(e),
      );
    }, 250);
  }

  return (
    <>
      <HouseholdPicker label={p().handover.to} hint={p().handover.hint} name="toHouseholdID" households={found()} onQuery={search} onChange={props.onChange} />
      <FormError error={error()} />
    </>
  );
}

/** Another household's share offered to this one: yes or no while it waits. */
function Received(props: { week: string; from: HandoverInfo["received"][number]; open: boolean }) {
  const p = usePlanText();
  const answering = useActionForm(answer, ([, from]) => from === props.from.householdID);
  return (
    <Show
      when={props.from.status === "offered"}
      fallback={<p class="notice info">{p().handover.collecting(props.from.name)}</p>}
    >
      <p class="notice info">{p().handover.asked(props.from.name)}</p>
      <Show when={props.open}>
        <FormError error={answering.error()} />
        <div class="actions">
          <button type="button" disabled={answering.pending()} onClick={() => void answering.submit(props.week, props.from.householdID, true)}>
            {p().handover.accept}
          </button>
          <button
            type="button"
            class="secondary"
            disabled={answering.pending()}
            onClick={() => void answering.submit(props.week, props.from.householdID, false)}
          >
            {p().handover.decline}
          </button>
        </div>
      </Show>
    </Show>
  );
}

/** Mail links to the farmer and the board: the member's own mail program sends, so nothing is relayed. */
function Contact(props: { week: string }) {
  const p = usePlanText();
  const { locale } = useI18n();
  const contact = createAsync(() => getContact());
  const id = createUniqueId();
  const mailto = (to: string[]) => `mailto:${to.join(",")}?subject=${encodeURIComponent(p().contact.subject(weekLabel(props.week, locale())))}`;
  return (
    <Show when={contact()}>
      {(c) => (
        <section class="contact" aria-labelledby={id}>
          <h3 id={id}>{p().contact.title}</h3>
          <ul class="plan-links">
            <Show when={c().farmer.length}>
              <li>
                <a href={mailto(c().farmer)}>{p().contact.farmer}</a>
              </li>
            </Show>
            <Show when={c().board.length}>
              <li>
                <a href={mailto(c().board)}>{p().contact.board}</a>
              </li>
            </Show>
          </ul>
        </section>
      )}
    </Show>
  );
}
