import { useSection } from "..";
import { bankEn } from "./en";
import { bankNl, type BankDictionary } from "./nl";

export type { BankDictionary };

const dictionaries = { nl: bankNl, en: bankEn };

/** The strings of the bank import screen, in the language shown. */
export function useBankText(): () => BankDictionary {
  return useSection(dictionaries);
}
