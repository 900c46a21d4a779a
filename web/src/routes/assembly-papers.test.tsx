import { screen, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { AssemblyInfo } from "../lib/assembly";
import type { DocumentInfo } from "../lib/document";
import { boardMe, findAlert, memberMe, mockApi, ok, renderApp } from "../test-utils";

const alv: AssemblyInfo = {
  id: "assembly_1",
  title: "ALV najaar",
  startsAt: "2026-11-20T19:00:00.000Z",
  place: "De schuur",
  description: null,
  status: "closed",
  items: [],
};

function doc(id: string, title: string, category: DocumentInfo["category"], name?: string): DocumentInfo {
  return {
    id,
    title,
    category,
    audience: "members",
    assemblyID: alv.id,
    versions: name ? [{ version: 1, name, type: "application/pdf", bytes: 80_000, uploadedAt: "2026-11-21T10:00:00.000Z" }] : [],
    updatedAt: "2026-11-21T10:00:00.000Z",
    canEdit: false,
  };
}

const budget = doc("document_begroting", "Begroting 2027", "alv", "begroting.pdf");
const minutes = doc("document_notulen", "Notulen ALV 20 november 2026", "minutes", "notulen.pdf");

function api(me: unknown, documents: () => DocumentInfo[], extra?: Parameters<typeof mockApi>[0]) {
  return mockApi((call) => {
    if (call.path === "/api/me") return ok(me);
    if (call.path === `/api/assemblies/${alv.id}`) return ok({ assembly: alv });
    if (call.path === `/api/assemblies/${alv.id}/results`) return ok({ present: 0, items: [] });
    if (call.path === `/api/documents?assembly=${alv.id}`) return ok({ documents: documents() });
    return extra?.(call);
  });
}

describe("an ALV's papers and minutes", () => {
  it("shows a member the minutes and the papers, each to download", async () => {
    api(memberMe, () => [budget, minutes]);
    renderApp(`/assemblies/${alv.id}`);
    const notes = await screen.findByRole("region", { name: "Notulen" }, { timeout: 8000 });
    expect(within(notes).getByRole("link", { name: "notulen.pdf" })).toHaveAttribute("href", "/api/documents/document_notulen/file?version=1");
    const papers = screen.getByRole("region", { name: "Stukken" });
    expect(within(papers).getByText("Begroting 2027")).toBeInTheDocument();
    expect(within(papers).queryByText("Notulen ALV 20 november 2026")).toBeNull();
    expect(screen.queryByText("Notulen publiceren")).toBeNull();
    expect(screen.queryByText("Stuk toevoegen")).toBeNull();
  });

  it("shows an item's papers under the item, and a budget motion's price for the member's household", async () => {
    const item = { id: "itm_1", kind: "vote" as const, title: "Begroting 2027", description: null, inRoom: false, papers: [budget.id], election: null };
    const figures = { year: 2027, budgetCents: 26_000_000, weeks: 52, rateCents: 1000, vegetarianRateCents: 800, childFactor: 0.5, mouths: 500, households: 200, applied: false };
    const mine = { mouths: 2.5, vegetarian: false, solidarityPercent: 10, weekCents: 2750, monthCents: 11917, yearCents: 143000 };
    const withItem: AssemblyInfo = { ...alv, status: "announced", items: [{ ...item, budget: { ...figures, mine } }] };
    mockApi((call) => {
      if (call.path === "/api/me") return ok(memberMe);
      if (call.path === `/api/assemblies/${alv.id}`) return ok({ assembly: withItem });
      if (call.path === `/api/documents?assembly=${alv.id}`) return ok({ documents: [budget] });
      return undefined;
    });
    renderApp(`/assemblies/${alv.id}`);
    const agenda = await screen.findByRole("region", { name: "Agenda" });
    expect(await within(agenda).findByRole("link", { name: "begroting.pdf" })).toBeInTheDocument();
    expect(within(agenda).getByText("€ 10,00 per mond per week")).toBeInTheDocument();
    expect(within(agenda).getByText("€ 8,00 per mond per week voor vegetariërs")).toBeInTheDocument();
    expect(within(agenda).getByText("€ 27,50 per week")).toBeInTheDocument();
    expect(within(agenda).getByText(/en 10% extra voor de solidariteitspot/)).toBeInTheDocument();
    // on its item, not again among the meeting's own papers
    expect(within(screen.getByRole("region", { name: "Stukken" })).queryByText("Begroting 2027")).toBeNull();
  });

  it("lets the board publish the minutes of a closed meeting: the document with the meeting's ID, then its PDF", async () => {
    const user = userEvent.setup();
    let published = false;
    const calls = api(boardMe, () => (published ? [minutes] : []), (call) => {
      if (call.path === "/api/documents" && call.method === "POST") return { status: 201, body: { document: { ...minutes, versions: [] } } };
      if (call.path.startsWith("/api/documents/document_notulen/versions")) {
        published = true;
        return { status: 201, body: { document: minutes } };
      }
      return undefined;
    });
    renderApp(`/assemblies/manage/${alv.id}`);
    const form = await screen.findByRole("region", { name: "Notulen publiceren" });
    expect(within(form).getByLabelText("Titel")).toHaveValue("Notulen ALV 20 november 2026");
    await user.click(within(form).getByRole("button", { name: "Notulen publiceren" }));
    await findAlert("Kies eerst een bestand.");
    expect(calls.find("POST", "/api/documents")).toHaveLength(0);

    await user.upload(within(form).getByLabelText("Notulen (PDF, tot 5 MB)"), new File(["%PDF-1.4 notulen"], "notulen.pdf", { type: "application/pdf" }));
    await user.click(within(form).getByRole("button", { name: "Notulen publiceren" }));
    const notes = await screen.findByRole("region", { name: "Notulen" }, { timeout: 8000 });
    expect(within(notes).getByRole("link", { name: "notulen.pdf" })).toBeInTheDocument();
    expect(calls.find("POST", "/api/documents")[0]!.body).toEqual({ title: "Notulen ALV 20 november 2026", category: "minutes", audience: "members", assemblyID: alv.id });
    expect(calls.find("POST", "/api/documents/document_notulen/versions?name=notulen.pdf")).toHaveLength(1);
    // published once: the form goes
    expect(screen.queryByRole("region", { name: "Notulen publiceren" })).toBeNull();
  });
});
