import { createSignal, Show } from "solid-js";
import { action, createAsync, json, query, revalidate } from "@solidjs/router";
import { FormError, Loads, Status } from "../components/feedback";
import { DataTable, FigureList, HouseholdName } from "../components/data-table";
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
        <DataTable
          labelledby="waiting"
          rows={props.applications}
          columns={[
            { label: s().waitlist.place, num: true, cell: (a) => a.position ?? "" },
            {
              label: s().waitlist.name,
              head: true,
              cell: (a) => <HouseholdName name={a.name} vegetarian={a.vegetarian} vegetarianLabel={s().waitlist.vegetarian} />,
            },
            { label: s().waitlist.mouths, num: true, cell: (a) => number(a.mouths) },
            { label: s().waitlist.certificate, cell: (a) => s().certificate[a.certificate] },
            {
              label: s().waitlist.state,
              cell: (a) =>
                a.status === "offered" && a.offerExpiresAt
                  ? s().waitlist.offeredUntil(format.instant(a.offerExpiresAt))
                  : s().waitlist.waiting,
            },
            { label: s().waitlist.applied, cell: (a) => format.dayOf(a.appliedAt) },
            {
              label: s().waitlist.action,
              cell: (a) => (
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
              ),
            },
          ]}
        />
      </Show>
    </section>
  );
}
