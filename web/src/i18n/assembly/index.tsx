import type { JSX } from "solid-js";
import { MoreMessages, useSection } from "..";
import { assemblyEn } from "./en";
import { assemblyNl, type AssemblyDictionary } from "./nl";

const dictionaries = { nl: assemblyNl, en: assemblyEn };

/** The strings of the assembly screens, in the language shown. */
export function useAssemblyText(): () => AssemblyDictionary {
  return useSection(dictionaries);
}

/** Around an assembly screen: its error codes and fields told in its own words. */
export function AssemblyMessages(props: { children: JSX.Element }) {
  const a = useAssemblyText();
  return <MoreMessages messages={() => ({ errors: a().errors, fields: a().fieldErrors })}>{props.children}</MoreMessages>;
}
