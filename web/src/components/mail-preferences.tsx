import { createEffect, createSignal, Show } from "solid-js";
import { createAsync, revalidate } from "@solidjs/router";
import { FormError, Loads, Status } from "./feedback";
import { CheckboxField } from "./field";
import { useSection } from "../i18n";
import { messageEn, messageNl } from "../i18n/message";
import { getPreferences, messageApi, type Preferences } from "../lib/message";

/** The person's own choice of news and reminders by mail; what must reach them always goes. */
export function MailPreferencesCard() {
  const m = useSection({ nl: messageNl, en: messageEn });
  const stored = createAsync(() => getPreferences());
  const [prefs, setPrefs] = createSignal<Preferences>();
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal(false);
  const [pending, setPending] = createSignal(false);
  createEffect(() => {
    const s = stored();
    if (s && !prefs()) setPrefs(s);
  });
  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    const p = prefs();
    if (!p) return;
    setPending(true);
    setError(undefined);
    setSaved(false);
    try {
      setPrefs(await messageApi.setPreferences(p));
      setSaved(true);
      void revalidate(getPreferences.key);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };
  return (
    <section class="card" aria-labelledby="mail-prefs">
      <h2 id="mail-prefs">{m().prefsTitle}</h2>
      <p>{m().prefsIntro}</p>
      <Loads>
        <Show when={stored() && prefs()}>
          {(p) => (
            <form onSubmit={save}>
              <CheckboxField name="news" label={m().news} checked={p().news} onChange={(on) => setPrefs({ ...p(), news: on })} />
              <CheckboxField name="reminders" label={m().reminders} checked={p().reminders} onChange={(on) => setPrefs({ ...p(), reminders: on })} />
              <FormError error={error()} />
              <Status message={saved() ? m().saved : undefined} />
              <button type="submit" class="primary" disabled={pending()}>
                {m().save}
              </button>
            </form>
          )}
        </Show>
      </Loads>
    </section>
  );
}
