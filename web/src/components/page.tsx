import { createEffect, onMount, type JSX } from "solid-js";
import { useI18n } from "../i18n";

let firstPage = true;

/**
 * A screen: its heading and the document title. After a navigation, focus
 * moves to the heading, so keyboard and screen-reader users start reading
 * at the new content instead of at the top of the old page.
 */
export function Page(props: { title: string; heading?: string; children?: JSX.Element }) {
  const { t } = useI18n();
  let heading: HTMLHeadingElement | undefined;
  createEffect(() => {
    document.title = `${props.title} · ${t().app.name}`;
  });
  onMount(() => {
    if (!firstPage) heading?.focus();
    firstPage = false;
  });
  return (
    <>
      <h1 ref={heading} tabindex="-1">
        {props.heading ?? props.title}
      </h1>
      {props.children}
    </>
  );
}
