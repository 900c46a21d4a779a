import { useSection } from "..";
import { membershipEn } from "./en";
import { membershipNl, type MembershipDictionary } from "./nl";

export type { MembershipDictionary };

const dictionaries = { nl: membershipNl, en: membershipEn };

/** The strings of the membership screens, in the language shown. */
export function useMembershipText(): () => MembershipDictionary {
  return useSection(dictionaries);
}
