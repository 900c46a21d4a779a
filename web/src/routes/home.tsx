import { For, lazy, Show, Suspense, type JSX } from "solid-js";
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
  preload: () => void homeReady(),
} satisfies RouteDefinition;

/**
 * Who the person is, once the cards of the first screen have their code and
 * data. The code and data load side by side, as soon as who it is is known;
 * and the screen shows in one piece, so cards do not push each other down
 * as their parts arrive (layout shift). A part that fails is left to its
 * card, which shows the error.
 */
async function homeReady() {
  const me = await getMe();
  const parts: Promise<unknown>[] = [];
  if (hasHarvestShare(me)) {
    const week = currentWeek();
    // with the pickup moments inside the share: here before the screen shows, so they push nothing down
    parts.push(HarvestShares.preload(), import("../components/harvest-share").then((m) => m.preloadPickup()), getMyHarvest(week), getMyHarvest(addWeeks(week, 1)));
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
  if (me?.roles.length) parts.push(NewsCard.preload(), import("../lib/news").then((n) => n.getNews()));
  if (canEnterHarvest(me)) {
    const week = currentWeek();
    parts.push(FarmerWeeks.preload(), getHarvestStanding(week), getHarvestStanding(addWeeks(week, 1)));
  }
  await Promise.allSettled(parts);
  return me;
}

/** The start screen: one card per thing the person is, so someone with several roles sees all of them. */
export default function Home() {
  const { t } = useI18n();
  const me = createAsync(() => homeReady());
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
          <div class="cards">
            <Show when={hasHarvestShare(me())}>
              <Suspense fallback={<Loading />}>
                <HarvestShares />
              </Suspense>
              <Suspense>
                <AssemblyCard />
              </Suspense>
              <Suspense>
                <PollCard />
              </Suspense>
            </Show>
            {/* the week's news beside the share: the farmer's note, then the posts */}
            <Show when={me().roles.length}>
              <Suspense fallback={<Loading />}>
                <NewsCard canWrite={["farmer", "board", "admin"].some((r) => me().roles.includes(r as Role))} />
              </Suspense>
            </Show>
            <Show when={canSignUp(me())}>
              <Suspense fallback={<Loading />}>
                <WorkdayCard />
              </Suspense>
              <Suspense fallback={<Loading />}>
                <HoursProgress />
              </Suspense>
            </Show>
            <HouseholdCard me={me()} />
            <RoleCards me={me()} />
            <Show when={!me().household && me().roles.length === 0}>
              <section class="card">
                <p>{t().home.nothing}</p>
              </section>
            </Show>
          </div>
        </Page>
      )}
    </Show>
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
