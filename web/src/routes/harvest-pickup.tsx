import { createEffect, createMemo, createSignal, createUniqueId, For, Show } from "solid-js";
import { A, createAsync, revalidate, useLocation, type RouteSectionProps } from "@solidjs/router";
import { FormError, Loads, Status } from "../components/feedback";
import { RadioGroup } from "../components/field";
import { Page } from "../components/page";
import { collector } from "../components/pick-grid";
import { useI18n } from "../i18n";
import { FarmerMessages, useFarmerText } from "../i18n/farmer";
import { getHarvest, type HarvestOverview } from "../lib/harvest";
import { farmerApi, getPickups, getUncollectedSeason, type Destination, type PickupWeek } from "../lib/harvest-farmer";
import { useHarvestFormat } from "../lib/harvest-view";
import { canEnterHarvest, getMe } from "../lib/person";
import { reveal } from "../lib/reveal";
import { isWeek, weekLabel } from "../lib/week";
import NotFound from "./not-found";
import "../components/harvest.css";

/*
 * The pickup on a phone: tick off who collected their share (several
 * phones at once: each tap is its own write and the answer brings the
 * others' ticks), then close the week and count what was left, and where
 * it went. Below, the season's counts (the farmer's home links to them as
 * `#season`): a week nobody closed counts by itself once its pickup is over.
 */
export default function HarvestPickup(props: RouteSectionProps) {
  const f = useFarmerText();
  const { locale } = useI18n();
  const week = () => props.params.week ?? "";
  const me = createAsync(() => getMe());
  const overview = createAsync(() => getHarvest(week()));
  const pickups = createAsync(() => getPickups(week()).catch(() => null));
  return (
    <Show when={isWeek(week())} fallback={<NotFound />}>
      <FarmerMessages>
        <Page title={f().pickup.title} heading={f().pickup.heading(weekLabel(week(), locale()))}>
          <p class="no-print">
            <A href={`/harvest/${week()}`}>{f().pickup.back(weekLabel(week(), locale()))}</A>
          </p>
          <Loads>
            <Show when={overview() !== undefined && pickups() !== undefined}>
              <Show
                when={overview()?.status === "published" && pickups() ? { o: overview()!, p: pickups()! } : undefined}
                fallback={<p class="notice info">{f().pickup.notPublished}</p>}
              >
                {(data) => <Ticks overview={data().o} initial={data().p} canTick={canEnterHarvest(me())} />}
              </Show>
            </Show>
            <Season />
          </Loads>
        </Page>
      </FarmerMessages>
    </Show>
  );
}

function Ticks(props: { overview: HarvestOverview; initial: PickupWeek; canTick: boolean }) {
  const f = useFarmerText();
  const [state, setState] = createSignal(props.initial);
  const [pending, setPending] = createSignal(new Set<string>());
  const [error, setError] = createSignal<unknown>();
  const [search, setSearch] = createSignal("");
  const searchID = createUniqueId();
  const collected = createMemo(() => new Set(state().collected.map((c) => c.householdID)));
  const all = () => props.overview.allocations;
  const shown = createMemo(() => {
    const words = search().trim().toLowerCase();
    return words ? all().filter((a) => a.name.toLowerCase().includes(words)) : all();
  });

  async function tick(householdID: string, on: boolean) {
    setError(undefined);
    setPending((s) => new Set(s).add(householdID));
    try {
      // the answer holds every tick so far, this phone's and the others'
      setState(await farmerApi.mark(props.overview.week, householdID, on));
    } catch (e) {
      setError(e);
    } finally {
      setPending((s) => {
        const next = new Set(s);
        next.delete(householdID);
        return next;
      });
    }
  }

  return (
    <>
      <section class="card" aria-labelledby="pickup-heading">
        <h2 id="pickup-heading">{f().pickup.count(collected().size, all().length)}</h2>
        <p class="hint">{f().pickup.intro}</p>
        <div class="field">
          <label for={searchID}>{f().pickup.search}</label>
          <input id={searchID} type="search" autocomplete="off" value={search()} onInput={(e) => setSearch(e.currentTarget.value)} />
        </div>
        <FormError error={error()} />
        <ul class="pickup-list">
          <For each={shown()}>
            {(a) => {
              const id = createUniqueId();
              return (
                <li>
                  <div class="field check">
                    <input
                      type="checkbox"
                      id={id}
                      checked={collected().has(a.householdID) !== pending().has(a.householdID)}
                      disabled={!props.canTick || pending().has(a.householdID)}
                      onChange={(e) => void tick(a.householdID, e.currentTarget.checked)}
                    />
                    <label for={id}>
                      {a.name}
                      <Show when={collector(a)}>{(by) => <span class="option-hint">{f().pickup.handedTo(by())}</span>}</Show>
                    </label>
                  </div>
                </li>
              );
            }}
          </For>
        </ul>
      </section>
      <Show when={props.canTick}>
        <Close week={props.overview.week} closed={state().closed} onClosed={setState} />
      </Show>
    </>
  );
}

function Close(props: { week: string; closed: PickupWeek["closed"]; onClosed: (p: PickupWeek) => void }) {
  const f = useFarmerText();
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const where = (d: Destination) => f().pickup.destinations[d];

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const destination = new FormData(form).get("destination") as Destination;
    setError(undefined);
    setPending(true);
    try {
      props.onClosed(await farmerApi.close(props.week, destination));
      // the season's table below counts this week now
      void revalidate(getUncollectedSeason.key);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  }

  return (
    <section class="card" aria-labelledby="close-heading">
      <h2 id="close-heading">{f().pickup.close}</h2>
      <Show when={props.closed}>
        {(c) => (
          <Status
            message={c().automatic ? f().pickup.countedItself(c().households) : f().pickup.closed(c().households, where(c().destination))}
          />
        )}
      </Show>
      <form class="stack" onSubmit={submit} novalidate>
        <RadioGroup
          label={f().pickup.destination}
          hint={f().pickup.closeHint}
          name="destination"
          value={props.closed && !props.closed.automatic ? props.closed.destination : "free_table"}
          options={(["free_table", "food_bank", "counted"] as const).map((d) => ({ value: d, label: where(d) }))}
        />
        <FormError error={error()} />
        <button type="submit" class="primary" disabled={pending()}>
          {pending() ? f().pickup.closing : props.closed && !props.closed.automatic ? f().pickup.recount : f().pickup.closeButton}
        </button>
      </form>
    </section>
  );
}

/** The season's weeks whose pickup was closed or is over: how many shares were left, where they went, what was in them. */
function Season() {
  const f = useFarmerText();
  const { locale } = useI18n();
  const format = useHarvestFormat();
  const location = useLocation();
  const season = createAsync(() => getUncollectedSeason());
  let heading: HTMLHeadingElement | undefined;
  let shown = false;
  // come here from the farmer's home: the table is what was asked for
  createEffect(() => {
    if (season() && !shown && location.hash === "#season") {
      shown = true;
      queueMicrotask(() => reveal(heading));
    }
  });
  return (
    <section class="card" id="season" aria-labelledby="season-heading">
      <h2 id="season-heading" ref={heading}>
        {f().pickup.season}
      </h2>
      <Show when={season()}>
        {(s) => (
          <Show when={s().weeks.length} fallback={<p>{f().pickup.seasonEmpty}</p>}>
            <table class="data-table" aria-labelledby="season-heading">
              <thead>
                <tr>
                  <th scope="col">{f().pickup.week}</th>
                  <th scope="col" class="num">
                    {f().pickup.notCollected}
                  </th>
                  <th scope="col">{f().pickup.where}</th>
                  <th scope="col">{f().pickup.what}</th>
                </tr>
              </thead>
              <tbody>
                <For each={s().weeks}>
                  {(w) => (
                    <tr>
                      <th scope="row">{weekLabel(w.week, locale())}</th>
                      <td class="num">{`${w.households} / ${w.shares}`}</td>
                      <td>{w.automatic ? f().pickup.automatic : f().pickup.destinations[w.destination]}</td>
                      <td>{w.lines.map((l) => format.line(l)).join(", ")}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        )}
      </Show>
    </section>
  );
}
