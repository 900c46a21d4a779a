import { Show } from "solid-js";
import { createAsync } from "@solidjs/router";
import { Loads } from "./feedback";
import { useI18n, useSection } from "../i18n";
import { householdOverviewEn, householdOverviewNl } from "../i18n/household-overview";
import { getSeason } from "../lib/contribution";
import type { HouseholdWithPeople } from "../lib/household";
import { getMyCertificate } from "../lib/membership";
import { currentSeason } from "../lib/week";
import { getHourTotals } from "../lib/workday";

const useText = () => useSection({ nl: householdOverviewNl, en: householdOverviewEn });

/**
 * For the board, before the edit form: the household's certificate and
 * deposit, what it pays this year, and its hours against the target. Each
 * part loads, or fails, on its own.
 */
export default function HouseholdOverview(props: { household: HouseholdWithPeople }) {
  return (
    <>
      <Loads>
        <CertificateCard householdID={props.household.id} />
      </Loads>
      <Loads>
        <ContributionCard household={props.household} />
      </Loads>
      <Loads>
        <HoursCard householdID={props.household.id} />
      </Loads>
    </>
  );
}

function useMoney() {
  const { locale } = useI18n();
  return (cents: number) => new Intl.NumberFormat(locale(), { style: "currency", currency: "EUR" }).format(cents / 100);
}

function day(date: string, locale: string) {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

function CertificateCard(props: { householdID: string }) {
  const s = useText();
  const { locale } = useI18n();
  const money = useMoney();
  const certificate = createAsync(() => getMyCertificate(props.householdID));
  return (
    <Show when={certificate()}>
      {(c) => (
        <section class="card" aria-labelledby="overview-certificate">
          <h3 id="overview-certificate">{s().certificate}</h3>
          <dl class="facts">
            <div>
              <dt>{s().deposit}</dt>
              <dd>
                {s().depositState(money(c().paidCents), money(c().depositCents))} ({s().depositStatus[c().status] ?? c().status})
              </dd>
            </div>
            <div>
              <dt>{s().memberSince}</dt>
              <dd>{day(c().memberSince, locale())}</dd>
            </div>
            <Show when={c().endDate}>
              {(end) => (
                <div>
                  <dt>{s().endDate}</dt>
                  <dd>{day(end(), locale())}</dd>
                </div>
              )}
            </Show>
          </dl>
        </section>
      )}
    </Show>
  );
}

function ContributionCard(props: { household: HouseholdWithPeople }) {
  const s = useText();
  const { mouths } = useI18n();
  const money = useMoney();
  const year = Number(currentSeason());
  const season = createAsync(() => getSeason(year));
  const rate = () => {
    const sn = season();
    const cents = props.household.vegetarian ? sn?.vegetarianRateCents : sn?.rateCents;
    return sn && cents != null ? { cents, weeks: sn.weeks } : undefined;
  };
  return (
    <section class="card" aria-labelledby="overview-contribution">
      <h3 id="overview-contribution">{s().contribution(year)}</h3>
      <Show when={season() !== undefined}>
        <Show when={rate()} fallback={<p>{s().noPrice(year)}</p>}>
          {(r) => (
            <dl class="facts">
              <div>
                <dt>{s().perWeek}</dt>
                <dd>
                  <strong>{money(Math.round(r().cents * props.household.mouths))}</strong>
                  <span class="hint">{s().rate(money(r().cents), mouths(props.household.mouths))}</span>
                </dd>
              </div>
              <div>
                <dt>{s().perYear(r().weeks)}</dt>
                <dd>{money(Math.round(r().cents * props.household.mouths * r().weeks))}</dd>
              </div>
            </dl>
          )}
        </Show>
      </Show>
    </section>
  );
}

function HoursCard(props: { householdID: string }) {
  const s = useText();
  const { number } = useI18n();
  const season = currentSeason();
  const totals = createAsync(() => getHourTotals(season));
  const hours = () => totals()?.households.find((h) => h.householdID === props.householdID)?.hours ?? 0;
  return (
    <Show when={totals()}>
      {(t) => (
        <section class="card" aria-labelledby="overview-hours">
          <h3 id="overview-hours">{s().hours(season)}</h3>
          <p>{s().hoursDone(number(hours()), number(t().targetHours))}</p>
          <progress max={t().targetHours} value={Math.min(hours(), t().targetHours)} aria-labelledby="overview-hours" />
        </section>
      )}
    </Show>
  );
}
