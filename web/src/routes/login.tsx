import { createSignal, Match, Show, Switch } from "solid-js";
import { A, action, query, useNavigate, useSearchParams } from "@solidjs/router";
import { FormError, Status } from "../components/feedback";
import { EmailField, TextField } from "../components/field";
import { Frame } from "../components/frame";
import { Page } from "../components/page";
import { useI18n } from "../i18n";
import { getMe } from "../lib/person";
import { authApi, safeNext } from "../lib/auth";
import { text, useActionForm, useFieldError } from "../lib/form";

const requestCode = action(async (email: string) => {
  await authApi.requestCode(email);
  return email;
}, "request-code");

const verifyCode = action((email: string, code: string) => authApi.verify(email, code), "verify-code");

/**
 * Log in with a code by email: first the address, then the code. The
 * screen never tells whether an address is known.
 */
export default function Login() {
  const { t, setLocale } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams<{ next?: string; email?: string }>();
  const [step, setStep] = createSignal<"email" | "code">("email");
  // `?email=`: a new member who just accepted a place arrives with the address filled in.
  const [email, setEmail] = createSignal(typeof params.email === "string" ? params.email : "");
  const [resent, setResent] = createSignal(false);
  const sending = useActionForm(requestCode);
  const verifying = useActionForm(verifyCode);
  let codeInput: HTMLInputElement | undefined;
  let emailInput: HTMLInputElement | undefined;

  const fieldError = useFieldError();

  async function sendCode(e: SubmitEvent) {
    e.preventDefault();
    const address = text(new FormData(e.currentTarget as HTMLFormElement), "email");
    verifying.clear();
    if ((await sending.submit(address)) === undefined) return;
    setEmail(address);
    setStep("code");
    codeInput?.focus();
  }

  async function resend() {
    setResent(false);
    verifying.clear();
    if ((await sending.submit(email())) !== undefined) setResent(true);
    codeInput?.focus();
  }

  async function verify(e: SubmitEvent) {
    e.preventDefault();
    setResent(false);
    sending.clear();
    const code = text(new FormData(e.currentTarget as HTMLFormElement), "code").replace(/\s/g, "");
    const me = await verifying.submit(email(), code);
    if (!me) {
      codeInput?.focus();
      return;
    }
    setLocale(me.person.locale);
    query.set(getMe.keyFor(), me);
    navigate(safeNext(params.next), { replace: true });
  }

  function otherEmail() {
    sending.clear();
    verifying.clear();
    setResent(false);
    setStep("email");
    emailInput?.focus();
  }

  return (
    <Frame>
      <Page title={t().login.title}>
        <div class="card narrow">
          <Status tone="info" message={step() === "code" ? t().login.codeSent(email()) : undefined} />
          <Switch>
            <Match when={step() === "email"}>
              <Show when={params.email}>
                <p class="notice success">{t().login.welcome}</p>
              </Show>
              <p>{t().login.intro}</p>
              <form onSubmit={sendCode} novalidate>
                <EmailField
                  ref={emailInput}
                  label={t().login.email}
                  name="email"
                  autocomplete="email"
                  value={email()}
                  error={fieldError(sending.error(), "email")}
                />
                <FormError error={sending.error()} fields={["email"]} />
                <button type="submit" class="primary" disabled={sending.pending()}>
                  {sending.pending() ? t().login.sending : t().login.sendCode}
                </button>
              </form>
              <p>
                <A href="/apply">{t().login.apply}</A>
              </p>
              <p>
                <A href="/farm">{t().login.about}</A>
              </p>
            </Match>
            <Match when={step() === "code"}>
              <form onSubmit={verify} novalidate>
                <TextField
                  ref={codeInput}
                  label={t().login.code}
                  hint={t().login.codeHint}
                  name="code"
                  class="code-input"
                  inputmode="numeric"
                  autocomplete="one-time-code"
                  maxlength={6}
                  error={fieldError(verifying.error(), "code")}
                />
                <FormError error={verifying.error() ?? sending.error()} fields={["code"]} />
                <button type="submit" class="primary" disabled={verifying.pending()}>
                  {verifying.pending() ? t().login.verifying : t().login.verify}
                </button>
              </form>
              <Status message={resent() ? t().login.resent : undefined} />
              <p class="muted">{t().login.noMail}</p>
              <div class="actions">
                <button type="button" class="secondary" disabled={sending.pending()} onClick={() => void resend()}>
                  {t().login.resend}
                </button>
                <button type="button" class="secondary" onClick={otherEmail}>
                  {t().login.otherEmail}
                </button>
              </div>
            </Match>
          </Switch>
        </div>
      </Page>
    </Frame>
  );
}
