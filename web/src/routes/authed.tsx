import { createEffect, on, Suspense } from "solid-js";
import { createAsync, type RouteDefinition, type RouteSectionProps } from "@solidjs/router";
import { Loading } from "../components/feedback";
import { Frame } from "../components/frame";
import { useI18n } from "../i18n";
import { getMe } from "../lib/person";

export const route = {
  preload: () => getMe(),
} satisfies RouteDefinition;

/** Every screen behind the login: `getMe` sends people without a session to the login screen. */
export default function Authed(props: RouteSectionProps) {
  const { setLocale } = useI18n();
  const me = createAsync(() => getMe());
  // The language saved with the person wins, so every device shows the same.
  createEffect(
    on(
      () => me()?.person.locale,
      (locale) => locale && setLocale(locale),
    ),
  );
  return (
    <Frame me={me()}>
      <Suspense fallback={<Loading />}>{props.children}</Suspense>
    </Frame>
  );
}
