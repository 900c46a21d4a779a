import type { JSX } from "solid-js";
import { MoreMessages, useSection } from "..";
import { planEn } from "./en";
import { planNl, type PlanDictionary } from "./nl";

export type { PlanDictionary };

const dictionaries = { nl: planNl, en: planEn };

/** The strings of a member's planning, in the language shown. */
export function usePlanText(): () => PlanDictionary {
  return useSection(dictionaries);
}

/** The planning's messages for its error codes and fields, for the forms inside. */
export function PlanMessages(props: { children: JSX.Element }) {
  const p = usePlanText();
  return <MoreMessages messages={() => ({ errors: p().errors, fields: p().fields })}>{props.children}</MoreMessages>;
}
