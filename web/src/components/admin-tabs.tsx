import { useI18n, useSection } from "../i18n";
import { adminEn, adminNl, type AdminTab } from "../i18n/admin";
import { SubNav } from "./sub-nav";

/** The tabs of the "Beheer" screens, wrapping onto more lines rather than scrolling sideways. */
export default function AdminTabs(props: { links: { href: string; tab: AdminTab }[] }) {
  const { t } = useI18n();
  const a = useSection({ nl: adminNl, en: adminEn });
  return <SubNav label={t().nav.admin} wrap links={props.links.map(({ href, tab }) => ({ href, label: a()[tab], show: true }))} />;
}
