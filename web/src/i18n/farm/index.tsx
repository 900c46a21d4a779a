import { useSection } from "..";
import { farmEn } from "./en";
import { farmNl, type FarmDictionary } from "./nl";

export type { FarmDictionary };

const dictionaries = { nl: farmNl, en: farmEn };

/** The strings of the farm's screens, in the language shown. */
export function useFarmText(): () => FarmDictionary {
  return useSection(dictionaries);
}
