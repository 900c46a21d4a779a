import { ErrorBoundary, For, Show, Suspense } from "solid-js";
import { createAsync } from "@solidjs/router";
import { useI18n } from "../i18n";
import { useFarmText } from "../i18n/farm";
import { getPublicFarm, weekdayName, type PickupMoment } from "../lib/farm";
import "./farm.css";

/** The farm's pickup moments as a list: "vrijdag 16:00–19:00, De schuur". */
export function PickupList(props: { pickup: PickupMoment[]; label: string }) {
  const { locale } = useI18n();
  const f = useFarmText();
  return (
    <Show when={props.pickup.length} fallback={<p class="muted">{f().pickup.none}</p>}>
      <ul class="pickup-moments" aria-label={props.label}>
        <For each={props.pickup}>
          {(m) => (
            <li>
              <strong>{f().pickup.moment(weekdayName(m.weekday, locale()), m.from, m.to)}</strong> <span>{m.place}</span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/**
 * When and where to collect the share, under it. Loaded on its own: a
 * share still shows when the farm's facts cannot be read.
 */
export default function PickupMoments() {
  const f = useFarmText();
  const farm = createAsync(() => getPublicFarm());
  return (
    <ErrorBoundary fallback={null}>
      <Suspense>
        <Show when={farm()}>
          {(fm) => (
            <div class="pickup">
              <h3>{f().pickup.title}</h3>
              <PickupList pickup={fm().pickup} label={f().pickup.title} />
            </div>
          )}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
