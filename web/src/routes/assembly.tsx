import { createMemo, createSignal, For, Show } from "solid-js";
import { createAsync, useParams } from "@solidjs/router";
import { SelectField } from "../components/field";
import { BudgetFigures } from "../components/assembly-budget";
import { AssemblyPapers, ItemPapers } from "../components/assembly-papers";
import { AssemblyResults, AssemblyScreen, When } from "../components/assembly-results";
import { FormError, Loads } from "../components/feedback";
import { useAssemblyText } from "../i18n/assembly";
import { useMessages } from "../i18n";
import { ApiError } from "../lib/api";
import { getAssembly, getProxyNames, itemKind, voteBallot, type AgendaItem, type AssemblyBallot, type AssemblyInfo, type AssemblyReceipt } from "../lib/assembly";
import { useActionForm } from "../lib/form";

/** A meeting as members see it: when and where, the agenda, the one ballot while it is open, and the results. */
export default function AssemblyPage() {
  const a = useAssemblyText();
  const params = useParams();
  const assembly = createAsync(() => getAssembly(params.id!));
  return (
    <AssemblyScreen title={assembly()?.title ?? a().title}>
      <Loads>
        <Show when={assembly()}>
          {(alv) => (
            <>
              <When assembly={alv()} />
              <Show when={alv().description}>
                <p>{alv().description}</p>
              </Show>
              <section aria-labelledby="agenda">
                <h2 id="agenda">{a().agenda}</h2>
                <ol class="agenda">
                  <For each={alv().items}>
                    {(item) => (
                      <li>
                        <span class="card-title">{item.title}</span> · {a().kind[itemKind(item)]}
                        <Show when={item.description}>
                          <p>{item.description}</p>
                        </Show>
                        <Show when={item.inRoom}>
                          <p class="hint">{a().inRoom}</p>
                        </Show>
                        <Show when={item.budget}>{(b) => <BudgetFigures budget={b()} />}</Show>
                        <ItemPapers assemblyID={alv().id} item={item} />
                      </li>
                    )}
                  </For>
                </ol>
              </section>
              <AssemblyPapers assembly={alv()} />
              <Show when={alv().status === "open"}>
                <BallotForm assembly={alv()} />
              </Show>
              <Show when={alv().status === "closed"}>
                <AssemblyResults assemblyID={alv().id} />
              </Show>
            </>
          )}
        </Show>
      </Loads>
    </AssemblyScreen>
  );
}

type Choice = { vote?: "yes" | "no" | "abstain"; choices?: string[] };

/**
 * The one ballot: every open vote item the household has not voted on, a
 * blank option on each; one submit, then a tracker per item counted.
 */
function BallotForm(props: { assembly: AssemblyInfo }) {
  const a = useAssemblyText();
  const messages = useMessages();
  const voting = useActionForm(voteBallot);
  const [picked, setPicked] = createSignal<Record<string, Choice>>({});
  const [receipts, setReceipts] = createSignal<AssemblyReceipt[]>();
  const [empty, setEmpty] = createSignal(false);
  // "" is the household's own vote; else the household whose proxy it holds on one or more items
  const [behalf, setBehalf] = createSignal("");
  const items = () => props.assembly.items.filter((i) => i.election?.status === "open");
  const proxies = createMemo(() => [...new Set(items().flatMap((i) => i.election!.me.canVoteFor))]);
  const names = createAsync(() => (proxies().length ? getProxyNames(items()[0]!.election!.id) : Promise.resolve([])));
  const open = () => (behalf() ? items().filter((i) => i.election!.me.canVoteFor.includes(behalf())) : items());
  const set = (itemID: string, choice: Choice) => setPicked({ ...picked(), [itemID]: choice });
  const titleOf = (itemID: string) => props.assembly.items.find((i) => i.id === itemID)?.title ?? "";

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const votes: AssemblyBallot["votes"] = Object.entries(picked())
      .filter(([, c]) => c.vote || c.choices?.length)
      .map(([itemID, c]) => ({ itemID, ...c }));
    setEmpty(votes.length === 0);
    if (!votes.length) return;
    const done = await voting.submit(props.assembly.id, { votes, ...(behalf() ? { onBehalfOf: behalf() } : {}) });
    if (done) {
      setReceipts(done);
      setPicked({});
    }
  }

  return (
    <section aria-labelledby="ballot">
      <h2 id="ballot">{a().ballot.title}</h2>
      <Show when={receipts()}>
        {(list) => (
          <div class="notice success" role="status">
            <h3>{a().ballot.receipts}</h3>
            <p>{a().ballot.receiptsHint}</p>
            <ul>
              <For each={list()}>
                {(r) => (
                  <li>
                    {titleOf(r.itemID)}:{" "}
                    {r.tracker ? <code class="tracker">{r.tracker}</code> : a().ballot.notCounted(messages.error(new ApiError(409, r.error!.code, r.error!.message)))}
                  </li>
                )}
              </For>
            </ul>
          </div>
        )}
      </Show>
      <p>{a().ballot.intro}</p>
      <form onSubmit={(e) => void submit(e)} novalidate>
        <Show when={proxies().length}>
          <SelectField
            label={a().ballot.for}
            name="onBehalfOf"
            value={behalf()}
            onChange={(v) => {
              setBehalf(v);
              setPicked({});
            }}
            options={[{ value: "", label: a().ballot.own }, ...proxies().map((id) => ({ value: id, label: a().ballot.proxy(names()?.find((h) => h.id === id)?.name ?? id) }))]}
          />
        </Show>
        <For each={open()}>{(item) => <ItemVote item={item} voted={!behalf() && item.election!.me.voted} choice={picked()[item.id]} onChange={(c) => set(item.id, c)} />}</For>
        <Show when={empty()}>
          <p class="notice error" role="alert">
            {a().ballot.nothing}
          </p>
        </Show>
        <FormError error={voting.error()} />
        <button type="submit" class="primary" disabled={voting.pending()}>
          {voting.pending() ? a().busy : a().ballot.submit}
        </button>
      </form>
    </section>
  );
}

/** One item on the ballot: for, against, abstain or blank; or up to `seats` candidates. */
function ItemVote(props: { item: AgendaItem; voted: boolean; choice?: Choice; onChange: (c: Choice) => void }) {
  const a = useAssemblyText();
  const e = () => props.item.election!;
  const name = () => `vote-${props.item.id}`;
  return (
    <fieldset class="field radios ballot-item">
      <legend>{props.item.title}</legend>
      <Show
        when={!props.voted}
        fallback={<p>{a().ballot.voted}</p>}
      >
        <Show
          when={e().kind === "board"}
          fallback={
            <For each={["yes", "no", "abstain", "blank"] as const}>
              {(option) => (
                <div class="radio">
                  <input
                    type="radio"
                    id={`${name()}-${option}`}
                    name={name()}
                    checked={option === "blank" ? !props.choice?.vote : props.choice?.vote === option}
                    onChange={() => props.onChange(option === "blank" ? {} : { vote: option })}
                  />
                  <label for={`${name()}-${option}`}>{option === "blank" ? a().ballot.blank : a().vote[option]}</label>
                </div>
              )}
            </For>
          }
        >
          <p class="hint">{a().ballot.choose(e().seats ?? 1)}</p>
          <For each={e().candidates}>
            {(c) => (
              <div class="radio">
                <input
                  type="checkbox"
                  id={`${name()}-${c.id}`}
                  checked={props.choice?.choices?.includes(c.id) ?? false}
                  onChange={(ev) => {
                    const now = props.choice?.choices ?? [];
                    const next = ev.currentTarget.checked ? [...now, c.id] : now.filter((x) => x !== c.id);
                    if (next.length > (e().seats ?? 1)) ev.currentTarget.checked = false;
                    else props.onChange({ choices: next });
                  }}
                />
                <label for={`${name()}-${c.id}`}>{c.name}</label>
              </div>
            )}
          </For>
        </Show>
      </Show>
    </fieldset>
  );
}
