import { fireEvent, render, screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "../i18n";
import { JournalDownloads } from "./journal-downloads";

describe("the journal downloads", () => {
  it("offer the year's journal as CSV and auditfile, or one month's", () => {
    render(() => (
      <I18nProvider>
        <JournalDownloads year={2027} />
      </I18nProvider>
    ));
    expect(screen.getByRole("region", { name: "Boekhouding" })).toBeInTheDocument();
    const csv = screen.getByRole("link", { name: "Journaal als CSV" });
    const xaf = screen.getByRole("link", { name: "Auditfile (XAF 3.2)" });
    expect(csv).toHaveAttribute("href", "/api/contribution/journal.csv?period=2027");
    expect(xaf).toHaveAttribute("href", "/api/contribution/journal.xaf?period=2027");
    const period = screen.getByLabelText("Periode");
    expect([...period.querySelectorAll("option")].map((o) => o.textContent)).toContain("maart 2027");
    fireEvent.change(period, { target: { value: "2027-03" } });
    expect(csv).toHaveAttribute("href", "/api/contribution/journal.csv?period=2027-03");
    expect(xaf).toHaveAttribute("href", "/api/contribution/journal.xaf?period=2027-03");
  });
});
