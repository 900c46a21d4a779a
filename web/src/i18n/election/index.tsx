import type { JSX } from "solid-js";
import { MoreMessages, useSection } from "..";
import { electionEn } from "./en";
import { electionNl, type ElectionDictionary } from "./nl";

export type { ElectionDictionary };

const dictionaries = { nl: electionNl, en: electionEn };

/** The strings of the election screens, in the language shown. */
export function useElectionText(): () => ElectionDictionary {
  return useSection(dictionaries);
}

/** Around an election screen: its error codes and fields are told in its own words. */
export function ElectionMessages(props: { children: JSX.Element }) {
  const e = useElectionText();
  return <MoreMessages messages={e}>{props.children}</MoreMessages>;
}
