import type { JSX } from "solid-js";
import { createAsync } from "@solidjs/router";
import { useWorkdayText, WorkdayMessages } from "../i18n/workday";
import { canOrganiseWorkdays, canSeeHourTotals, canSignUp, getMe } from "../lib/person";
import { Page } from "./page";
import { SubNav } from "./sub-nav";

/**
 * A work-day screen: its heading, the section's own messages for errors,
 * and the section's menu, which lists only what the person can use.
 */
export function WorkdayScreen(props: { title: string; heading?: string; children?: JSX.Element }) {
  return (
    <WorkdayMessages>
      <Page title={props.title} heading={props.heading}>
        <WorkdayNav />
        {props.children}
      </Page>
    </WorkdayMessages>
  );
}

function WorkdayNav() {
  const w = useWorkdayText();
  const me = createAsync(() => getMe());
  return (
    <SubNav
      label={w().nav.label}
      links={[
        { href: "/workdays", label: w().nav.list, show: true },
        { href: "/workdays/mine", label: w().nav.mine, show: canSignUp(me()) },
        { href: "/hours", label: w().nav.hours, show: canSignUp(me()) },
        { href: "/hours/pending", label: w().nav.pending, show: canOrganiseWorkdays(me()) },
        { href: "/hours/totals", label: w().nav.totals, show: canSeeHourTotals(me()) },
      ]}
    />
  );
}
