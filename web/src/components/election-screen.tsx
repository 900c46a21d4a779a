import type { JSX } from "solid-js";
import { ElectionMessages } from "../i18n/election";
import { Page } from "./page";
import "./election.css";

/** An election screen: its heading, and the section's own messages for errors and fields. */
export function ElectionScreen(props: { title: string; heading?: string; children?: JSX.Element }) {
  return (
    <ElectionMessages>
      <Page title={props.title} heading={props.heading}>
        {props.children}
      </Page>
    </ElectionMessages>
  );
}
