import { createEffect, For, Show } from "solid-js";
import { A } from "@solidjs/router";

/** A link of a section's menu, shown only to whom it is for. */
export interface SubNavLink {
  href: string;
  label: string;
  show: boolean;
}

/**
 * A section's menu of the screens the person can use; none when that is only
 * one. With `wrap`, its links wrap onto more lines instead of scrolling sideways.
 */
export function SubNav(props: { label: string; links: SubNavLink[]; wrap?: boolean }) {
  const links = () => props.links.filter((l) => l.show);
  let list: HTMLUListElement | undefined;
  // On a phone the links scroll sideways: bring the current one into view, without scrolling the page.
  createEffect(() => {
    links();
    const current = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (list && current) list.scrollLeft = current.offsetLeft - list.offsetLeft - 16;
  });
  return (
    <Show when={links().length > 1}>
      <nav class="subnav" classList={{ wrap: props.wrap }} aria-label={props.label}>
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
