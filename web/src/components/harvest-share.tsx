import { createSignal, createUniqueId, ErrorBoundary, For, lazy, Show, Suspense, type JSX } from "solid-js";
import { A, action, createAsync, revalidate } from "@solidjs/router";
import { getPublicFarm } from "../lib/farm";
import { useI18n } from "../i18n";
import { ApiError, settle } from "../lib/api";
import { getMyHarvest, harvestApi, type HarvestLine, type HarvestMine } from "../lib/harvest";
import { useHarvestFormat } from "../lib/harvest-view";
import { useActionForm } from "../lib/form";
import { addWeeks, currentWeek, weekLabel } from "../lib/week";
import { FormError, LoadError, Loading, Status } from "./feedback";
import { CheckboxField } from "./field";

// when and where to pick up: its own chunk with its strings, so the first screen stays small
const PickupMoments = lazy(() => import("./pickup-moments"));

/** The pickup moments' code and the farm's times, for a screen that shows in one piece (home.tsx). */
export const preloadPickup = () => Promise.all([PickupMoments.preload(), getPublicFarm()]);

const setOptOut = action(
  async (week: string, optedOut: boolean) =>
    settle(getMyHarvest.keyFor(week), await harvestApi.setOptOut(week, optedOut)),
  "harvest-opt-out",
);

// Herenburen, the way to the farmer and the planning links: their own chunk with their strings
const ShareExtras = lazy(() => import("./harvest-handover"));

/** What `more` shows, for a screen that shows it in one piece (home.tsx). */
export const preloadMore = (week: string) =>
  Promise.all([
    ShareExtras.preload(),
    import("../lib/harvest-plan").then((p) => Promise.all([p.getHandover(week), p.getContact()])),
    getMyHarvest(addWeeks(week, 1)),
  ]);

/**
 * This week's share and next week's, for the home screen. Next week is
 * there because its opt-out closes before the week starts. Without `more`,
 * only this week's share without what goes below it: the home screen shows
 * that first, and the rest once it is on the screen.
 */
export default function HarvestShares(props: { more?: boolean }) {
  const { t, locale } = useI18n();
  const week = currentWeek();
  const next = addWeeks(week, 1);
  const more = () => props.more !== false;
  return (
    <>
      <WeekShare week={week} title={t().share.thisWeek(weekLabel(week, locale()))}>
        <p>
          <A href="/harvest">{t().share.all}</A>
        </p>
        <Show when={more()}>
          <Suspense>
            <ShareExtras week={week} />
          </Suspense>
        </Show>
      </WeekShare>
      <Show when={more()}>
        <WeekShare week={next} title={t().share.nextWeek(weekLabel(next, locale()))} />
      </Show>
    </>
  );
}

/** One week of the household's harvest: what is in the share, the farmer's note, and opting out. */
export function WeekShare(props: { week: string; title: string; children?: JSX.Element }) {
  const mine = createAsync(() => getMyHarvest(props.week));
  const id = createUniqueId();
  return (
    <section class="card share" aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Suspense fallback={<Loading />}>
          <Show when={mine()}>{(m) => <ShareBody mine={m()} />}</Show>
        </Suspense>
      </ErrorBoundary>
      {props.children}
    </section>
  );
}

function ShareBody(props: { mine: HarvestMine }) {
  const { t } = useI18n();
  const m = () => props.mine;
  return (
    <>
      <Show when={m().status === "published"} fallback={<p class="muted">{t().share.pending}</p>}>
        <Show when={!m().optedOut} fallback={<p>{t().share.optedOutNotice}</p>}>
          <Show when={m().changed}>
            <p class="notice info">{t().share.changed}</p>
          </Show>
          <Show when={m().lines.length} fallback={<p>{t().share.empty}</p>}>
            <Lines lines={m().lines} label={t().share.lines} />
          </Show>
          <Suspense><PickupMoments /></Suspense>
        </Show>
        <Show when={m().note}>{(note) => <FarmerNote note={note()} />}</Show>
      </Show>
      <OptOut mine={m()} />
    </>
  );
}

/** A share as a list: "2,35 kg spinazie", "4 stuks courgette". */
export function Lines(props: { lines: HarvestLine[]; label: string }) {
  const format = useHarvestFormat();
  return (
    <ul class="lines" aria-label={props.label}>
      <For each={props.lines}>{(line) => <li>{format.line(line)}</li>}</For>
    </ul>
  );
}

export function FarmerNote(props: { note: string }) {
  const { t } = useI18n();
  return (
    <figure class="farmer-note">
      <figcaption>{t().share.note}</figcaption>
      <blockquote>
        <p>{props.note}</p>
      </blockquote>
    </figure>
  );
}

/**
 * Opting out takes effect at once, so there is no save button; after the
 * deadline the box stays visible but disabled, with the reason beside it.
 * Other screens give their own action (to refresh their own data), label and news.
 */
export function OptOut(props: {
  mine: HarvestMine;
  act?: typeof setOptOut;
  label?: string;
  news?: (optedOut: boolean) => string;
}) {
  const { t, locale } = useI18n();
  const format = useHarvestFormat();
  const saving = useActionForm(props.act ?? setOptOut, ([week]) => week === props.mine.week);
  const [message, setMessage] = createSignal<string>();
  const n = () => weekLabel(props.mine.week, locale());
  const deadline = () => format.at(props.mine.optOutDeadline);

  async function change(optedOut: boolean, input: HTMLInputElement) {
    // One change at a time: the box shows what the server holds.
    if (saving.pending()) {
      input.checked = !optedOut;
      return;
    }
    setMessage(undefined);
    const result = await saving.submit(props.mine.week, optedOut);
    if (result) {
      setMessage(props.news?.(result.optedOut) ?? (result.optedOut ? t().share.optedOut(n()) : t().share.optedIn(n())));
      return;
    }
    input.checked = props.mine.optedOut;
    const error = saving.error();
    // The deadline passed while the screen was open: show it closed.
    if (error instanceof ApiError && error.code === "harvest.deadline_passed")
      await revalidate(getMyHarvest.keyFor(props.mine.week));
  }

  return (
    <div class="opt-out">
      <CheckboxField
        name="optedOut"
        label={props.label ?? t().share.optOut(n())}
        checked={props.mine.optedOut}
        disabled={!props.mine.canOptOut}
        hint={props.mine.canOptOut ? t().share.deadline(deadline()) : t().share.deadlinePassed(deadline())}
        onChange={(checked, input) => void change(checked, input)}
      />
      <FormError error={saving.error()} />
      <Status message={message()} />
    </div>
  );
}
