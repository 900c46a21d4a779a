import { For, Show } from "solid-js";
import { linkParts, type NewsPhoto } from "../lib/news";

/**
 * A post's plain text: a paragraph per blank-line block, its lines kept,
 * web addresses as links. Built from text nodes and elements, never markup
 * from the text, so whatever is typed stays text.
 */
export function NewsText(props: { text: string; paragraphs?: number }) {
  const paragraphs = () => {
    const all = props.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    return props.paragraphs ? all.slice(0, props.paragraphs) : all;
  };
  return (
    <For each={paragraphs()}>
      {(paragraph) => (
        <p class="news-text">
          <For each={paragraph.split("\n")}>
            {(line, i) => (
              <>
                <Show when={i() > 0}>
                  <br />
                </Show>
                <For each={linkParts(line)}>
                  {(part) => ("href" in part ? <a href={part.href} rel="noopener noreferrer nofollow" target="_blank">{part.href}</a> : part.text)}
                </For>
              </>
            )}
          </For>
        </p>
      )}
    </For>
  );
}

/** A stored photo: its size set, so the page does not jump when it arrives, and loaded only when near. */
export function NewsImage(props: { photo: Pick<NewsPhoto, "url" | "width" | "height">; alt: string }) {
  return <img class="news-photo" src={props.photo.url} width={props.photo.width} height={props.photo.height} alt={props.alt} loading="lazy" decoding="async" />;
}

/** "6 december" (or "6 December"), on the farm's clock. */
export function newsDate(iso: string, locale: string) {
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { timeZone: "Europe/Amsterdam", day: "numeric", month: "long" }).format(new Date(iso));
}
