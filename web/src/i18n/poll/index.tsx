import type { JSX } from "solid-js";
import { MoreMessages, useSection } from "..";
import { pollEn } from "./en";
import { pollNl, type PollDictionary } from "./nl";

export type { PollDictionary };

const dictionaries = { nl: pollNl, en: pollEn };

/** The strings of the poll screens, in the language shown. */
export function usePollText(): () => PollDictionary {
  return useSection(dictionaries);
}

/** Around a poll screen: its error codes and fields are told in its own words. */
export function PollMessages(props: { children: JSX.Element }) {
  const p = usePollText();
  return <MoreMessages messages={p}>{props.children}</MoreMessages>;
}
