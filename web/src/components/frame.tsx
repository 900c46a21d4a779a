import { createEffect, createSignal, lazy, on, Show, Suspense, type JSX } from "solid-js";
import { A, query, useLocation, useNavigate } from "@solidjs/router";
import { errorText, useI18n } from "../i18n";
import { ApiError } from "../lib/api";
import {
  canEnterHarvest,
  canManageHouseholds,
  canOrganiseWorkdays,
  canSeeElections,
  canSeeHourTotals,
  canSignUp,
  canViewHarvest,
  hasHarvestShare,
  type MeInfo,
} from "../lib/person";
import { authApi } from "../lib/auth";
import { currentWeek } from "../lib/week";
import type { AdminTab } from "../i18n/admin";
import { LanguageSwitch } from "./language-switch";

// Only the screens under "Beheer" show the tabs: their code and words load with them.
const Tabs = lazy(() => import("./admin-tabs"));

/**
 * Skip link, header and main landmark around every screen. The menu lists
 * only the screens the person can use: the members' own first, then the
 * farmer's harvest entry, then one "Beheer" for the board's, treasurer's
 * and coordinators' screens, which show their tabs above them. On a phone the menu, language switch
 * and logout sit behind a "Menu" button (the CSS hides the button on wide
 * screens); it closes on navigation and on Escape.
 */
export function Frame(props: { me?: MeInfo; children: JSX.Element }) {
  const { t } = useI18n();
  const location = useLocation();
  const [open, setOpen] = createSignal(false);
  createEffect(on(() => location.pathname, () => setOpen(false), { defer: true }));
  let main: HTMLElement | undefined;
  let button: HTMLButtonElement | undefined;
  return (
    <>
      <a
        class="skip-link"
        href="#main"
        on:click={(e) => {
          // Handled here, before the router would treat it as a navigation.
          e.preventDefault();
          main?.focus();
        }}
      >
        {t().nav.skip}
      </a>
      <header class="site-header">
        <div
          class="header-inner"
          onKeyDown={(e) => {
            if (e.key === "Escape" && open()) {
              setOpen(false);
              button?.focus();
            }
          }}
        >
          <div class="brand">
            <svg class="logo" viewBox="0 0 24 24" aria-hidden="true">
              <path d="M12 21c0-6 2-11 9-14-1 8-4 12-9 14zm0 0C12 15 10 11 3 9c1 7 4 10 9 12z" />
            </svg>
            <span class="brand-name">{t().app.name}</span>
            <Show when={props.me}>{(me) => <span class="farm-name">{me().farm.name}</span>}</Show>
          </div>
          <Show when={props.me}>
            <button
              ref={button}
              type="button"
              class="menu-button"
              aria-expanded={open() ? "true" : "false"}
              aria-controls="site-menu"
              onClick={() => setOpen(!open())}
            >
              {t().nav.menu}
            </button>
          </Show>
          <div
            id="site-menu"
            class="site-menu"
            classList={{ open: open() }}
            onClick={(e) => {
              if ((e.target as Element).closest("a")) setOpen(false);
            }}
          >
            <Show when={props.me}>{(me) => <Menu me={me()} />}</Show>
            <div class="tools">
              <LanguageSwitch loggedIn={!!props.me} />
              <Show when={props.me}>
                <Logout />
              </Show>
            </div>
          </div>
        </div>
      </header>
      <main ref={main} id="main" tabindex="-1">
        <Show when={props.me}>{(me) => <AdminTabs me={me()} />}</Show>
        {props.children}
      </main>
    </>
  );
}

function Menu(props: { me: MeInfo }) {
  const { t } = useI18n();
  const location = useLocation();
  return (
    <nav aria-label={t().nav.label}>
      <ul class="menu">
        <li>
          <A href="/" end>
            {t().nav.home}
          </A>
        </li>
        <Show when={hasHarvestShare(props.me)}>
          <li>
            <A href="/harvest" end>
              {t().nav.harvest}
            </A>
          </li>
        </Show>
        <Show when={canSignUp(props.me) || canOrganiseWorkdays(props.me) || canSeeHourTotals(props.me)}>
          <li>
            <A href="/workdays" end>
              {t().nav.workdays}
            </A>
          </li>
        </Show>
        <Show when={canSeeElections(props.me)}>
          <li>
            <A href="/elections" end>
              {t().nav.elections}
            </A>
          </li>
        </Show>
        <Show when={hasHarvestShare(props.me) || canManageHouseholds(props.me) || canEnterHarvest(props.me)}>
          <li>
            <A href="/polls">{t().nav.polls}</A>
          </li>
        </Show>
        <Show when={props.me.household}>
          {(household) => (
            <li>
              <A href={`/households/${household().id}`} end>
                {t().nav.myHousehold}
              </A>
            </li>
          )}
        </Show>
        <Show when={props.me.household}>
          <li>
            <A href="/contribution">{t().nav.membership}</A>
          </li>
        </Show>
        {/* every role reads the library; what each may see the API decides */}
        <Show when={props.me.roles.length}>
          <li>
            <A href="/documents">{t().nav.documents}</A>
          </li>
        </Show>
        <Show when={canEnterHarvest(props.me)}>
          <li>
            {/* the farmer goes on to the week to enter next */}
            <A href="/harvest/next" end>
              {t().nav.harvestEntry}
            </A>
          </li>
        </Show>
        <Show when={adminLinks(props.me)[0]}>
          {(first) => (
            <li>
              {/* a plain link (the router still takes its click): current on every one of its screens, not only the first */}
              <a href={first().href} aria-current={isAdminPath(props.me, location.pathname) ? "page" : undefined}>
                {t().nav.admin}
              </a>
            </li>
          )}
        </Show>
      </ul>
    </nav>
  );
}

/**
 * The board's, treasurer's and coordinators' screens this person can use, in
 * the order of their tabs; none for a member, and for the farmer alone only
 * the mail to all members (work days are planned from "Meewerken").
 */
function adminLinks(me: MeInfo): { href: string; tab: AdminTab }[] {
  const has = (role: MeInfo["roles"][number]) => me.roles.includes(role) || me.roles.includes("admin");
  const links: [string, AdminTab, boolean][] = [
    ["/households", "households", has("board")],
    ["/waitlist", "waitlist", has("board")],
    ["/certificates", "certificates", has("board") || has("treasurer")],
    ["/contribution/overview", "contributions", has("treasurer")],
    ["/contribution/import", "bank", has("treasurer")],
    ["/contribution/season", "season", has("board") || has("treasurer")],
    [`/harvest/${currentWeek()}`, "harvest", canViewHarvest(me) && !canEnterHarvest(me)],
    ["/workdays/new", "newWorkday", has("coordinator")],
    ["/hours/pending", "pendingHours", has("coordinator")],
    ["/hours/totals", "hourTotals", canSeeHourTotals(me)],
    ["/farm/settings", "farm", canManageHouseholds(me)],
    ["/assemblies/manage", "assemblies", canManageHouseholds(me)],
    ["/messages", "messages", canManageHouseholds(me) || has("treasurer") || canEnterHarvest(me)],
    ["/polls/new", "newPoll", canManageHouseholds(me)],
  ];
  return links.filter(([, , show]) => show).map(([href, tab]) => ({ href, tab }));
}

/** Whether a path is one of the person's "Beheer" screens, or below one (a household's edit form, another week). */
function isAdminPath(me: MeInfo, path: string) {
  // any week's split, not the member's own /harvest
  return adminLinks(me).some(({ href }) => (href.startsWith("/harvest/") ? path.startsWith("/harvest/") : path === href || path.startsWith(`${href}/`)));
}

/** The tabs of the "Beheer" screens, on those screens only. */
function AdminTabs(props: { me: MeInfo }) {
  const location = useLocation();
  return (
    <Show when={isAdminPath(props.me, location.pathname)}>
      <Suspense>
        <Tabs links={adminLinks(props.me)} />
      </Suspense>
    </Show>
  );
}

function Logout() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();

  async function logout() {
    setPending(true);
    setError(undefined);
    try {
      await authApi.logout();
    } catch (e) {
      // A session that is already gone is as good as a logout.
      if (!(e instanceof ApiError && e.status === 401)) {
        setError(e);
        setPending(false);
        return;
      }
    }
    query.clear();
    navigate("/login", { replace: true });
  }

  return (
    <div class="logout">
      <button type="button" class="secondary" disabled={pending()} onClick={() => void logout()}>
        {pending() ? t().nav.loggingOut : t().nav.logout}
      </button>
      <div role="alert" class="alert-region">
        <Show when={error()}>
          <p class="notice error small">{errorText(t(), error())}</p>
        </Show>
      </div>
    </div>
  );
}
