import { EurosField, SelectField, TextField } from "./field";
import { HouseholdPicker } from "./household-picker";

/** Today on the farm's clock, YYYY-MM-DD, for date fields. */
export function farmToday() {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(Date.now());
}

export interface BankPaymentLabels {
  household: string;
  amount: string;
  amountHint: string;
  date: string;
  reference: string;
  referenceHint?: string;
}

/**
 * The fields of a payment that came in by bank: household, amount in euros,
 * date and the bank's reference. Shared by contribution and deposit entry.
 */
export function BankPaymentFields(props: {
  labels: BankPaymentLabels;
  households: { value: string; label: string }[];
  fieldError: (name: string) => string | undefined;
  /** The searchable picker in place of a list of every household. */
  picker?: boolean;
}) {
  const today = farmToday();
  return (
    <>
      {props.picker ? (
        <HouseholdPicker
          label={props.labels.household}
          households={props.households.map((h) => ({ id: h.value, name: h.label }))}
          error={props.fieldError("householdID")}
        />
      ) : (
        <SelectField label={props.labels.household} name="householdID" options={props.households} error={props.fieldError("householdID")} />
      )}
      <EurosField
        label={props.labels.amount}
        hint={props.labels.amountHint}
        name="amount"
        error={props.fieldError("amountCents")}
      />
      <TextField label={props.labels.date} name="date" type="date" max={today} value={today} error={props.fieldError("date")} />
      <TextField
        label={props.labels.reference}
        hint={props.labels.referenceHint}
        name="reference"
        autocomplete="off"
        maxlength={140}
        error={props.fieldError("reference")}
      />
    </>
  );
}

/** After a booking: empty amount and reference for the next one, keep household and date. */
export function clearAmountAndReference(form: HTMLFormElement | undefined) {
  for (const field of ["amount", "reference"]) {
    const input = form?.elements.namedItem(field);
    if (input instanceof HTMLInputElement) input.value = "";
  }
}

/** The account of a direct-debit mandate: IBAN, holder and the day it was signed (today at most). */
export function MandateFields(props: {
  labels: { iban: string; ibanHint: string; holder: string; signedOn: string };
  fieldError: (name: string) => string | undefined;
  holderAutocomplete: string;
}) {
  const today = farmToday();
  return (
    <>
      <TextField
        label={props.labels.iban}
        hint={props.labels.ibanHint}
        name="iban"
        autocomplete="off"
        autocapitalize="characters"
        spellcheck={false}
        error={props.fieldError("iban")}
      />
      <TextField
        label={props.labels.holder}
        name="accountHolder"
        autocomplete={props.holderAutocomplete}
        maxlength={70}
        error={props.fieldError("accountHolder")}
      />
      <TextField
        label={props.labels.signedOn}
        name="signedOn"
        type="date"
        max={today}
        value={today}
        error={props.fieldError("signedOn")}
      />
    </>
  );
}
