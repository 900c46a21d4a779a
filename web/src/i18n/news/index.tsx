import type { JSX } from "solid-js";
import { MoreMessages, useSection } from "..";
import { newsEn } from "./en";
import { newsNl, type NewsDictionary } from "./nl";

export type { NewsDictionary };

const dictionaries = { nl: newsNl, en: newsEn };

/** The strings of news, in the language shown. */
export function useNewsText(): () => NewsDictionary {
  return useSection(dictionaries);
}

/** Around the news screens: their error codes and fields are told in their own words. */
export function NewsMessages(props: { children: JSX.Element }) {
  const d = useNewsText();
  return <MoreMessages messages={d}>{props.children}</MoreMessages>;
}
