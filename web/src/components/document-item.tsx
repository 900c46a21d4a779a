import { createSignal, For, Show } from "solid-js";
import { query, revalidate } from "@solidjs/router";
import { useI18n } from "../i18n";
import { useDocumentText } from "../i18n/document";
import { ApiError, peek } from "../lib/api";
import {
  documentApi,
  fileHref,
  getDocuments,
  maxDocumentBytes,
  type DocumentAudience,
  type DocumentInfo,
  type DocumentVersion,
} from "../lib/document";
import { AskFirst } from "./ask-first";
import { FormError, Status } from "./feedback";
import { SelectField, TextField } from "./field";

/** Puts the API's answer into the library on screen, without fetching it again. */
export function storeDocuments(change: (list: DocumentInfo[]) => DocumentInfo[]) {
  const key = getDocuments.keyFor();
  query.set(key, change(peek<DocumentInfo[]>(key) ?? []));
  void revalidate(key, false);
}

const replace = (doc: DocumentInfo) => storeDocuments((list) => list.map((x) => (x.id === doc.id ? doc : x)));

/** "240 kB", "1,2 MB", and the day it was uploaded, in the reader's language. */
function useVersionText() {
  const { locale } = useI18n();
  const d = useDocumentText();
  const lang = () => (locale() === "en" ? "en-GB" : "nl-NL");
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? d().size.kB(new Intl.NumberFormat(lang(), { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024)))
      : d().size.MB(new Intl.NumberFormat(lang(), { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024));
  const day = (iso: string) =>
    new Intl.DateTimeFormat(lang(), { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Amsterdam" }).format(new Date(iso));
  return (v: DocumentVersion) => d().meta([size(v.bytes), day(v.uploadedAt), d().version(v.version)]);
}

function VersionLink(props: { doc: DocumentInfo; version: DocumentVersion }) {
  const meta = useVersionText();
  return (
    <>
      <a href={fileHref(props.doc.id, props.version.version)} download={props.version.name}>
        {props.version.name}
      </a>{" "}
      <span class="muted">({meta(props.version)})</span>
    </>
  );
}

/** A document's newest file to download, or that it has none yet. */
export function NewestFile(props: { doc: DocumentInfo }) {
  const d = useDocumentText();
  return (
    <Show when={props.doc.versions[0]} fallback={<p class="muted">{d().noFile}</p>}>
      {(newest) => (
        <p class="document-file">
          <VersionLink doc={props.doc} version={newest()} />
        </p>
      )}
    </Show>
  );
}

/** One document: its newest file to download, earlier ones folded away, and for the board what it may change. */
export function DocumentItem(props: { doc: DocumentInfo; onRemoved: (news: string) => void }) {
  const d = useDocumentText();
  const doc = () => props.doc;
  const earlier = () => doc().versions.slice(1);
  return (
    <li class="card">
      <h3>{doc().title}</h3>
      <Show when={doc().audience === "board"}>
        <p>
          <span class="badge">{d().boardOnly}</span>
        </p>
      </Show>
      <NewestFile doc={doc()} />
      <Show when={earlier().length}>
        <details class="disclosure">
          <summary>{d().earlier(earlier().length)}</summary>
          <ul class="document-versions">
            <For each={earlier()}>
              {(v) => (
                <li>
                  <VersionLink doc={doc()} version={v} />
                </li>
              )}
            </For>
          </ul>
        </details>
      </Show>
      <Show when={doc().canEdit}>
        <Manage doc={doc()} onRemoved={props.onRemoved} />
      </Show>
    </li>
  );
}

/** The board's part: a new version, the readers, removing it; open at once while it has no file yet. */
function Manage(props: { doc: DocumentInfo; onRemoved: (news: string) => void }) {
  const d = useDocumentText();
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal<string>();
  const [pending, setPending] = createSignal<"upload" | "readers" | "remove">();
  const [file, setFile] = createSignal<File>();
  const [audience, setAudience] = createSignal<DocumentAudience>(props.doc.audience);
  // open while there is no file yet, and it stays as it is when one is uploaded: its news is read there
  const startOpen = props.doc.versions.length === 0;
  const clear = () => {
    setError(undefined);
    setSaved(undefined);
  };

  async function run(what: "upload" | "readers" | "remove", call: () => Promise<string>) {
    clear();
    setPending(what);
    try {
      setSaved(await call());
      return true;
    } catch (e) {
      setError(e);
      // changed or gone meanwhile: show the library as it is now
      if (e instanceof ApiError && (e.status === 409 || e.status === 404)) void revalidate(getDocuments.keyFor());
      return false;
    } finally {
      setPending(undefined);
    }
  }

  function upload(ev: SubmitEvent & { currentTarget: HTMLFormElement }) {
    ev.preventDefault();
    const form = ev.currentTarget;
    const chosen = file();
    clear();
    if (!chosen) return setError(new ApiError(400, "document.choose", ""));
    // the API refuses it too; this saves sending 5 MB and more for nothing
    if (chosen.size > maxDocumentBytes) return setError(new ApiError(413, "input.too_large", ""));
    void run("upload", async () => {
      replace(await documentApi.upload(props.doc.id, chosen));
      form.reset();
      setFile(undefined);
      return d().upload.done(chosen.name);
    });
  }

  function saveReaders(ev: SubmitEvent) {
    ev.preventDefault();
    void run("readers", async () => {
      replace(await documentApi.update(props.doc.id, { audience: audience() }));
      return d().readers.done;
    });
  }

  return (
    <details class="disclosure" open={startOpen}>
      <summary>{d().manage(props.doc.title)}</summary>
      <form onSubmit={upload} novalidate>
        <TextField
          type="file"
          label={props.doc.versions.length ? d().upload.label : d().upload.labelFirst}
          accept="application/pdf,image/*"
          onChange={(e) => setFile(e.currentTarget.files?.[0])}
        />
        <button type="submit" class="primary" disabled={!!pending()}>
          {pending() === "upload" ? d().upload.pending : d().upload.submit}
        </button>
      </form>
      <form onSubmit={saveReaders} novalidate>
        <SelectField
          label={d().readers.label}
          name="audience"
          value={audience()}
          options={(["members", "board"] as const).map((a) => ({ value: a, label: d().audience[a] }))}
          onChange={(v) => setAudience(v as DocumentAudience)}
        />
        <button type="submit" class="secondary" disabled={!!pending()}>
          {pending() === "readers" ? d().readers.pending : d().readers.save}
        </button>
      </form>
      <AskFirst
        inActions
        label={d().remove.button}
        ariaLabel={d().remove.ariaLabel(props.doc.title)}
        question={d().remove.question(props.doc.title)}
        yes={d().remove.yes}
        no={d().remove.no}
        pendingLabel={d().remove.pending}
        pending={pending() === "remove"}
        onAsk={clear}
        focusAfter={() => document.querySelector<HTMLElement>("main h1")}
        onYes={() =>
          run("remove", async () => {
            await documentApi.remove(props.doc.id);
            // the item goes, so the news is told by the screen
            props.onRemoved(d().remove.done(props.doc.title));
            storeDocuments((list) => list.filter((x) => x.id !== props.doc.id));
            return "";
          })
        }
      />
      <FormError error={error()} />
      <Status message={saved()} />
    </details>
  );
}
