import { createSignal, For, lazy, onCleanup, Show, Suspense, type JSX } from "solid-js";
import { A, createAsync, type RouteDefinition } from "@solidjs/router";
import { Loading } from "../components/feedback";
import { Page } from "../components/page";
import { useI18n } from "../i18n";
import type { HouseholdStatus } from "../lib/household";
import {
  canEnterHarvest,
  canManageHouseholds,
  canSeeHourTotals,
  canSignUp,
  canViewHarvest,
  getMe,
  hasHarvestShare,
  type MeInfo,
  type Role,
} from "../lib/person";
import { getPublicFarm } from "../lib/farm";
import { getHarvestStanding, getMyHarvest } from "../lib/harvest";
import { addWeeks, currentWeek } from "../lib/week";

// The share cards bring their own formatting and opt-out: loaded beside the first screen, not in it.
const HarvestShares = lazy(() => import("../components/harvest-share"));
const WorkdayCard = lazy(() => import("../components/workday-card"));
const FarmerWeeks = lazy(() => import("../components/farmer-weeks"));
const HoursProgress = lazy(() => import("../components/hours-progress"));
const AssemblyCard = lazy(() => import("../components/assembly-card"));
const PollCard = lazy(() => import("../components/poll-card"));
const NewsCard = lazy(() => import("../components/news-card"));

export const route = {
  preload: () => void firstReady(),
} satisfies RouteDefinition;

/**
 * Who the person is, once the top of the screen has its code and data: for
 * a member, this week's share with its pickup moments, which fills a
 * phone's first screen. Its code and data load side by side, and it shows
 * in one piece, so its parts do not push each other down as they arrive
 * (layout shift). A part that fails is left to its card.
 */
async function firstReady() {
  const me = await getMe();
  if (hasHarvestShare(me))
    await Promise.allSettled([
      HarvestShares.preload(),
      // the pickup moments' code beside the share's, not after it; the share's own preload then finds it here
      import("../components/pickup-moments"),
      import("../components/harvest-share").then((m) => m.preloadPickup()),
      getPublicFarm(),
      getMyHarvest(currentWeek()),
    ]);
  return me;
}

/**
 * The rest of the screen's code and data, asked for once the top is on the
 * screen: asked for before, they would hold it up on a slow phone line.
 */
async function restReady(me: MeInfo) {
  const week = currentWeek();
  const parts: Promise<unknown>[] = [];
  if (hasHarvestShare(me)) {
    parts.push(import("../components/harvest-share").then((m) => m.preloadMore(week)));
    parts.push(AssemblyCard.preload(), import("../lib/assembly").then((m) => m.getAssemblies()));
    parts.push(PollCard.preload(), import("../lib/poll").then((p) => p.getPolls()));
  }
  if (canSignUp(me))
    parts.push(
      WorkdayCard.preload(),
      HoursProgress.preload(),
      // the client comes with the cards, not in the first screen's code
      import("../lib/workday").then((w) => Promise.all([w.getWorkdays(), w.getMyHours()])),
    );
  // news is for anyone with a role (people of member households, the staff); its client comes with the card
  if (me.roles.length) parts.push(NewsCard.preload(), import("../lib/news").then((n) => n.getNews()));
  if (canEnterHarvest(me)) parts.push(FarmerWeeks.preload(), getHarvestStanding(week), getHarvestStanding(addWeeks(week, 1)));
  await Promise.allSettled(parts);
}

/** Resolves once the browser has painted what is on the screen now (at once in a hidden tab, which paints nothing). */
function afterPaint() {
  return new Promise<void>((resolve) =>
    document.visibilityState === "hidden" ? resolve() : requestAnimationFrame(() => setTimeout(resolve)),
  );
}

/** The start screen: one card per thing the person is, so someone with several roles sees all of them. */
export default function Home() {
  const { t } = useI18n();
  const me = createAsync(() => firstReady());
  return (
    <Show when={me()}>
      {(me) => (
        <Page title={t().home.title} heading={t().home.greeting(me().person.name)}>
          <p class="lead">{t().home.farm(me().farm.name)}</p>
          <Show when={me().roles.length}>
            <div class="roles">
              <span id="roles-label">{t().home.roles}</span>
              <ul class="tags" aria-labelledby="roles-label">
                <For each={me().roles}>{(role) => <li>{t().roles[role]}</li>}</For>
              </ul>
            </div>
          </Show>
          <Cards me={me()} />
        </Page>
      )}
    </Show>
  );
}

/** The cards below the share, in the order they show, a step at a time (the share's own below it first). */
const steps = ["share", "votes", "news", "workdays", "hours", "household"] as const;

/**
 * The cards: the share first; the rest once all of it has its code and
 * data, below what is shown, so it pushes nothing down. It shows a card at
 * a time, each in a task of its own, so a slow phone can still answer a tap
 * in between.
 */
function Cards(props: { me: MeInfo }) {
  const { t } = useI18n();
  const [shown, setShown] = createSignal(0);
  const at = (step: (typeof steps)[number]) => shown() > steps.indexOf(step);
  let gone = false;
  onCleanup(() => (gone = true));
  void afterPaint()
    .then(() => (gone ? undefined : restReady(props.me)))
    .then(async () => {
      for (let step = 1; step <= steps.length && !gone; step++) {
        setShown(step);
        await new Promise((next) => setTimeout(next));
      }
    });
  return (
    <div class="cards">
      <Show when={hasHarvestShare(props.me)}>
        <Suspense fallback={<Loading />}>
          <HarvestShares more={at("share")} />
        </Suspense>
      </Show>
      <Show when={at("share")} fallback={<Loading />}>
        <Show when={at("votes") && hasHarvestShare(props.me)}>
          <Suspense>
            <AssemblyCard />
          </Suspense>
          <Suspense>
            <PollCard />
          </Suspense>
        </Show>
        {/* the week's news beside the share: the farmer's note, then the posts */}
        <Show when={at("news") && props.me.roles.length}>
          <Suspense fallback={<Loading />}>
            <NewsCard canWrite={["farmer", "board", "admin"].some((r) => props.me.roles.includes(r as Role))} />
          </Suspense>
        </Show>
        <Show when={at("workdays") && canSignUp(props.me)}>
          <Suspense fallback={<Loading />}>
            <WorkdayCard />
          </Suspense>
        </Show>
        <Show when={at("hours") && canSignUp(props.me)}>
          <Suspense fallback={<Loading />}>
            <HoursProgress />
          </Suspense>
        </Show>
        <Show when={at("household")}>
          <HouseholdCard me={props.me} />
          <RoleCards me={props.me} />
          <Show when={!props.me.household && props.me.roles.length === 0}>
            <section class="card">
              <p>{t().home.nothing}</p>
            </section>
          </Show>
        </Show>
      </Show>
    </div>
  );
}

function HouseholdCard(props: { me: MeInfo }) {
  const { t, mouths } = useI18n();
  return (
    <Show when={props.me.household}>
      {(household) => (
        <section class="card" aria-labelledby="household-card">
          <h2 id="household-card">{t().home.household}</h2>
          <p class="card-title">{household().name}</p>
          <p>{mouths(household().mouths)}</p>
          <Show when={household().status !== "active"}>
            <p>{t().home.householdStatus(t().status[household().status as HouseholdStatus] ?? household().status)}</p>
          </Show>
          <A class="button" href={`/households/${household().id}`}>
            {t().home.viewHousehold}
          </A>
        </section>
      )}
    </Show>
  );
}

function RoleCards(props: { me: MeInfo }) {
  const { t } = useI18n();
  const has = (role: Role) => props.me.roles.includes(role);
  const farm = () => props.me.farm.name;
  return (
    <>
      <Show when={has("farmer")}>
        <RoleCard role="farmer" text={t().home.farmer(farm())}>
          <Suspense fallback={<Loading />}>
            <FarmerWeeks />
          </Suspense>
          <div class="actions">
            <A class="button" href="/harvest/next">
              {t().home.enterHarvest}
            </A>
            <A class="button secondary" href={`/harvest/${currentWeek()}/pickup#season`}>
              {t().home.seasonFigures}
            </A>
            <A class="button secondary" href="/workdays">
              {t().home.planWorkdays}
            </A>
          </div>
        </RoleCard>
      </Show>
      <Show when={has("coordinator")}>
        <RoleCard role="coordinator" text={t().home.coordinator(farm())}>
          <A class="button" href="/workdays">
            {t().home.planWorkdays}
          </A>
        </RoleCard>
      </Show>
      <Show when={has("treasurer")}>
        <RoleCard role="treasurer" text={t().home.treasurer(farm())}>
          <A class="button" href="/contribution/overview">
            {t().home.contributions}
          </A>
        </RoleCard>
      </Show>
      <Show when={has("admin")}>
        <RoleCard role="admin" text={t().home.admin(farm())} />
      </Show>
      <Show when={canManageHouseholds(props.me)}>
        <RoleCard role="board" text={t().home.board}>
          <div class="actions">
            <A class="button" href="/households">
              {t().home.manageHouseholds}
            </A>
            <Show when={canViewHarvest(props.me) && !canEnterHarvest(props.me)}>
              <A class="button" href={`/harvest/${currentWeek()}`}>
                {t().home.viewHarvest}
              </A>
            </Show>
            <Show when={canSeeHourTotals(props.me)}>
              <A class="button" href="/hours/totals">
                {t().home.hourTotals}
              </A>
            </Show>
            <A class="button" href="/waitlist">
              {t().home.waitlist}
            </A>
          </div>
        </RoleCard>
      </Show>
    </>
  );
}

function RoleCard(props: { role: Role; text: string; children?: JSX.Element }) {
  const { t } = useI18n();
  const id = `role-${props.role}`;
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{t().roles[props.role]}</h2>
      <p>{props.text}</p>
      {props.children}
    </section>
  );
}
