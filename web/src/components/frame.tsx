import { createEffect, createSignal, on, Show, type JSX } from "solid-js";
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
import { LanguageSwitch } from "./language-switch";

/**
 * Skip link, header and main landmark around every screen. The menu lists
 * only the screens the person can use. On a phone the menu, language switch
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
        {props.children}
      </main>
    </>
  );
}

function Menu(props: { me: MeInfo }) {
  const { t } = useI18n();
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
        <Show when={props.me.household}>
          {(household) => (
            <li>
              <A href={`/households/${household().id}`} end>
                {t().nav.myHousehold}
              </A>
            </li>
          )}
        </Show>
        <Show when={canViewHarvest(props.me)}>
          <li>
            {/* the farmer goes on to the week to enter next; the board reads this week */}
            <A href={canEnterHarvest(props.me) ? "/harvest/next" : `/harvest/${currentWeek()}`} end>
              {canEnterHarvest(props.me) ? t().nav.harvestEntry : t().nav.harvestOverview}
            </A>
          </li>
        </Show>
        <Show when={canManageHouseholds(props.me)}>
          <li>
            <A href="/households" end>
              {t().nav.households}
            </A>
          </li>
        </Show>
        <Show when={membershipHome(props.me)}>
          {(href) => (
            <li>
              <A href={href()}>{t().nav.membership}</A>
            </li>
          )}
        </Show>
      </ul>
    </nav>
  );
}

/**
 * Where the membership screens start for this person: their own contribution
 * (also for a household that has left: its statement and deposit refund are
 * still its business), else the board's or the treasurer's list.
 */
function membershipHome(me: MeInfo): string | undefined {
  if (me.household) return "/contribution";
  if (canManageHouseholds(me)) return "/waitlist";
  if (me.roles.includes("treasurer")) return "/certificates";
  return undefined;
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
