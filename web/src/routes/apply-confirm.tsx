import { action, useNavigate, useParams } from "@solidjs/router";
import { FormError } from "../components/feedback";
import { Frame } from "../components/frame";
import { PublicMembershipScreen } from "../components/membership-screen";
import { useMembershipText } from "../i18n/membership";
import { useActionForm } from "../lib/form";
import { membershipApi } from "../lib/membership";

const confirm = action((token: string) => membershipApi.applications.confirm(token), "confirm-application");

/**
 * The link in the mail that confirms an address. It asks for a click rather
 * than confirming on opening: a mail program that opens links to check them
 * must not put anyone on the list. Then on to the application's own page.
 */
export default function ApplyConfirm() {
  const s = useMembershipText();
  const params = useParams<{ token: string }>();
  const navigate = useNavigate();
  const confirming = useActionForm(confirm);

  async function yes() {
    const result = await confirming.submit(params.token);
    if (result) navigate(`/apply/status/${encodeURIComponent(result.application.statusToken)}`, { replace: true });
  }

  return (
    <Frame>
      <PublicMembershipScreen title={s().confirmation.title}>
        <div class="card narrow">
          <p>{s().confirmation.intro}</p>
          <div class="actions">
            <button type="button" class="primary" disabled={confirming.pending()} onClick={() => void yes()}>
              {confirming.pending() ? s().confirmation.confirming : s().confirmation.confirm}
            </button>
          </div>
          <FormError error={confirming.error()} />
          <p>{s().confirmation.notYou}</p>
        </div>
      </PublicMembershipScreen>
    </Frame>
  );
}
