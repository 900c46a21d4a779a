import { createUniqueId, Show } from "solid-js";
import { useContributionText, useMoneyFormat } from "../i18n/contribution";
import { ApiError } from "../lib/api";

/** What a 409 payment.maybe_imported names: the payment a bank file already booked alike. */
function importedOf(error: unknown) {
  if (!(error instanceof ApiError) || error.code !== "payment.maybe_imported") return undefined;
  const { importedDate, importedAmountCents, importedReference } = error.details;
  if (typeof importedDate !== "string" || typeof importedAmountCents !== "number") return undefined;
  return { date: importedDate, amountCents: importedAmountCents, reference: typeof importedReference === "string" ? importedReference : "" };
}

/**
 * A payment typed in by hand that a bank file may have booked already: which
 * payment that is, and a button to save it anyway when it is another one.
 */
export function MaybeImported(props: { error: unknown; pending: boolean; onSaveAnyway: () => void }) {
  const s = useContributionText();
  const format = useMoneyFormat();
  const id = createUniqueId();
  return (
    <Show when={importedOf(props.error)}>
      {(i) => (
        <div class="notice info">
          <p id={id}>{s().overview.paymentMaybeImported(format.money(i().amountCents), format.day(i().date), i().reference)}</p>
          <button type="button" class="secondary" aria-describedby={id} disabled={props.pending} onClick={() => props.onSaveAnyway()}>
            {s().overview.paymentSaveAnyway}
          </button>
        </div>
      )}
    </Show>
  );
}
