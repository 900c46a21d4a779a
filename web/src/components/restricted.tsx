import { Show, type JSX } from "solid-js";
import { createAsync } from "@solidjs/router";
import { getMe, type MeInfo } from "../lib/person";
import NotFound from "../routes/not-found";

/** A screen for some only: blank until the person is known, "not found" to those it is not for. */
export function Restricted(props: { allow: (me: MeInfo) => boolean; children?: JSX.Element }) {
  const me = createAsync(() => getMe());
  return (
    <Show when={me()}>
      {(m) => (
        <Show when={props.allow(m())} fallback={<NotFound />}>
          {props.children}
        </Show>
      )}
    </Show>
  );
}
