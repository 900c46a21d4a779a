import { createMemo, createSignal, createUniqueId, For, Show } from "solid-js";
import { useSection } from "../i18n";
import { pickerEn, pickerNl } from "../i18n/arrears";
import { describedBy, Messages } from "./field";
import "./arrears.css";

/** A household as the picker offers it. */
export interface PickerHousehold {
  id: string;
  name: string;
  /** Shown after the name and searched too: a number, a payment reference. */
  detail?: string;
}

/** Lower case without accents, so "belen" finds "Beléén". */
const fold = (s: string) => s.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();

/** The households whose name (any word's start), detail or ID holds the query, those whose name starts with it first. */
export function matchHouseholds(households: readonly PickerHousehold[], query: string): PickerHousehold[] {
  const q = fold(query.trim());
  if (!q) return [...households];
  const hit = (h: PickerHousehold) =>
    fold(h.name).split(/[\s-]+/).some((w) => w.startsWith(q)) || fold(h.name).includes(q) || fold(h.detail ?? "").replace(/\s/g, "").includes(q.replace(/\s/g, "")) || fold(h.id) === q;
  const starts = (h: PickerHousehold) => (fold(h.name).startsWith(q) ? 0 : 1);
  return households.filter(hit).sort((a, b) => starts(a) - starts(b) || a.name.localeCompare(b.name, "nl"));
}

/**
 * A searchable household choice for a form (the ARIA 1.2 combobox with a
 * listbox): type part of a name, a number or a reference, pick with the
 * arrows and Enter, a tap or a click. The chosen household's ID goes with
 * the form in a hidden field named `name` (default "householdID").
 */
export function HouseholdPicker(props: {
  label: string;
  households: readonly PickerHousehold[];
  name?: string;
  /** The chosen household's ID, when the caller keeps it. */
  value?: string;
  onChange?: (id: string | undefined) => void;
  hint?: string;
  error?: string;
  /** At most this many matches are listed (default 8): type more to narrow them. */
  limit?: number;
  /** The text as typed, for a caller that asks the server for `households` (they may change under a choice). */
  onQuery?: (query: string) => void;
}) {
  const s = useSection({ nl: pickerNl, en: pickerEn });
  const id = createUniqueId();
  const listID = `${id}-list`;
  const [own, setOwn] = createSignal<string>();
  const chosenID = () => (props.value !== undefined ? props.value || undefined : own());
  // kept apart from the list, which a search on the server replaces
  const [picked, setPicked] = createSignal<PickerHousehold>();
  const chosen = () => props.households.find((h) => h.id === chosenID()) ?? (picked()?.id === chosenID() ? picked() : undefined);
  const [query, setQuery] = createSignal("");
  const [open, setOpen] = createSignal(false);
  const [active, setActive] = createSignal(0);
  const all = createMemo(() => matchHouseholds(props.households, query()));
  const shown = () => all().slice(0, props.limit ?? 8);
  const optionID = (i: number) => `${id}-option-${i}`;

  function choose(h: PickerHousehold | undefined) {
    setOwn(h?.id);
    setPicked(h);
    props.onChange?.(h?.id);
    setQuery(h ? h.name : "");
    setOpen(false);
  }

  function onInput(value: string) {
    setQuery(value);
    props.onQuery?.(value);
    setActive(0);
    setOpen(true);
    // typing again undoes a choice until one is picked
    if (chosenID()) {
      setOwn(undefined);
      props.onChange?.(undefined);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    const n = shown().length;
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (!open()) setOpen(true);
      else if (n) setActive((active() + 1) % n);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      if (n) setActive((active() - 1 + n) % n);
    } else if (e.key === "Enter" && open()) {
      // Enter picks, and does not send the form half filled
      e.preventDefault();
      if (n) choose(shown()[active()]);
    } else if (e.key === "Escape") {
      if (open()) e.preventDefault();
      setOpen(false);
    }
  }

  const status = () => (!query().trim() || chosen() ? "" : all().length ? s().found(all().length, shown().length) : s().none);

  return (
    <div class="field picker" classList={{ invalid: !!props.error }}>
      <label for={id}>{props.label}</label>
      <Messages id={id} hint={props.hint ?? s().hint} error={props.error} />
      <input
        id={id}
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={open() && shown().length > 0 ? "true" : "false"}
        aria-controls={listID}
        aria-activedescendant={open() && shown().length ? optionID(active()) : undefined}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(id, { ...props, hint: props.hint ?? s().hint })}
        value={chosen()?.name ?? query()}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(!chosen())}
        // a click on an option comes after the blur: let it land first
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <input type="hidden" name={props.name ?? "householdID"} value={chosenID() ?? ""} />
      <ul id={listID} role="listbox" aria-label={props.label} class="picker-list" hidden={!open() || shown().length === 0}>
        <For each={shown()}>
          {(h, i) => (
            <li
              id={optionID(i())}
              role="option"
              aria-selected={i() === active() ? "true" : "false"}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(h)}
            >
              {h.name}
              <Show when={h.detail}>
                <span class="meta"> · {h.detail}</span>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <p class="sr-only" role="status">
        {status()}
      </p>
    </div>
  );
}
