import { createUniqueId, For, Show, splitProps, type JSX } from "solid-js";

/*
 * Form fields with their label, an optional hint and the error for the
 * field. The hint and the error are tied to the control with
 * aria-describedby, so a screen reader reads them with the field.
 */

export interface Described {
  label: string;
  hint?: string;
  error?: string;
}

export function describedBy(id: string, props: Described) {
  const ids = [props.hint && `${id}-hint`, props.error && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function Messages(props: { id: string; hint?: string; error?: string }) {
  return (
    <>
      <Show when={props.hint}>
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      </Show>
    </>
  );
}

type InputProps = Described & Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "id">;

export function TextField(props: InputProps) {
  const [own, input] = splitProps(props, ["label", "hint", "error"]);
  const id = createUniqueId();
  return (
    <div class="field" classList={{ invalid: !!own.error }}>
      <label for={id}>{own.label}</label>
      <Messages id={id} hint={own.hint} error={own.error} />
      <input
        type="text"
        {...input}
        id={id}
        aria-invalid={own.error ? "true" : undefined}
        aria-describedby={describedBy(id, own)}
      />
    </div>
  );
}

/** An e-mail address: the phone's keyboard for it, no capital or spelling fix. */
export function EmailField(props: InputProps) {
  return <TextField type="email" inputmode="email" autocapitalize="none" spellcheck={false} {...props} />;
}

/** An amount in euros, typed with a decimal comma or point: the phone's number keyboard, no suggestions. */
export function EurosField(props: InputProps) {
  return <TextField inputmode="decimal" autocomplete="off" {...props} />;
}

type SelectProps = Described & {
  name: string;
  value?: string;
  options: { value: string; label: string }[];
  onChange?: (value: string) => void;
};

export function SelectField(props: SelectProps) {
  const id = createUniqueId();
  return (
    <div class="field" classList={{ invalid: !!props.error }}>
      <label for={id}>{props.label}</label>
      <Messages id={id} hint={props.hint} error={props.error} />
      <select
        id={id}
        name={props.name}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(id, props)}
        onChange={(e) => props.onChange?.(e.currentTarget.value)}
      >
        <For each={props.options}>
          {(o) => (
            <option value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}

export function CheckboxField(
  props: Described & {
    name: string;
    checked?: boolean;
    disabled?: boolean;
    onChange?: (checked: boolean, input: HTMLInputElement) => void;
  },
) {
  const id = createUniqueId();
  return (
    <div class="field check" classList={{ invalid: !!props.error }}>
      <input
        type="checkbox"
        id={id}
        name={props.name}
        checked={props.checked ?? false}
        disabled={props.disabled}
        onChange={(e) => props.onChange?.(e.currentTarget.checked, e.currentTarget)}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(id, props)}
      />
      <label for={id}>{props.label}</label>
      <Messages id={id} hint={props.hint} error={props.error} />
    </div>
  );
}

/** A choice of one: radio buttons in a fieldset, its legend the label. */
export function RadioGroup(
  props: Described & {
    name: string;
    value?: string;
    options: { value: string; label: string; hint?: string }[];
  },
) {
  const id = createUniqueId();
  return (
    <fieldset class="field radios" classList={{ invalid: !!props.error }}>
      <legend>{props.label}</legend>
      <Messages id={id} hint={props.hint} error={props.error} />
      <For each={props.options}>
        {(o, i) => (
          <div class="radio">
            <input
              type="radio"
              id={`${id}-${i()}`}
              name={props.name}
              value={o.value}
              checked={o.value === props.value}
              aria-invalid={props.error ? "true" : undefined}
              aria-describedby={describedBy(id, props)}
            />
            <label for={`${id}-${i()}`}>
              {o.label}
              <Show when={o.hint}>
                <span class="option-hint">{o.hint}</span>
              </Show>
            </label>
          </div>
        )}
      </For>
    </fieldset>
  );
}
