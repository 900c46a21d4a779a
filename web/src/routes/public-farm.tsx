import { For, Show } from "solid-js";
import { A, createAsync } from "@solidjs/router";
import { Loads } from "../components/feedback";
import { Frame } from "../components/frame";
import { Page } from "../components/page";
import { PickupList } from "../components/pickup-moments";
import { useI18n } from "../i18n";
import { useFarmText } from "../i18n/farm";
import { getPublicFarm, type PublicFarm } from "../lib/farm";

/** The farm for anyone, before logging in: what it is, what it costs, where and when to pick up, the waiting list, privacy. */
export default function PublicFarmPage() {
  const f = useFarmText();
  const farm = createAsync(() => getPublicFarm());
  return (
    <Frame>
      <Page title={f().public.title} heading={farm()?.name ?? f().public.title}>
        <Loads>
          <Show when={farm()}>{(fm) => <About farm={fm()} />}</Show>
        </Loads>
      </Page>
    </Frame>
  );
}

function About(props: { farm: PublicFarm }) {
  const f = useFarmText();
  const { locale, mouths } = useI18n();
  const money = (cents: number) => new Intl.NumberFormat(locale(), { style: "currency", currency: "EUR" }).format(cents / 100);
  const fm = () => props.farm;
  return (
    <div class="public-farm">
      <p class="lead">{f().public.intro(fm().name)}</p>
      <section class="card" aria-labelledby="farm-costs">
        <h2 id="farm-costs">{f().public.costs}</h2>
        <dl class="facts">
          <div>
            <dt>{f().public.price}</dt>
            <dd>
              <Show when={fm().price} fallback={f().public.noPrice}>
                {(p) => (
                  <>
                    <strong>{f().public.priceValue(money(p().rateCents), p().year)}</strong>
                    <Show when={p().vegetarianRateCents !== p().rateCents}>
                      {" "}({f().public.vegetarianValue(money(p().vegetarianRateCents))})
                    </Show>
                  </>
                )}
              </Show>
              <span class="hint">{f().public.mouthHint}</span>
            </dd>
          </div>
          <div>
            <dt>{f().public.deposit}</dt>
            <dd>
              {f().public.depositValue(money(fm().depositFullCents), money(fm().depositHalfCents))}
              <span class="hint">{f().public.depositHint(fm().depositInstalments, fm().minimumTermYears)}</span>
            </dd>
          </div>
        </dl>
      </section>
      <section class="card" aria-labelledby="farm-pickup">
        <h2 id="farm-pickup">{f().public.pickup}</h2>
        <PickupList pickup={fm().pickup} label={f().public.pickup} />
      </section>
      <section class="card" aria-labelledby="farm-waitlist">
        <h2 id="farm-waitlist">{f().public.waitlist}</h2>
        <p>{f().public.waiting(fm().waiting.applications, mouths(fm().waiting.mouths))}</p>
        <p class="muted">{f().public.capacity(mouths(fm().capacityMouths))}</p>
        <p>
          <A class="button" href="/apply">
            {f().public.apply}
          </A>
        </p>
      </section>
      <section class="card" aria-labelledby="farm-privacy">
        <h2 id="farm-privacy">{f().public.privacy}</h2>
        <For each={f().public.privacyText}>{(paragraph) => <p>{paragraph}</p>}</For>
      </section>
      <p>
        <A href="/login">{f().public.login}</A>
      </p>
    </div>
  );
}
