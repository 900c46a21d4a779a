import { ErrorBoundary, For, lazy, Show, Suspense } from "solid-js";
import { A, createAsync, type RouteSectionProps } from "@solidjs/router";
import { LoadError, Loading } from "../components/feedback";
import { Page } from "../components/page";
import { useI18n } from "../i18n";
import { getHousehold, type HouseholdWithPeople } from "../lib/household";
import { canManageHouseholds, getMe } from "../lib/person";

// the board's overview of certificate, contribution and hours: its own chunk, not on a member's first screen
const Overview = lazy(() => import("../components/household-overview"));

/** A household with its people: members see their own, the board sees any. */
export default function HouseholdPage(props: RouteSectionProps) {
  const { t } = useI18n();
  const me = createAsync(() => getMe());
  const household = createAsync(() => getHousehold(props.params.id!));
  const mine = () => me()?.household?.id === props.params.id;
  return (
    <Page title={mine() ? t().household.mine : t().household.title}>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Suspense fallback={<Loading />}>
          <Show when={household()}>
            {(h) => <Details household={h()} canEdit={canManageHouseholds(me())} />}
          </Show>
          <Show when={mine()}>
            <p>
              <A href="/my-data">{t().household.myData}</A>
            </p>
          </Show>
        </Suspense>
      </ErrorBoundary>
    </Page>
  );
}

/** Adults × 1 + children × the child factor; the factor follows from the figures the API gives. */
function childFactor(h: { adults: number; children: number; mouths: number }): number | undefined {
  return h.children > 0 ? Math.round(((h.mouths - h.adults) / h.children) * 1000) / 1000 : undefined;
}

function Details(props: { household: HouseholdWithPeople; canEdit: boolean }) {
  const { t, number, mouths } = useI18n();
  const h = () => props.household;
  const children = () => {
    const factor = childFactor(h());
    return factor === undefined ? undefined : { count: t().count.children(h().children), factor: number(factor) };
  };
  return (
    <>
      <h2 class="household-name">{h().name}</h2>
      <section class="card" aria-labelledby="composition">
        <h3 id="composition">{t().household.composition}</h3>
        <dl class="facts">
          <div>
            <dt>{t().household.mouths}</dt>
            <dd>
              <strong>{mouths(h().mouths)}</strong>
              <span class="sum">
                {t().household.mouthsSum(t().count.adults(h().adults), mouths(h().mouths), children())}
              </span>
              <span class="hint">{t().household.mouthsExplained}</span>
            </dd>
          </div>
          <div>
            <dt>{t().household.certificate}</dt>
            <dd>
              {t().certificate[h().certificate]}{" "}
              <span class="hint">({h().certificate === "full" ? t().certificate.fullHint : t().certificate.halfHint})</span>
            </dd>
          </div>
          <div>
            <dt>{t().household.vegetarian}</dt>
            <dd>{h().vegetarian ? t().household.vegetarianYes : t().household.vegetarianNo}</dd>
          </div>
          <div>
            <dt>{t().household.status}</dt>
            <dd>{t().status[h().status]}</dd>
          </div>
        </dl>
      </section>
      <section class="card" aria-labelledby="people">
        <h3 id="people">{t().household.people}</h3>
        <Show when={h().people.length} fallback={<p>{t().household.noPeople}</p>}>
          <ul class="people">
            <For each={h().people}>
              {(person) => (
                <li>
                  <span class="person-name">{person.name}</span>
                  <a href={`mailto:${person.email}`}>{person.email}</a>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <Show when={props.canEdit}>
        <Suspense>
          <Overview household={h()} />
        </Suspense>
        <p>
          <A class="button" href={`/households/${h().id}/edit`}>
            {t().household.edit}
          </A>
        </p>
      </Show>
    </>
  );
}
