import { createSignal, For, Show } from "solid-js";
import { query, revalidate } from "@solidjs/router";
import { locales, useI18n } from "../i18n";
import { getMe, type Locale, personApi } from "../lib/person";

/**
 * Two buttons, each language named in itself. When logged in, the choice is
 * also saved with the person, so mails and other devices follow it.
 */
export function LanguageSwitch(props: { loggedIn: boolean }) {
  const { t, locale, setLocale } = useI18n();
  const [failed, setFailed] = createSignal(false);

  async function choose(next: Locale) {
    if (next === locale()) return;
    setFailed(false);
    setLocale(next);
    if (!props.loggedIn) return;
    try {
      const me = await personApi.updateMe({ locale: next });
      // A later click wins over this answer.
      if (locale() !== next) return;
      query.set(getMe.keyFor(), me);
      // Tell the screens showing `me` about the new value, without fetching it again.
      void revalidate(getMe.keyFor(), false);
    } catch {
      setFailed(true);
    }
  }

  return (
    <div class="language">
      <div role="group" aria-label={t().language.label} class="segmented">
        <For each={locales}>
          {(l) => (
            <button
              type="button"
              lang={l}
              aria-pressed={locale() === l ? "true" : "false"}
              onClick={() => void choose(l)}
            >
              {t().language.names[l]}
            </button>
          )}
        </For>
      </div>
      <div role="alert" class="alert-region">
        <Show when={failed()}>
          <p class="notice error small">{t().language.saveFailed}</p>
        </Show>
      </div>
    </div>
  );
}
