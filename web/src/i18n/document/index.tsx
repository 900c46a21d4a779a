import type { JSX } from "solid-js";
import { MoreMessages, useSection } from "..";
import { documentEn } from "./en";
import { documentNl, type DocumentDictionary } from "./nl";

export type { DocumentDictionary };

const dictionaries = { nl: documentNl, en: documentEn };

/** The strings of the library screen, in the language shown. */
export function useDocumentText(): () => DocumentDictionary {
  return useSection(dictionaries);
}

/** Around the library screen: its error codes and fields are told in its own words. */
export function DocumentMessages(props: { children: JSX.Element }) {
  const d = useDocumentText();
  return <MoreMessages messages={d}>{props.children}</MoreMessages>;
}
