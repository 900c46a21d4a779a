import type { JSX } from "solid-js";
import { MoreMessages, useSection } from "..";
import { workdayEn } from "./en";
import { workdayNl, type WorkdayDictionary } from "./nl";

export type { WorkdayDictionary };

const dictionaries = { nl: workdayNl, en: workdayEn };

/** The strings of the work-day screens, in the language shown. */
export function useWorkdayText(): () => WorkdayDictionary {
  return useSection(dictionaries);
}

/** Around a work-day screen: its error codes and fields are told in its own words. */
export function WorkdayMessages(props: { children: JSX.Element }) {
  const w = useWorkdayText();
  return <MoreMessages messages={w}>{props.children}</MoreMessages>;
}
