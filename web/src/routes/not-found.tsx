import { A } from "@solidjs/router";
import { Page } from "../components/page";
import { useI18n } from "../i18n";

export default function NotFound() {
  const { t } = useI18n();
  return (
    <Page title={t().notFound.title}>
      <p>{t().notFound.text}</p>
      <p>
        <A href="/">{t().notFound.home}</A>
      </p>
    </Page>
  );
}
