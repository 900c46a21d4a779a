import { createSignal, For, Show } from "solid-js";
import { action, createAsync, json, query, revalidate } from "@solidjs/router";
import { FormError, Loads, Status } from "../components/feedback";
import { FigureList, TableScroll } from "../components/data-table";
import { RestrictedScreen } from "../components/membership-screen";
import { useI18n } from "../i18n";
import { useMoneyFormat } from "../i18n/contribution";
import { useMembershipText } from "../i18n/membership";
import { useActionForm } from "../lib/form";
import { peek } from "../lib/api";
import {
  type ApplicationInfo,
  canKeepWaitlist,
  type Capacity,
  getWaitlist,
  membershipApi,
  type Waitlist,
} from "../lib/membership";

/** Offers in list order: the list is read again, since the offers change places and free mouths. */
const offerInOrder = action(async () => {
  const res = await membershipApi.applications.offerInOrder();
  return json(res, { revalidate: [getWaitlist.keyFor()] });
}, "offer-in-order");

/** One offer: the row changes in place, the free mouths are read again. */
const offerOne = action(async (applicationID: string) => {
  const application = await membershipApi.applications.offer(applicationID);
  const key = getWaitlist.keyFor();
  const list = peek<Waitlist>(key);
  if (list) query.set<Waitlist>(key, { ...list, applications: list.applications.map((a) => (a.id === application.id ? application : a)) });
  await revalidate(key);
  return json(application, { revalidate: [] });
}, "offer-one");

/** For the board: the waiting list in order, the room on the farm, and offering places. */
export default function WaitlistPage() {
  const s = useMembershipText();
  const list = createAsync(() => getWaitlist());
  return (
    <RestrictedScreen title={s().waitlist.title} allow={canKeepWaitlist}>
      <Loads>
        <Show when={list()}>
          {(l) => (
            <>
              <Room capacity={l().capacity} />
              <OfferAll />
              <List applications={l().applications} />
            </>
          )}
        </Show>
      </Loads>
    </RestrictedScreen>
  );
}

function Room(props: { capacity: Capacity }) {
  const s = useMembershipText();
  const { number } = useI18n();
  const c = () => props.capacity;
  return (
    <section aria-labelledby="room">
      <h2 id="room">{s().waitlist.capacity}</h2>
      <FigureList
        items={[
          { label: s().waitlist.capacityMouths, value: number(c().capacityMouths) },
          { label: s().waitlist.memberMouths, value: number(c().memberMouths) },
          { label: s().waitlist.offeredMouths, value: number(c().offeredMouths) },
          { label: s().waitlist.freeMouths, value: number(c().freeMouths) },
          { label: s().waitlist.leavingMouths, value: number(c().leavingMouths) },
        ]}
      />
      <p class="hint">{s().waitlist.leavingHint}</p>
    </section>
  );
}

function OfferAll() {
  const s = useMembershipText();
  const offering = useActionForm(offerInOrder);
  const [news, setNews] = createSignal<string>();
  async function offer() {
    setNews(undefined);
    const res = await offering.submit();
    if (res) setNews(res.offers.length ? s().waitlist.offered(res.offers.length) : s().waitlist.noneFit);
  }
  return (
    <div class="card">
      <p>{s().waitlist.offerHint}</p>
      <button type="button" class="primary" disabled={offering.pending()} onClick={() => void offer()}>
        {offering.pending() ? s().waitlist.offering : s().waitlist.offer}
      </button>
      <Status message={news()} />
      <FormError error={offering.error()} />
    </div>
  );
}

function List(props: { applications: ApplicationInfo[] }) {
  const s = useMembershipText();
  const { number } = useI18n();
  const format = useMoneyFormat();
  const offering = useActionForm(offerOne);
  const [news, setNews] = createSignal<string>();
  async function offer(a: ApplicationInfo) {
    setNews(undefined);
    if (await offering.submit(a.id)) setNews(s().waitlist.offeredOne(a.name));
  }
  return (
    <section aria-labelledby="waiting">
      <h2 id="waiting">{s().waitlist.list}</h2>
      <Status message={news()} />
      <FormError error={offering.error()} />
      <Show when={props.applications.length} fallback={<p>{s().waitlist.empty}</p>}>
        <TableScroll labelledby="waiting">
          <table class="data-table" aria-labelledby="waiting">
            <thead>
              <tr>
                <th scope="col" class="num">
                  {s().waitlist.place}
                </th>
                <th scope="col">{s().waitlist.name}</th>
                <th scope="col" class="num">
                  {s().waitlist.mouths}
                </th>
                <th scope="col">{s().waitlist.certificate}</th>
                <th scope="col">{s().waitlist.state}</th>
                <th scope="col">{s().waitlist.applied}</th>
                <th scope="col">{s().waitlist.action}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.applications}>
                {(a) => (
                  <tr>
                    <td class="num">{a.position ?? ""}</td>
                    <th scope="row">
                      {a.name}
                      <Show when={a.vegetarian}>
                        <span class="meta"> · {s().waitlist.vegetarian}</span>
                      </Show>
                    </th>
                    <td class="num">{number(a.mouths)}</td>
                    <td>{s().certificate[a.certificate]}</td>
                    <td>
                      {a.status === "offered" && a.offerExpiresAt
                        ? s().waitlist.offeredUntil(format.instant(a.offerExpiresAt))
                        : s().waitlist.waiting}
                    </td>
                    <td>{format.dayOf(a.appliedAt)}</td>
                    <td>
                      <Show when={a.status === "waiting"}>
                        <button
                          type="button"
                          class="secondary"
                          aria-label={s().waitlist.offerOneLabel(a.name)}
                          disabled={offering.pending()}
                          onClick={() => void offer(a)}
                        >
                          {s().waitlist.offerOne}
                        </button>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableScroll>
      </Show>
    </section>
  );
}
