import { createSignal, Show, type JSX } from "solid-js";
import { action } from "@solidjs/router";
import { useI18n } from "../i18n";
import { esc, settle } from "../lib/api";
import { useActionForm } from "../lib/form";
import { getHarvest, harvestApi, type HarvestOverview } from "../lib/harvest";
import { useHarvestFormat } from "../lib/harvest-view";
import { FormError, Status } from "./feedback";
import { AskFirst } from "./ask-first";
import { FarmerNote } from "./harvest-share";
import { MailingProgress } from "./mailing-progress";
import { CropSummary, HouseholdsFolded, SplitActions } from "./harvest-preview";
import { SplitTotals } from "./harvest-split";

/* The farmer's harvest week below the entry: the split as saved, and publishing it. */

const publishHarvest = action(
  async (week: string) => settle(getHarvest.keyFor(week), await harvestApi.publish(week)),
  "publish-harvest",
);

/** The split: its state, the totals, per household, and what is left over. */
export function Split(props: {
  overview: HarvestOverview;
  /** The farmer's view: the notices say what to do. */
  editable?: boolean;
  headingRef?: (el: HTMLHeadingElement) => void;
  children?: JSX.Element;
}) {
  const { t } = useI18n();
  const format = useHarvestFormat();
  const o = () => props.overview;
  const final = () => o().status === "published" && !o().dirty;
  return (
    <section class="card split" aria-labelledby="split-heading">
      <h2 id="split-heading" ref={props.headingRef} tabindex="-1">
        {final() ? t().overview.split : t().overview.preview}
      </h2>
      <div class="notice-slot">
        <Show
          when={o().status === "published"}
          fallback={<p class="notice info">{t().publish.draft}</p>}
        >
          <Show when={o().publishedAt}>
            {(at) => <p class="notice success">{t().publish.published(format.at(at()))}</p>}
          </Show>
          <Show when={o().dirty}>
            <p class="notice warning">{props.editable ? t().publish.dirty : t().publish.dirtyView}</p>
          </Show>
        </Show>
      </div>
      <SplitTotals overview={o()} />
      <p class="muted">{t().overview.deadline(format.at(o().optOutDeadline))}</p>
      <Show when={o().note}>{(note) => <FarmerNote note={note()} />}</Show>
      <CropSummary overview={o()} />
      <HouseholdsFolded overview={o()} />
      <SplitActions week={o().week} published={o().status === "published"}>
        {props.children}
      </SplitActions>
    </section>
  );
}

/** Publishing mails every household taking part, so it asks first, saying how many. */
export function Publish(props: { week: string; overview: HarvestOverview; unsaved: boolean }) {
  const { t } = useI18n();
  const publishing = useActionForm(publishHarvest);
  const [done, setDone] = createSignal<string>();
  // each publish mails after its answer: its progress shows below, anew for each
  const [published, setPublished] = createSignal(0);
  const again = () => props.overview.status === "published";
  const needed = () => props.overview.status === "draft" || props.overview.dirty;
  const households = () => t().count.households(props.overview.participants);

  async function publish() {
    const result = await publishing.submit(props.week);
    if (result) {
      setDone(t().publish.done);
      setPublished((n) => n + 1);
    }
    return result;
  }

  return (
    <div class="publish">
      <Status message={needed() ? undefined : done()} />
      <Show when={published()} keyed>
        {(_n: number) => <MailingProgress path={`/harvests/${esc(props.week)}/mailing`} of="households" />}
      </Show>
      <Show when={needed()}>
        <Show when={!props.unsaved} fallback={<p class="notice info">{t().entry.unsaved}</p>}>
          <AskFirst
            class="primary"
            label={again() ? t().publish.again : t().publish.button}
            question={again() ? t().publish.confirmAgain(households()) : t().publish.confirm(households())}
            yes={t().publish.yes}
            no={t().publish.cancel}
            pendingLabel={t().publish.publishing}
            pending={publishing.pending()}
            onAsk={() => {
              publishing.clear();
              setDone(undefined);
            }}
            onYes={publish}
            // The button is gone once published; carry on reading at the split, which says so.
            focusAfter={() => document.getElementById("split-heading")}
          />
        </Show>
      </Show>
      <FormError error={publishing.error()} />
    </div>
  );
}
