import type { JSX } from "solid-js";
import { PollMessages } from "../i18n/poll";
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
