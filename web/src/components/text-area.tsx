import { createUniqueId, splitProps, type JSX } from "solid-js";
import { describedBy, Messages, type Described } from "./field";

/** A longer text with its label, hint and error, like the other fields. Kept apart: only later screens use it. */
export function TextAreaField(props: Described & Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, "id">) {
  const [own, area] = splitProps(props, ["label", "hint", "error"]);
  const id = createUniqueId();
  return (
    <div class="field" classList={{ invalid: !!own.error }}>
      <label for={id}>{own.label}</label>
      <Messages id={id} hint={own.hint} error={own.error} />
      <textarea
        rows="4"
        {...area}
        id={id}
        aria-invalid={own.error ? "true" : undefined}
        aria-describedby={describedBy(id, own)}
      />
    </div>
  );
}
