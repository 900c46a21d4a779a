import { createSignal } from "solid-js";

/**
 * Copying a link or code to the clipboard, and whether it worked. Without a
 * clipboard (an old browser, or permission refused) the field is selected
 * instead, so copying by hand is one step.
 */
export function useCopy() {
  const [copied, setCopied] = createSignal<"yes" | "no">();
  async function copy(text: string, field: HTMLInputElement | undefined) {
    setCopied(undefined);
    try {
      await navigator.clipboard.writeText(text);
      setCopied("yes");
    } catch {
      field?.focus();
      field?.select();
      setCopied("no");
    }
  }
  return { copied, setCopied, copy };
}
