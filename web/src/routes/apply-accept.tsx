import { createSignal, Show } from "solid-js";
import { action, useNavigate, useParams } from "@solidjs/router";
import { FormError, Status } from "../components/feedback";
import { Frame } from "../components/frame";
import { AskFirst } from "../components/ask-first";
import { PublicMembershipScreen } from "../components/membership-screen";
import { useMembershipText } from "../i18n/membership";
import { useActionForm } from "../lib/form";
import { membershipApi } from "../lib/membership";

const accept = action((token: string) => membershipApi.applications.accept(token), "accept-offer");
const decline = action((token: string) => membershipApi.applications.decline(token), "decline-offer");

/**
 * The link in the offer mail: accept the place (the household becomes a
 * member, and logs in with its address) or decline it for the next in line.
 */
export default function ApplyAccept() {
  const s = useMembershipText();
  const params = useParams<{ token: string }>();
  const navigate = useNavigate();
  const accepting = useActionForm(accept);
  const declining = useActionForm(decline);
  const [declined, setDeclined] = createSignal(false);

  async function yes() {
    declining.clear();
    const result = await accepting.submit(params.token);
    if (result) navigate(`/login?email=${encodeURIComponent(result.email)}`, { replace: true });
  }

  async function no() {
    accepting.clear();
    if (await declining.submit(params.token)) setDeclined(true);
  }

  return (
    <Frame>
      <PublicMembershipScreen title={s().accept.title}>
        <div class="card narrow">
          <Status tone="info" message={declined() ? s().accept.declined : undefined} />
          <Show when={!declined()}>
            <p>{s().accept.intro}</p>
            <div class="actions">
              <button type="button" class="primary" disabled={accepting.pending()} onClick={() => void yes()}>
                {accepting.pending() ? s().accept.accepting : s().accept.accept}
              </button>
              <AskFirst
                label={s().accept.decline}
                question={s().accept.confirm}
                yes={s().accept.confirmYes}
                no={s().accept.cancel}
                pendingLabel={s().accept.declining}
                pending={declining.pending()}
                onYes={no}
              />
            </div>
            <FormError error={accepting.error() ?? declining.error()} />
          </Show>
        </div>
      </PublicMembershipScreen>
    </Frame>
  );
}
