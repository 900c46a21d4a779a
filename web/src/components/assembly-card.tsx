import { Show } from "solid-js";
import { A, createAsync } from "@solidjs/router";
import { useAssemblyText } from "../i18n/assembly";
import { comingAssembly, getAssemblies } from "../lib/assembly";
import { useWorkdayFormat } from "../lib/workday-view";

/** The home screen's card of the coming general assembly: when, where, and the way to its agenda or ballot. */
export default function AssemblyCard() {
  const a = useAssemblyText();
  const format = useWorkdayFormat();
  // the home screen stands without it: a failed load shows no card
  const list = createAsync(() => getAssemblies().catch(() => []));
  return (
    <Show when={list() && comingAssembly(list()!)}>
      {(alv) => (
        <section class="card" aria-labelledby="assembly-card">
          <h2 id="assembly-card">{a().home.title}</h2>
          <p class="card-title">{alv().title}</p>
          <p>{a().when(format.start(alv().startsAt), alv().place)}</p>
          <p>
            <A href={`/assemblies/${alv().id}`}>{alv().status === "open" ? a().home.open : a().home.agenda}</A>
          </p>
        </section>
      )}
    </Show>
  );
}
