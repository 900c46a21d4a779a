import { createUniqueId, ErrorBoundary, For, Show, Suspense, type JSX } from "solid-js";
import { createAsync, query } from "@solidjs/router";
import type { Privacy } from "@akker/core/privacy/privacy";
import { LoadError, Loading } from "../components/feedback";
import { MailPreferencesCard } from "../components/mail-preferences";
import { Page } from "../components/page";
import { useI18n, useSection } from "../i18n";
import { privacyEn, privacyNl } from "../i18n/privacy";
import { useMoneyFormat } from "../i18n/contribution";
import { loggedIn, request } from "../lib/api";
import { weekLabel } from "../lib/week";

export type PersonalData = Privacy.Export;

/** The same answer the download gives: what the screen shows is what the file holds. */
export const exportPath = "/api/me/export";
const getMyData = query(() => loggedIn(() => request<PersonalData>("GET", exportPath.slice("/api".length))), "my-data");

const privacy = { nl: privacyNl, en: privacyEn };
const usePrivacyText = () => useSection(privacy);

/** "My data": everything kept about the household and its people, grouped and readable, with the JSON download. */
export default function MyData() {
  const p = usePrivacyText();
  const data = createAsync(() => getMyData());
  return (
    <Page title={p().title}>
      <p>{p().intro}</p>
      <p>
        <a class="button" href={exportPath} download="">
          {p().download}
        </a>
      </p>
      <p class="hint">{p().secret}</p>
      <MailPreferencesCard />
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Suspense fallback={<Loading />}>
          <Show when={data()}>{(d) => <Overview data={d()} />}</Show>
        </Suspense>
      </ErrorBoundary>
      <Card title={p().keptTitle}>
        <p>{p().kept}</p>
      </Card>
    </Page>
  );
}

function Card(props: { title: string; children: JSX.Element }) {
  const id = createUniqueId();
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** A list, or "nothing kept". */
function Lines<T>(props: { title?: string; items: readonly T[]; children: (item: T) => JSX.Element }) {
  const p = usePrivacyText();
  return (
    <>
      <Show when={props.title}>
        <h3>{props.title}</h3>
      </Show>
      <Show when={props.items.length} fallback={<p>{p().none}</p>}>
        <ul>
          <For each={props.items}>{(item) => <li>{props.children(item)}</li>}</For>
        </ul>
      </Show>
    </>
  );
}

function Overview(props: { data: PersonalData }) {
  const { t, locale } = useI18n();
  const p = usePrivacyText();
  const f = useMoneyFormat();
  const d = () => props.data;
  const yesNo = (v: boolean) => (v ? p().yes : p().no);
  return (
    <>
      <Show when={d().household}>
        {(h) => (
          <Card title={p().household}>
            <dl class="facts">
              <div>
                <dt>{p().name}</dt>
                <dd>{h().name}</dd>
              </div>
              <div>
                <dt>{p().adults}</dt>
                <dd>{h().adults}</dd>
              </div>
              <div>
                <dt>{p().children}</dt>
                <dd>{h().children}</dd>
              </div>
              <div>
                <dt>{p().vegetarian}</dt>
                <dd>{yesNo(h().vegetarian)}</dd>
              </div>
              <div>
                <dt>{p().certificate}</dt>
                <dd>{t().certificate[h().certificate]}</dd>
              </div>
              <div>
                <dt>{p().status}</dt>
                <dd>{t().status[h().status]}</dd>
              </div>
              <div>
                <dt>{p().since}</dt>
                <dd>{f.dayOf(h().createdAt)}</dd>
              </div>
            </dl>
          </Card>
        )}
      </Show>
      <Card title={p().people}>
        <For each={d().people}>
          {(person) => (
            <dl class="facts">
              <div>
                <dt>{p().name}</dt>
                <dd>{person.name}</dd>
              </div>
              <div>
                <dt>{p().email}</dt>
                <dd>{person.email}</dd>
              </div>
              <div>
                <dt>{p().language}</dt>
                <dd>{person.locale === "nl" ? "Nederlands" : "English"}</dd>
              </div>
              <Show when={person.roles.length}>
                <div>
                  <dt>{p().roles}</dt>
                  <dd>{person.roles.map((r) => t().roles[r]).join(", ")}</dd>
                </div>
              </Show>
            </dl>
          )}
        </For>
      </Card>
      <Card title={p().logins}>
        <Lines items={d().sessions}>{(s) => p().session(f.instant(s.createdAt), f.instant(s.lastSeenAt))}</Lines>
        <For each={d().loginCodes}>{(c) => <p>{p().loginCode(f.instant(c.expiresAt))}</p>}</For>
        <For each={d().calendarLinks}>{() => <p>{p().calendarLink}</p>}</For>
      </Card>
      <Card title={p().contribution}>
        <h3>{p().mandate}</h3>
        <Show when={d().contribution.mandate} fallback={<p>{p().none}</p>}>
          {(m) => (
            <dl class="facts">
              <div>
                <dt>{p().iban}</dt>
                <dd>{m().iban}</dd>
              </div>
              <div>
                <dt>{p().accountHolder}</dt>
                <dd>{m().accountHolder}</dd>
              </div>
              <div>
                <dt>{p().signedOn}</dt>
                <dd>{f.day(m().signedOn)}</dd>
              </div>
              <div>
                <dt>{p().status}</dt>
                <dd>{p().states.mandate[m().status]}</dd>
              </div>
            </dl>
          )}
        </Show>
        <Lines title={p().payments} items={d().contribution.payments}>
          {(e) => p().paymentLine(f.day(e.date), f.money(e.amountCents), e.reference)}
        </Lines>
        <Lines title={p().solidarity} items={d().contribution.solidarity}>
          {(c) => p().solidarityLine(c.year, p().states.solidarity[c.choice], c.percent)}
        </Lines>
        <Lines title={p().periods} items={d().contribution.compositionPeriods}>
          {(x) => p().periodLine(f.day(x.from), x.adults, x.children)}
        </Lines>
      </Card>
      <Card title={p().membership}>
        <Show when={d().membership.certificate}>
          {(c) => (
            <dl class="facts">
              <div>
                <dt>{p().deposit}</dt>
                <dd>{f.money(c().depositCents)}</dd>
              </div>
              <div>
                <dt>{p().paid}</dt>
                <dd>{f.money(c().paidCents)}</dd>
              </div>
              <Show when={c().refundedAt}>
                <div>
                  <dt>{p().refunded}</dt>
                  <dd>
                    {f.money(c().refundedCents ?? 0)}, {f.day(c().refundedAt!)}
                  </dd>
                </div>
              </Show>
            </dl>
          )}
        </Show>
        <Lines title={p().depositPayments} items={d().membership.depositPayments}>
          {(x) => p().paymentLine(f.day(x.date), f.money(x.amountCents), x.reference)}
        </Lines>
        <Lines title={p().applications} items={d().membership.applications}>
          {(a) => `${f.dayOf(a.createdAt)}: ${a.name} (${p().states.application[a.status]})`}
        </Lines>
      </Card>
      <Card title={p().harvest}>
        <p>{p().shares(d().harvest.shares.length)}</p>
        <Lines title={p().optOuts} items={d().harvest.optOuts}>
          {(o) => weekLabel(o.week, locale(), { year: true })}
        </Lines>
      </Card>
      <Card title={p().workdays}>
        <Lines title={p().signups} items={d().workdays.signups}>
          {(s) => `${f.dayOf(s.start)}: ${s.title ?? s.workdayID} (${p().states.signup[s.status]})`}
        </Lines>
        <Lines title={p().hours} items={d().workdays.hours}>
          {(h) => p().hoursLine(f.day(h.date), h.hours, p().states.hours[h.status])}
        </Lines>
      </Card>
      <Card title={p().elections}>
        <Lines items={d().elections.roll}>{(r) => p().voted(r.title ?? r.electionID, r.voted, r.via === "proxy")}</Lines>
        <Lines title={p().proxies} items={d().elections.proxies}>
          {(x) => `${x.title ?? x.electionID}: ${p().states.proxy[x.status]}`}
        </Lines>
      </Card>
      <Card title={p().audit}>
        <Lines items={d().auditEvents}>{(e) => `${f.instant(e.createdAt)}: ${p().actions[e.action] ?? e.action}`}</Lines>
      </Card>
      <Card title={p().mails}>
        <Lines items={d().mails}>{(m) => `${f.instant(m.sentAt)}: ${m.subject}`}</Lines>
      </Card>
    </>
  );
}
