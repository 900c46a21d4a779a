import { createMemo, createSignal, For, Show } from "solid-js";
import { A, createAsync, useParams } from "@solidjs/router";
import { AssemblyScreen } from "../components/assembly-results";
import { FormError, Loads, Status } from "../components/feedback";
import { HouseholdPicker } from "../components/household-picker";
import { useAssemblyText } from "../i18n/assembly";
import { checkIn, getAssembly, getPresent } from "../lib/assembly";
import { useActionForm } from "../lib/form";
import { getHouseholds } from "../lib/household";
import { canManageHouseholds, getMe } from "../lib/person";
import NotFound from "./not-found";

/**
 * Check-in at the door, on a phone: find a household by its name or one of
 * its people's, tap to mark it present; the list below it, each with an undo.
 */
export default function AssemblyDoor() {
  const a = useAssemblyText();
  const params = useParams();
  const me = createAsync(() => getMe());
  const assembly = createAsync(() => getAssembly(params.id!));
  const present = createAsync(() => getPresent(params.id!));
  const households = createAsync(() => getHouseholds());
  const [chosen, setChosen] = createSignal<string>();
  const [news, setNews] = createSignal<string>();
  const marking = useActionForm(checkIn);
  const here = createMemo(() => new Set((present() ?? []).map((p) => p.householdID)));
  const choices = createMemo(() =>
    (households() ?? [])
      .filter((h) => h.status === "active" && !here().has(h.id))
      .map((h) => ({ id: h.id, name: h.name, detail: h.people.map((p) => p.name).join(", ") })),
  );

  async function mark(e: SubmitEvent) {
    e.preventDefault();
    const id = chosen();
    if (!id) return;
    const name = choices().find((h) => h.id === id)?.name ?? "";
    setNews(undefined);
    if (await marking.submit(params.id!, id, true)) {
      setChosen("");
      setNews(a().door.done(name));
    }
  }

  return (
    <Show when={me()}>
      <Show when={canManageHouseholds(me())} fallback={<NotFound />}>
        <AssemblyScreen title={a().door.title} heading={`${a().door.title}: ${assembly()?.title ?? ""}`}>
          <p>
            <A href={`/assemblies/manage/${params.id}`}>{assembly()?.title}</A>
          </p>
          <Loads>
            <form onSubmit={(e) => void mark(e)} novalidate>
              <HouseholdPicker label={a().door.find} households={choices()} value={chosen() ?? ""} onChange={setChosen} />
              <button type="submit" class="primary" disabled={!chosen() || marking.pending()}>
                {a().door.checkIn}
              </button>
              <FormError error={marking.error()} />
              <Status message={news()} />
            </form>
            <p class="hint">{a().door.proxies}</p>
            <h2 id="present">{a().door.present(present()?.length ?? 0)}</h2>
            <Show when={present()?.length} fallback={<p>{a().door.none}</p>}>
              <ul class="checks" aria-labelledby="present">
                <For each={present()}>
                  {(p) => (
                    <li>
                      {p.name}{" "}
                      <button type="button" class="secondary small" disabled={marking.pending()} onClick={() => void marking.submit(params.id!, p.householdID, false)}>
                        {a().door.undo(p.name)}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </Loads>
        </AssemblyScreen>
      </Show>
    </Show>
  );
}
