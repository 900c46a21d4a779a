import { createSignal, For, Show } from "solid-js";
import { createAsync, revalidate, useNavigate, useParams } from "@solidjs/router";
import { FormEnd, Status } from "../components/feedback";
import { CheckboxField, RadioGroup, TextField } from "../components/field";
import { NewsText } from "../components/news-text";
import { Page } from "../components/page";
import { Restricted } from "../components/restricted";
import { TextAreaField } from "../components/text-area";
import "../components/news.css";
import { NewsMessages, useNewsText } from "../i18n/news";
import { formData, text, useFieldError } from "../lib/form";
import { canWriteNews, getNews, getNewsPost, maxPhotos, newsApi, type NewsPost } from "../lib/news";
import { canManageHouseholds, getMe } from "../lib/person";
import { makeSmall } from "../lib/photo";

/** A photo in the form: one already stored (id), or one made small here, still to send (blob; url its data: preview). */
type Picked = { key: string; url: string; width: number; height: number; id?: string; blob?: Blob };

/** Writing news (/news/new) or changing a post (/news/:id/edit): the farmer and the board. */
export default function NewsCompose() {
  const params = useParams<{ id?: string }>();
  const post = createAsync(async () => (params.id ? getNewsPost(params.id) : null));
  return (
    <Restricted allow={canWriteNews}>
      <NewsMessages>
        <Show when={post() !== undefined}>
          <ComposeForm post={post() ?? undefined} />
        </Show>
      </NewsMessages>
    </Restricted>
  );
}

function ComposeForm(props: { post?: NewsPost }) {
  const d = useNewsText();
  const fieldError = useFieldError();
  const navigate = useNavigate();
  const me = createAsync(() => getMe());
  let n = 0;
  const [photos, setPhotos] = createSignal<Picked[]>(
    (props.post?.photos ?? []).map((p) => ({ key: `k${n++}`, url: p.url, width: p.width, height: p.height, id: p.id })),
  );
  const [preparing, setPreparing] = createSignal(false);
  const [note, setNote] = createSignal<string>();
  const [error, setError] = createSignal<unknown>();
  const [pending, setPending] = createSignal(false);
  const [progress, setProgress] = createSignal<string>();
  const [draft, setDraft] = createSignal(props.post?.text ?? "");

  const pick = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    input.value = "";
    setNote(undefined);
    const room = maxPhotos - photos().length;
    if (files.length > room) setNote(d().compose.tooMany(maxPhotos));
    setPreparing(true);
    try {
      for (const file of files.slice(0, Math.max(0, room))) {
        try {
          const small = await makeSmall(file);
          setPhotos((list) => [...list, { key: `k${n++}`, url: small.preview, width: small.width, height: small.height, blob: small.blob }]);
        } catch {
          setNote(d().compose.notAPhoto(file.name));
        }
      }
    } finally {
      setPreparing(false);
    }
  };

  const removePhoto = (key: string) => setPhotos((list) => list.filter((p) => p.key !== key));

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const data = formData(e);
    setError(undefined);
    setPending(true);
    try {
      // the photos first, one at a time (a phone's upload is the narrow part), then the post that names them
      const toSend = photos().filter((p) => !p.id);
      const ids: string[] = [];
      for (const p of photos()) {
        if (p.id) {
          ids.push(p.id);
          continue;
        }
        setProgress(d().compose.uploading(toSend.indexOf(p) + 1, toSend.length));
        const stored = await newsApi.upload(p.blob!);
        setPhotos((list) => list.map((x) => (x.key === p.key ? { ...x, id: stored.id } : x)));
        ids.push(stored.id);
      }
      setProgress(undefined);
      const fields = { title: text(data, "title"), text: text(data, "text"), photoIDs: ids, audience: data.get("audience") === "board" ? ("board" as const) : ("members" as const) };
      const saved = props.post ? await newsApi.update(props.post.id, fields) : await newsApi.create({ ...fields, mail: data.get("mail") === "on" });
      await revalidate([getNews.key, getNewsPost.keyFor(saved.id)]);
      navigate(`/news/${saved.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setProgress(undefined);
      setPending(false);
    }
  };

  return (
    <Page title={props.post ? d().compose.editTitle : d().compose.title}>
      <form onSubmit={submit} novalidate>
        <TextField label={d().compose.heading} name="title" required maxLength={150} value={props.post?.title ?? ""} error={fieldError(error(), "title")} />
        <TextAreaField
          label={d().compose.text}
          name="text"
          rows="8"
          maxLength={10000}
          hint={d().compose.textHint}
          value={props.post?.text ?? ""}
          onInput={(e) => setDraft(e.currentTarget.value)}
          error={fieldError(error(), "text")}
        />
        <fieldset class="field">
          <legend>{d().compose.photos}</legend>
          <p class="hint">{d().compose.photosHint(maxPhotos)}</p>
          <Show when={photos().length < maxPhotos}>
            <div class="news-pick">
              {/* the camera straight away, or photos already on the phone */}
              <input id="news-camera" type="file" accept="image/*" capture="environment" onChange={(e) => void pick(e.currentTarget)} />
              <label for="news-camera" class="button secondary">
                {d().compose.camera}
              </label>
              <input id="news-files" type="file" accept="image/*" multiple onChange={(e) => void pick(e.currentTarget)} />
              <label for="news-files" class="button secondary">
                {d().compose.pick}
              </label>
            </div>
          </Show>
          <Status message={preparing() ? d().compose.preparing : note()} tone="info" />
          <Show when={photos().length}>
            <ul class="news-previews" aria-label={d().compose.preview}>
              <For each={photos()}>
                {(p, i) => (
                  <li>
                    <img src={p.url} width={p.width} height={p.height} alt={d().photoOf(d().compose.preview, i() + 1, photos().length)} />
                    <button type="button" class="secondary" onClick={() => removePhoto(p.key)}>
                      {d().compose.remove(i() + 1)}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </fieldset>
        <Show when={canManageHouseholds(me())}>
          <RadioGroup
            label={d().compose.audience}
            name="audience"
            value={props.post?.audience ?? "members"}
            options={[
              { value: "members", label: d().compose.audienceMembers },
              { value: "board", label: d().compose.audienceBoard },
            ]}
          />
        </Show>
        <Show when={!props.post}>
          <CheckboxField label={d().compose.mail} hint={d().compose.mailHint} name="mail" />
        </Show>
        <Show when={draft().trim()}>
          <section class="card" aria-label={d().compose.preview}>
            <NewsText text={draft()} />
          </section>
        </Show>
        <Status message={progress()} tone="info" />
        <FormEnd
          error={error()}
          fields={["title", "text"]}
          pending={pending() || preparing()}
          label={props.post ? d().compose.save : d().compose.submit}
          pendingLabel={d().compose.pending}
        />
      </form>
    </Page>
  );
}
