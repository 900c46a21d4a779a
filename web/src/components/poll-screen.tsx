import { Show, type JSX } from "solid-js";
import { createAsync } from "@solidjs/router";
import { PollMessages } from "../i18n/poll";
import { getMe, type MeInfo } from "../lib/person";
import { canSeePolls } from "../lib/poll";
import NotFound from "../routes/not-found";
import { Loads } from "./feedback";
import { Page } from "./page";
import "./poll.css";

/** A poll screen: its heading, and the section's own messages for errors and fields. */
export function PollScreen(props: { title: string; heading?: string; children?: JSX.Element }) {
  return (
    <PollMessages>
      <Page title={props.title} heading={props.heading}>
        {props.children}
      </Page>
    </PollMessages>
  );
}

/** A poll screen for those who see polls (member households, the board, the farmer); its data loads, or fails, inside. */
export function PollsOnly(props: { title: string; children: (me: MeInfo) => JSX.Element }) {
  const me = createAsync(() => getMe());
  return (
    <Show when={me()}>
      {(m) => (
        <Show when={canSeePolls(m())} fallback={<NotFound />}>
          <PollScreen title={props.title}>
            <Loads>{props.children(m())}</Loads>
          </PollScreen>
        </Show>
      )}
    </Show>
  );
}
