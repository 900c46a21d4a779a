import type { JSX } from "solid-js";
import { MoreMessages, useSection } from "..";
import { farmerEn } from "./en";
import { farmerNl, type FarmerDictionary } from "./nl";

export type { FarmerDictionary };

const dictionaries = { nl: farmerNl, en: farmerEn };

/** The strings of the farmer's catalogue, summary, pick list and pickup, in the language shown. */
export function useFarmerText(): () => FarmerDictionary {
  return useSection(dictionaries);
}

/** Around a farmer's screen: the pickup's error codes in its own words. */
export function FarmerMessages(props: { children: JSX.Element }) {
  const f = useFarmerText();
  return <MoreMessages messages={f}>{props.children}</MoreMessages>;
}
