import { createEffect, For, Show, type JSX } from "solid-js";
import { A, createAsync } from "@solidjs/router";
import { useWorkdayText, WorkdayMessages } from "../i18n/workday";
import { canOrganiseWorkdays, canSeeHourTotals, canSignUp, getMe } from "../lib/person";
import { Page } from "./page";

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
  const links = () => {
    const m = me();
    return [
      { href: "/workdays", label: w().nav.list, show: true },
      { href: "/workdays/mine", label: w().nav.mine, show: canSignUp(m) },
      { href: "/hours", label: w().nav.hours, show: canSignUp(m) },
      { href: "/hours/pending", label: w().nav.pending, show: canOrganiseWorkdays(m) },
      { href: "/hours/totals", label: w().nav.totals, show: canSeeHourTotals(m) },
    ].filter((l) => l.show);
  };
  let list: HTMLUListElement | undefined;
  // On a phone the links scroll sideways: bring the current one into view, without scrolling the page.
  createEffect(() => {
    links();
    const current = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (list && current) list.scrollLeft = current.offsetLeft - list.offsetLeft - 16;
  });
  return (
    <Show when={links().length > 1}>
      <nav class="subnav" aria-label={w().nav.label}>
        <ul ref={list}>
          <For each={links()}>
            {(link) => (
              <li>
                <A href={link.href} end>
                  {link.label}
                </A>
              </li>
            )}
          </For>
        </ul>
      </nav>
    </Show>
  );
}
