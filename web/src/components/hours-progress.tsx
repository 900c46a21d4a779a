import { createUniqueId, ErrorBoundary, Show } from "solid-js";
import { A, createAsync } from "@solidjs/router";
import { useI18n } from "../i18n";
import { usePlanText } from "../i18n/plan";
import { getMyHours } from "../lib/workday";
import { LoadError } from "./feedback";

/** The household's hours of help this season against the farm's target: progress, never a penalty. */
export default function HoursProgress() {
  const p = usePlanText();
  const { number } = useI18n();
  const hours = createAsync(() => getMyHours());
  const id = createUniqueId();
  return (
    <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
      <Show when={hours()}>
      {(h) => (
        <section class="card" aria-labelledby={id}>
          <h2 id={id}>{p().hours.title}</h2>
          <p>{p().hours.progress(number(h().confirmedHours), number(h().targetHours))}</p>
          <progress aria-labelledby={id} max={Math.max(h().targetHours, 1)} value={Math.min(h().confirmedHours, Math.max(h().targetHours, 1))} />
          <Show when={h().pendingHours > 0}>
            <p class="hint">{p().hours.pending(number(h().pendingHours))}</p>
          </Show>
          <A href="/hours">{p().hours.link}</A>
        </section>
      )}
      </Show>
    </ErrorBoundary>
  );
}
