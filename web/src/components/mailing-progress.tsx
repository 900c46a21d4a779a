import { createSignal, onCleanup } from "solid-js";
import type { Mailing } from "@akker/core/mail/mailing";
import { Status } from "./feedback";
import { useSection } from "../i18n";
import { mailingEn, mailingNl, type MailingDictionary } from "../i18n/mailing";
import { request } from "../lib/api";

const useText = () => useSection({ nl: mailingNl, en: mailingEn });

/**
 * How far the mail of a change got (a publish, a vote opened or closed, a
 * cancelled work day): the server sends it after answering, so this asks
 * every second until it is done. `path` is the owning domain's …/mailing
 * route under /api; mount it anew (keyed) for each change.
 */
export function MailingProgress(props: { path: string; of: keyof MailingDictionary; everyMs?: number }) {
  const text = useText();
  const [progress, setProgress] = createSignal<Mailing.Progress>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const look = async () => {
    try {
      const p = await request<Mailing.Progress>("GET", props.path);
      if (stopped) return;
      setProgress(p);
      if (!p.done) timer = setTimeout(look, props.everyMs ?? 1000);
    } catch {
      // a lost answer is no news: ask again a little later
      if (!stopped) timer = setTimeout(look, 3 * (props.everyMs ?? 1000));
    }
  };
  void look();
  onCleanup(() => {
    stopped = true;
    clearTimeout(timer);
  });
  const message = () => {
    const p = progress();
    const t = text()[props.of];
    if (!p) return undefined;
    if (!p.done) return t.sending(p.sent, p.total);
    return p.total ? t.done(p.total) : t.none;
  };
  return <Status message={message()} tone="info" />;
}
