import { For, Show, type JSX } from "solid-js";
import { createAsync } from "@solidjs/router";
import { AssemblyMessages, useAssemblyText } from "../i18n/assembly";
import { getAssemblyResults, type AssemblyInfo } from "../lib/assembly";
import { useWorkdayFormat } from "../lib/workday-view";
import { Page } from "./page";

/** An assembly screen: its heading, and the section's own messages for errors and fields. */
export function AssemblyScreen(props: { title: string; heading?: string; children?: JSX.Element }) {
  return (
    <AssemblyMessages>
      <Page title={props.title} heading={props.heading}>
        {props.children}
      </Page>
    </AssemblyMessages>
  );
}

/** When and where, under the heading. */
export function When(props: { assembly: AssemblyInfo }) {
  const a = useAssemblyText();
  const format = useWorkdayFormat();
  return (
    <p class="lead">
      {a().when(format.start(props.assembly.startsAt), props.assembly.place)} · <span class="tag">{a().status[props.assembly.status]}</span>
    </p>
  );
}

/** Each vote item's result once counted: the tally, quorum (the room's for items voted in the room) and outcome. */
export function AssemblyResults(props: { assemblyID: string }) {
  const a = useAssemblyText();
  const results = createAsync(() => getAssemblyResults(props.assemblyID));
  return (
    <section aria-labelledby="assembly-results">
      <h2 id="assembly-results">{a().results.title}</h2>
      <Show when={results()}>
        {(r) => (
          <>
            <p>{a().results.present(r().present)}</p>
            <ul class="assembly-results">
              <For each={r().items}>
                {(item) => (
                  <li class="card">
                    <h3>{item.title}</h3>
                    <Show when={item.result} fallback={<p>{a().results.pending}</p>}>
                      {(res) => (
                        <>
                          <p>{a().results.turnout(res().voted, res().eligible)}</p>
                          <Show when={res().attending !== null}>
                            <p>{a().results.attending(res().attending!)}</p>
                          </Show>
                          <Show when={res().quorumPercent !== null}>
                            <p>{res().quorumMet ? a().results.quorumMet : a().results.quorumMissed}</p>
                          </Show>
                          <ul>
                            <For each={res().tally}>
                              {(row) => (
                                <li>
                                  {item.kind === "motion" ? a().vote[row.option as "yes"] : row.name}: {row.votes}
                                </li>
                              )}
                            </For>
                          </ul>
                          <p class="card-title">
                            {item.kind === "motion"
                              ? res().passed
                                ? a().results.passed
                                : a().results.rejected
                              : a().results.elected(res().tally.filter((t) => res().winners.includes(t.option)).map((t) => t.name).join(", "))}
                          </p>
                          <Show when={res().tied.length}>
                            <p>{a().results.tied(res().tally.filter((t) => res().tied.includes(t.option)).map((t) => t.name).join(", "))}</p>
                          </Show>
                        </>
                      )}
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </>
        )}
      </Show>
    </section>
  );
}
