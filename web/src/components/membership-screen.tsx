import { Show, type JSX } from "solid-js";
import { A, createAsync } from "@solidjs/router";
import { MoreMessages } from "../i18n";
import { useContributionText } from "../i18n/contribution";
import { useMembershipText } from "../i18n/membership";
import { getMe, hasHarvestShare, type MeInfo } from "../lib/person";
import { canKeepWaitlist, canReadRegister } from "../lib/membership";
import { isTreasurer } from "../lib/contribution";
import { Page } from "./page";
import { SubNav } from "./sub-nav";
import { Restricted } from "./restricted";
import "./membership.css";

/**
 * A membership or contribution screen behind the login: its heading, the
 * section's own messages for errors, and the section's menu of what the
 * person can use.
 */
export function MembershipScreen(props: { title: string; heading?: string; children?: JSX.Element }) {
  return (
    <SectionMessages>
      <Page title={props.title} heading={props.heading}>
        <MembershipNav />
        {props.children}
      </Page>
    </SectionMessages>
  );
}

/** A membership screen for some only: blank until the person is known, "not found" to those it is not for. */
export function RestrictedScreen(props: { title: string; allow: (me: MeInfo) => boolean; children?: JSX.Element }) {
  return (
    <Restricted allow={props.allow}>
      <MembershipScreen title={props.title}>{props.children}</MembershipScreen>
    </Restricted>
  );
}

/** A public membership screen (the waiting list): no menu, no session needed. */
export function PublicMembershipScreen(props: { title: string; children?: JSX.Element }) {
  return (
    <SectionMessages>
      <Page title={props.title}>{props.children}</Page>
    </SectionMessages>
  );
}

/**
 * The section's error codes and fields told in its own words: the
 * membership and contribution screens share one menu and one set.
 */
function SectionMessages(props: { children: JSX.Element }) {
  const m = useMembershipText();
  const c = useContributionText();
  const messages = () => ({ errors: { ...c().errors, ...m().errors }, fields: { ...c().fields, ...m().fields } });
  return <MoreMessages messages={messages}>{props.children}</MoreMessages>;
}

function MembershipNav() {
  const s = useMembershipText();
  const me = createAsync(() => getMe());
  return (
    <SubNav
      label={s().nav.label}
      links={[
        { href: "/contribution", label: s().nav.mine, show: hasHarvestShare(me()) },
        { href: "/waitlist", label: s().nav.waitlist, show: canKeepWaitlist(me()) },
        { href: "/certificates", label: s().nav.register, show: canReadRegister(me()) },
        { href: "/contribution/overview", label: s().nav.overview, show: isTreasurer(me()) },
        { href: "/contribution/import", label: s().nav.bank, show: isTreasurer(me()) },
        { href: "/contribution/season", label: s().nav.season, show: canReadRegister(me()) },
      ]}
    />
  );
}

/**
 * The year a contribution screen shows, with links to the year before and after
 * (`path?year=…`); the next year only up to `until`, when given.
 */
export function YearPicker(props: { year: number; path: string; shown: string; until?: number }) {
  const s = useContributionText();
  return (
    <nav class="week-picker" aria-label={s().mine.yearPicker}>
      <p class="week-shown">{props.shown}</p>
      <div class="week-steps">
        <A class="button secondary" href={`${props.path}?year=${props.year - 1}`}>
          <span aria-hidden="true">← </span>
          {s().mine.previousYear(props.year - 1)}
        </A>
        <Show when={props.until === undefined || props.year <= props.until}>
          <A class="button secondary" href={`${props.path}?year=${props.year + 1}`}>
            {s().mine.nextYear(props.year + 1)}
            <span aria-hidden="true"> →</span>
          </A>
        </Show>
      </div>
    </nav>
  );
}
