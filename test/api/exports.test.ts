import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Clock } from "@akker/core/clock";
import { openInLibreOffice, type SheetCell } from "../setup/libreoffice";
import { validateXAF } from "../setup/xsd";
import { freshFarmApp, login, makeHousehold, makePerson, type TestApp } from "./helpers";

type Client = Awaited<ReturnType<typeof login>>;

// the name from issue 14 that passed into overview.csv raw
const hostile = `-2+3+cmd|' /C calc'!A0`;
const joined = Date.parse("2026-11-15T10:00:00Z");
const now = Date.parse("2027-04-15T10:00:00Z");

let app: TestApp;
let treasurer: Client;
let board: Client;
let member: Client;
const ids: Record<string, string> = {};

/** A download's bytes as sent (the test client decodes text, which drops the BOM). */
async function bytes(who: Client, path: string) {
  const res = await app.request(path, { headers: { cookie: who.cookie, "x-forwarded-for": "10.7.0.9" } });
  expect(res.status, path).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

/** The journal CSV's rows (without the BOM), cells unquoted. */
function rows(csv: string) {
  return csv
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n")
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"(?:;|$)/g)].map((m) => m[1]!.replace(/""/g, '"')));
}

const cents = (euros: string) => (euros ? Math.round(Number(euros.replace(",", ".")) * 100) : 0);

beforeAll(async () => {
  let farmID: string;
  ({ farmID, app } = await freshFarmApp(joined));
  await makePerson(farmID, { name: "Bert Bestuur", email: "bestuur@example.nl", roles: ["board"] });
  for (const [name, email, roles] of [
    ["Penning", "penning@example.nl", ["treasurer"]],
    ["Jansen", "jansen@example.nl", []],
    [hostile, "evil@example.nl", []],
  ] as const) ids[name] = (await makeHousehold(farmID, { name, email, roles: [...roles] })).household.id;
  Clock.set(now);
  treasurer = await login(app, "penning@example.nl", "10.7.0.1");
  board = await login(app, "bestuur@example.nl", "10.7.0.2");
  member = await login(app, "jansen@example.nl", "10.7.0.3");
  expect((await board.put("/api/seasons/2027", { budgetCents: 600_000, weeks: 52, vegetarianDiscountCents: 0 })).status).toBe(200);
  expect((await treasurer.post("/api/seasons/2027/confirm")).status).toBe(200);
  const pay = (householdID: string, amountCents: number, date: string, reference: string) =>
    treasurer.post("/api/payments", { householdID, amountCents, date, reference });
  expect((await pay(ids.Jansen!, 16_667, "2027-03-02", "Bijdrage maart")).status).toBe(201);
  const evil = await pay(ids[hostile]!, 5_000, "2027-03-05", '=HYPERLINK("http://x")');
  expect(evil.status).toBe(201);
  expect((await treasurer.post(`/api/payments/${evil.body.payment.id}/reverse`, { note: "verkeerd huishouden" })).status).toBe(201);
  const deposit = { amountCents: 200_000, date: "2027-03-10", reference: "INLEG JANSEN" };
  expect((await treasurer.post(`/api/certificates/${ids.Jansen}/deposit-payments`, deposit)).status).toBe(201);
});

afterAll(() => Clock.set(undefined));

describe("the journal downloads", () => {
  it("are the treasurer's: a member and the board get 403, a bad period a 400 that says what a period is", async () => {
    for (const path of ["/api/contribution/journal.csv?period=2027-03", "/api/contribution/journal.xaf?period=2027"]) {
      expect((await member.get(path)).status, path).toBe(403);
      expect((await board.get(path)).status, path).toBe(403);
    }
    for (const bad of ["2027-13", "27", "2027-3", "1999", "maart", ""]) {
      for (const ext of ["csv", "xaf"]) {
        const res = await treasurer.get(`/api/contribution/journal.${ext}?period=${bad}`);
        expect(res.status, bad).toBe(400);
        expect(res.body.error.issues).toEqual([{ path: "period", message: "The period is a year (YYYY) or a month (YYYY-MM), from 2000 to 2200." }]);
      }
    }
    expect((await treasurer.get("/api/contribution/journal.csv")).body.error.issues[0].path).toBe("period");
  });

  it("a month's CSV journal: dues, payments, the counter-entry's month left out, the deposit; each booking in balance", async () => {
    const res = await treasurer.get("/api/contribution/journal.csv?period=2027-03");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="journaal-2027-03.csv"');
    const [header, ...lines] = rows(res.body);
    expect(header).toEqual(["datum", "dagboek", "boekstuk", "rekening", "omschrijving", "debet", "credit", "relatie"]);
    const byDocument = new Map<string, string[][]>();
    for (const l of lines) byDocument.set(l[2]!, [...(byDocument.get(l[2]!) ?? []), l]);
    for (const [document, booking] of byDocument) {
      expect(booking.reduce((n, l) => n + cents(l[5]!) - cents(l[6]!), 0), document).toBe(0);
      expect(new Set(booking.map((l) => l[0])).size, document).toBe(1);
    }
    // three households' March dues, two payments, one deposit; the reversal (booked today, in April) is not in March
    expect(byDocument.size).toBe(6);
    expect(lines.filter((l) => l[1] === "BIJ" && l[0] === "01-03-2027" && l[3] === "1300")).toHaveLength(3);
    expect(lines).toContainEqual(["02-03-2027", "BNK", expect.stringMatching(/^pay_/), "1100", "Betaling bijdrage – Jansen – Bijdrage maart", "166,67", "", ""]);
    expect(lines).toContainEqual(["10-03-2027", "BNK", "inleg INLEG JANSEN", "0700", "Inleg certificaat – Jansen – INLEG JANSEN", "", "2000,00", ids.Jansen]);
    const april = rows((await treasurer.get("/api/contribution/journal.csv?period=2027-04")).body);
    expect(april.filter((l) => l[4]!.startsWith("Tegenboeking betaling"))).toEqual([
      ["15-04-2027", "BNK", expect.stringMatching(/^pay_/), "1300", expect.stringContaining(hostile), "50,00", "", ids[hostile]],
      ["15-04-2027", "BNK", expect.stringMatching(/^pay_/), "1100", expect.stringContaining(hostile), "", "50,00", ""],
    ]);
  });

  it("a year's XAF 3.2 auditfile: valid against the public schema, every transaction in balance, totals that add up", async () => {
    const res = await treasurer.get("/api/contribution/journal.xaf?period=2027");
    expect(res.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="journaal-2027.xaf"');
    const xml = res.body as string;
    expect(await validateXAF(xml)).toEqual({ valid: true, errors: [] });
    const amounts = (s: string, type: "D" | "C") =>
      [...s.matchAll(/<trLine>.*?<amnt>([\d.]+)<\/amnt><amntTp>([DC])<\/amntTp>.*?<\/trLine>/g)].filter((m) => m[2] === type).reduce((n, m) => n + cents(m[1]!), 0);
    const transactions = [...xml.matchAll(/<transaction>.*?<\/transaction>/g)].map((m) => m[0]);
    // 3 households × 12 months of dues, 2 payments, 1 reversal, 1 deposit
    expect(transactions).toHaveLength(36 + 4);
    for (const t of transactions) expect(amounts(t, "D"), t).toBe(amounts(t, "C"));
    const total = xml.match(/<linesCount>(\d+)<\/linesCount><totalDebit>([\d.]+)<\/totalDebit><totalCredit>([\d.]+)<\/totalCredit>/)!;
    expect(Number(total[1])).toBe(transactions.length * 2);
    expect(cents(total[2]!)).toBe(amounts(xml, "D"));
    expect(total[2]).toBe(total[3]);
    expect(xml).toContain(`<custSupID>${ids[hostile]}</custSupID><custSupName>${hostile}</custSupName><custSupTp>C</custSupTp>`);
  });
});

describe("every CSV export", () => {
  const exports = {
    overview: ["treasurer", "/api/contribution/overview.csv?year=2027"],
    certificates: ["board", "/api/certificates.csv"],
    hours: ["board", "/api/hours/totals.csv?season=2027"],
    tasks: ["board", "/api/hours/totals.csv?season=2027&per=task"],
    journal: ["treasurer", "/api/contribution/journal.csv?period=2027-03"],
  } as const;
  let files: Record<string, Uint8Array>;
  let sheets: Record<string, SheetCell[][]>;

  beforeAll(async () => {
    files = {};
    for (const [name, [who, path]] of Object.entries(exports)) files[name] = await bytes(who === "board" ? board : treasurer, path);
    // a control: what the overview let through before, so the check below can be seen to catch a formula
    files.control = new TextEncoder().encode(`\uFEFF"naam";"bedrag"\r\n"=1+2";"1,00"\r\n`);
    sheets = openInLibreOffice(files);
  }, 180_000);

  it("is UTF-8 with a BOM, CRLF line ends and one table (every row as wide as the header)", () => {
    for (const [name, file] of Object.entries(files)) {
      expect([...file.slice(0, 3)], name).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(file);
      expect(text.endsWith("\r\n"), name).toBe(true);
      expect(text.replace(/\r\n/g, "").includes("\n"), name).toBe(false);
      const table = rows(text);
      for (const row of table) expect(row.length, name).toBe(table[0]!.length);
    }
  });

  it("as LibreOffice opens it with Dutch settings: the BOM unseen, amounts numbers, dates dates, the hostile name text that runs nothing", () => {
    expect(sheets.control![1]![0]).toMatchObject({ type: "float", value: "3", formula: "of:=1+2" });
    for (const name of Object.keys(exports)) {
      const sheet = sheets[name]!;
      const header = rows(new TextDecoder().decode(files[name]!))[0]!;
      expect(sheet[0]!.map((c) => c.value), name).toEqual(header);
      for (const cell of sheet.flat()) expect(cell.formula, `${name}: ${cell.value}`).toBeUndefined();
      if (name !== "tasks") expect(sheet.flat(), name).toContainEqual({ type: "string", value: name === "journal" ? expect.stringContaining(hostile) : `'${hostile}` });
    }
    const column = (name: string, title: string) => {
      const i = sheets[name]![0]!.findIndex((c) => c.value === title);
      return sheets[name]!.slice(1).map((r) => r[i] ?? { type: "", value: "" });
    };
    expect(column("overview", "jaarbedrag").every((c) => c.type === "float")).toBe(true);
    expect(column("overview", "monden")[0]).toMatchObject({ type: "float" });
    expect(column("certificates", "inleg").map((c) => c.value)).toContain("2000");
    expect(column("journal", "datum").every((c) => c.type === "date" && c.value.startsWith("2027-03-"))).toBe(true);
    expect(column("journal", "debet").filter((c) => c.type).every((c) => c.type === "float")).toBe(true);
    expect(column("journal", "debet").map((c) => c.value)).toContain("166.67");
  });
});
