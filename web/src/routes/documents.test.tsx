import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { fileName, type DocumentInfo } from "../lib/document";
import { apiError, boardMe, findAlert, memberMe, mockApi, ok, renderApp } from "../test-utils";

const version = (version: number, name: string, bytes: number, uploadedAt: string) => ({ version, name, type: "application/pdf", bytes, uploadedAt });

function doc(changes: Partial<DocumentInfo>): DocumentInfo {
  return {
    id: "document_statuten",
    title: "Statuten 2026",
    category: "statutes",
    audience: "members",
    assemblyID: null,
    versions: [],
    updatedAt: "2026-12-01T10:00:00.000Z",
    canEdit: false,
    ...changes,
  };
}

const statutes = doc({
  versions: [version(2, "statuten-2026.pdf", 1_258_291, "2026-12-01T10:00:00.000Z"), version(1, "statuten-2025.pdf", 250_000, "2025-03-04T10:00:00.000Z")],
});
const minutes = doc({ id: "document_notulen", title: "Notulen ALV maart", category: "minutes", versions: [version(1, "notulen.pdf", 80_000, "2026-03-20T10:00:00.000Z")] });

describe("the library", () => {
  it("shows a member each kind under its heading, the newest file to download and earlier ones folded", async () => {
    mockApi((call) => {
      if (call.path === "/api/me") return ok(memberMe);
      if (call.path === "/api/documents") return ok({ documents: [minutes, statutes] });
      return undefined;
    });
    renderApp("/documents");

    const section = await screen.findByRole("region", { name: "Statuten" });
    const newest = within(section).getByRole("link", { name: "statuten-2026.pdf" });
    expect(newest).toHaveAttribute("href", "/api/documents/document_statuten/file?version=2");
    expect(section).toHaveTextContent("1,2 MB · 1 december 2026 · versie 2");
    expect(within(section).getByText("Eerdere versies (1)")).toBeInTheDocument();
    expect(within(section).getByRole("link", { name: "statuten-2025.pdf", hidden: true })).toHaveAttribute(
      "href",
      "/api/documents/document_statuten/file?version=1",
    );
    expect(screen.getByRole("region", { name: "Notulen" })).toHaveTextContent("78 kB");
    // the kinds in the order of the statutes first
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(["Statuten", "Notulen"]);
    expect(screen.queryByText("Document toevoegen")).toBeNull();
    expect(screen.queryByRole("button", { name: "Uploaden" })).toBeNull();
    expect(screen.getByRole("link", { name: "Documenten" })).toHaveAttribute("href", "/documents");
  });

  it("lets the board add a document, upload its file, and tells a wrong file by its code", async () => {
    const user = userEvent.setup();
    const added = doc({ id: "document_begroting", title: "Begroting 2027", category: "budget", audience: "board", canEdit: true });
    let uploads = 0;
    const api = mockApi((call) => {
      if (call.path === "/api/me") return ok(boardMe);
      if (call.path === "/api/documents" && call.method === "GET") return ok({ documents: [] });
      if (call.path === "/api/documents" && call.method === "POST") return { status: 201, body: { document: added } };
      if (call.path.startsWith("/api/documents/document_begroting/versions") && call.method === "POST")
        return ++uploads === 1
          ? apiError(400, "document.type")
          : { status: 201, body: { document: { ...added, versions: [version(1, "begroting.pdf", 300_000, "2026-12-06T10:00:00.000Z")] } } };
      return undefined;
    });
    renderApp("/documents");

    expect(await screen.findByText("Er staan nog geen documenten klaar.")).toBeInTheDocument();
    await user.click(screen.getByText("Document toevoegen"));
    await user.type(screen.getByLabelText("Titel"), "Begroting 2027");
    await user.selectOptions(screen.getByLabelText("Soort"), "Begroting");
    await user.click(screen.getByLabelText("Alleen bestuur"));
    await user.click(screen.getByRole("button", { name: "Toevoegen" }));

    expect(await screen.findByText('"Begroting 2027" is toegevoegd. Upload nu het bestand.')).toBeInTheDocument();
    expect(api.find("POST", "/api/documents")[0]!.body).toEqual({ title: "Begroting 2027", category: "budget", audience: "board" });
    // ready for the next one: a new title, the same kind and readers
    const add = within(screen.getByText("Document toevoegen").closest("details")!);
    expect(add.getByLabelText("Titel")).toHaveValue("");
    expect(add.getByLabelText("Soort")).toHaveValue("budget");
    expect(screen.getByLabelText("Alleen bestuur")).toBeChecked();
    const section = screen.getByRole("region", { name: "Begroting" });
    expect(within(section).getByText("Alleen voor het bestuur")).toBeInTheDocument();
    expect(within(section).getByText("Nog geen bestand.")).toBeInTheDocument();

    const input = within(section).getByLabelText("Bestand (PDF of afbeelding, tot 5 MB)");
    expect(input).toHaveAttribute("accept", "application/pdf,image/*");
    await user.click(within(section).getByRole("button", { name: "Uploaden" }));
    await findAlert("Kies eerst een bestand.");

    await user.upload(input, new File(["%PDF-1.4 begroting"], "begroting.pdf", { type: "application/pdf" }));
    await user.click(within(section).getByRole("button", { name: "Uploaden" }));
    await findAlert("Dit is geen PDF of afbeelding (JPEG, PNG of WebP). Kies een ander bestand.");

    await user.click(within(section).getByRole("button", { name: "Uploaden" }));
    expect(await within(section).findByText("begroting.pdf is geüpload.")).toBeInTheDocument();
    expect(within(section).getByRole("link", { name: "begroting.pdf" })).toHaveAttribute("href", "/api/documents/document_begroting/file?version=1");
    const sent = api.find("POST", "/api/documents/document_begroting/versions?name=begroting.pdf");
    expect(sent).toHaveLength(2);
    expect(sent[1]!.init?.body).toBeInstanceOf(Blob);
    expect(new Headers(sent[1]!.init?.headers).get("content-type")).toBe("application/octet-stream");
  });

  it("changes title, kind and readers, says when someone changed it meanwhile, and removes only after asking", async () => {
    const user = userEvent.setup();
    const mine = { ...statutes, canEdit: true };
    let patches = 0;
    const api = mockApi((call) => {
      if (call.path === "/api/me") return ok(boardMe);
      if (call.path === "/api/documents" && call.method === "GET") return ok({ documents: [mine] });
      if (call.path === "/api/documents/document_statuten" && call.method === "PATCH")
        return ++patches === 1 ? apiError(409, "document.changed") : ok({ document: { ...mine, ...(call.body as object) } });
      if (call.path === "/api/documents/document_statuten" && call.method === "DELETE") return { status: 204 };
      return undefined;
    });
    renderApp("/documents");

    const section = await screen.findByRole("region", { name: "Statuten" });
    await user.click(within(section).getByText("Beheren: Statuten 2026"));
    // nothing changed: nothing sent
    await user.click(within(section).getByRole("button", { name: "Opslaan" }));
    expect(await within(section).findByText("Er is niets veranderd.")).toBeInTheDocument();
    expect(api.find("PATCH", "/api/documents/document_statuten")).toHaveLength(0);
    await user.selectOptions(within(section).getByLabelText("Lezers"), "Alleen bestuur");
    const title = within(section).getByLabelText("Titel");
    await user.clear(title);
    await user.type(title, "Statuten 2027");
    await user.click(within(section).getByRole("button", { name: "Opslaan" }));
    await findAlert("Iemand anders heeft dit document net gewijzigd. Kijk opnieuw en probeer het nog eens.");
    // the form shows the document as it is now: choose again
    await user.selectOptions(within(section).getByLabelText("Lezers"), "Alleen bestuur");
    await user.click(within(section).getByRole("button", { name: "Opslaan" }));
    expect(await within(section).findByText("Titel, soort en lezers zijn opgeslagen.")).toBeInTheDocument();
    // only what changed goes
    expect(api.find("PATCH", "/api/documents/document_statuten")[1]!.body).toEqual({ title: "Statuten 2027", audience: "board" });
    expect(within(section).getByText("Alleen voor het bestuur")).toBeInTheDocument();
    expect(within(section).getByRole("heading", { name: "Statuten 2027" })).toBeInTheDocument();

    await user.click(within(section).getByRole("button", { name: "Statuten 2027 verwijderen" }));
    await user.click(within(section).getByRole("button", { name: "Annuleren" }));
    expect(api.find("DELETE", "/api/documents/document_statuten")).toHaveLength(0);
    await user.click(within(section).getByRole("button", { name: "Statuten 2027 verwijderen" }));
    await user.click(within(section).getByRole("button", { name: "Ja, verwijderen" }));

    expect(await screen.findByText('"Statuten 2027" is verwijderd.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("region", { name: "Statuten" })).toBeNull());
    expect(api.find("DELETE", "/api/documents/document_statuten")).toHaveLength(1);
  });

  it("names a file as the API takes it", () => {
    expect(fileName("Notulen ALV 12/3 — def.pdf")).toBe("Notulen ALV 12-3 - def.pdf");
    expect(fileName("Begroting 2027 (concept).pdf")).toBe("Begroting 2027 (concept).pdf");
    expect(fileName("???")).toBe("---");
    expect(fileName("   ")).toBe("document");
    expect(fileName(`${"a".repeat(200)}.pdf`)).toHaveLength(120);
  });
});
