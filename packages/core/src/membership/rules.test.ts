import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  certificateStatus,
  dateOf,
  depositSchedule,
  euros,
  firstPossibleEnd,
  freeMouths,
  isDate,
  nameProblem,
  noticeEnd,
  planOffers,
  splitCents,
} from "./rules";

const mouthsArb = fc.integer({ min: 2, max: 10 }).map((halves) => halves / 2);
const waitingArb = fc.array(mouthsArb, { maxLength: 40 }).map((list) => list.map((mouths, i) => ({ id: `a${String(i).padStart(2, "0")}`, mouths })));

describe("offers from the waiting list", () => {
  it("offers in list order wherever an application fits; one that does not fit is skipped", () => {
    const list = [
      { id: "a", mouths: 2 },
      { id: "b", mouths: 4 },
      { id: "c", mouths: 1 },
      { id: "d", mouths: 1.5 },
    ];
    expect(planOffers(list, 3.5)).toEqual(["a", "c"]);
    expect(planOffers(list, 4)).toEqual(["a", "c"]);
    expect(planOffers(list, 4.5)).toEqual(["a", "c", "d"]);
    expect(planOffers(list, 0)).toEqual([]);
    expect(planOffers(list, 100)).toEqual(["a", "b", "c", "d"]);
  });

  it("for every list and every number of free mouths: never more than free, order kept, every skipped one did not fit", () => {
    fc.assert(
      fc.property(waitingArb, fc.integer({ min: 0, max: 40 }).map((h) => h / 2), (list, free) => {
        const picks = planOffers(list, free);
        const chosen = list.filter((a) => picks.includes(a.id));
        expect(chosen.map((a) => a.id)).toEqual(picks);
        expect(chosen.reduce((n, a) => n + a.mouths, 0)).toBeLessThanOrEqual(free + 1e-9);
        let left = free;
        for (const a of list) {
          if (picks.includes(a.id)) left -= a.mouths;
          else expect(a.mouths).toBeGreaterThan(left + 1e-9);
        }
      }),
    );
  });

  it("free mouths: capacity minus active and pending households minus open offers, never below zero", () => {
    const households = [
      { mouths: 2.5, status: "active" as const },
      { mouths: 1, status: "pending" as const },
      { mouths: 4, status: "left" as const },
    ];
    expect(freeMouths({ capacityMouths: 10, households, openOffers: [{ mouths: 2 }] })).toBe(4.5);
    expect(freeMouths({ capacityMouths: 3, households, openOffers: [{ mouths: 2 }] })).toBe(0);
  });
});

describe("the minimum term and notice", () => {
  it("runs three calendar years counting the start year", () => {
    expect(firstPossibleEnd("2027-03-15", 3)).toBe("2029-12-31");
    expect(firstPossibleEnd("2027-01-01", 1)).toBe("2027-12-31");
  });

  it("notice ends the membership at the end of this year, once the term is over by then", () => {
    expect(noticeEnd("2027-06-01", "2027-03-15", 3)).toEqual({ ok: false, firstPossibleEndDate: "2029-12-31" });
    expect(noticeEnd("2028-12-31", "2027-03-15", 3)).toEqual({ ok: false, firstPossibleEndDate: "2029-12-31" });
    expect(noticeEnd("2029-01-01", "2027-03-15", 3)).toEqual({ ok: true, endDate: "2029-12-31" });
    expect(noticeEnd("2031-07-04", "2027-03-15", 3)).toEqual({ ok: true, endDate: "2031-12-31" });
  });
});

describe("the deposit", () => {
  it("status: pending until paid in full, refund due after the end date or on leaving, then refunded", () => {
    const c = { depositCents: 200_000, paidCents: 0 };
    expect(certificateStatus(c, "2027-05-01")).toBe("pending");
    expect(certificateStatus({ ...c, paidCents: 199_999 }, "2027-05-01")).toBe("pending");
    expect(certificateStatus({ ...c, paidCents: 200_000 }, "2027-05-01")).toBe("paid");
    expect(certificateStatus({ ...c, paidCents: 200_000, endDate: "2029-12-31" }, "2029-12-31")).toBe("paid");
    expect(certificateStatus({ ...c, paidCents: 200_000, endDate: "2029-12-31" }, "2030-01-01")).toBe("refund_due");
    expect(certificateStatus({ ...c, paidCents: 50_000, householdLeft: true }, "2027-05-01")).toBe("refund_due");
    expect(certificateStatus({ ...c, paidCents: 200_000, endDate: "2029-12-31", refundedAt: "2030-01-10" }, "2030-02-01")).toBe("refunded");
  });

  it("instalments add up to the deposit to the cent, for every amount and count", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 60 }), (total, count) => {
        const parts = splitCents(total, count);
        expect(parts).toHaveLength(count);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
        expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
      }),
    );
  });

  it("8 × €250 monthly from the start; payments cover them in order", () => {
    const s = depositSchedule({ depositCents: 200_000, paidCents: 60_000, plan: "instalments", instalments: 8, memberSince: "2027-11-20", today: "2028-02-15" });
    expect(s.map((i) => i.amountCents)).toEqual(Array(8).fill(25_000));
    expect(s.map((i) => i.due)).toEqual(["2027-11-20", "2027-12-01", "2028-01-01", "2028-02-01", "2028-03-01", "2028-04-01", "2028-05-01", "2028-06-01"]);
    expect(s.map((i) => i.status)).toEqual(["paid", "paid", "late", "late", "open", "open", "open", "open"]);
    const once = depositSchedule({ depositCents: 100_000, paidCents: 0, plan: "once", instalments: 8, memberSince: "2027-11-20", today: "2027-11-20" });
    expect(once).toEqual([{ due: "2027-11-20", amountCents: 100_000, status: "open" }]);
  });
});

describe("dates and exports", () => {
  it("dates on the farm's clock, and only real ones", () => {
    expect(dateOf(Date.parse("2027-12-31T23:30:00Z"))).toBe("2028-01-01");
    expect(isDate("2028-02-29")).toBe(true);
    expect(isDate("2027-02-29")).toBe(false);
    expect(isDate("2027-2-1")).toBe(false);
  });

  it("euros the Dutch way", () => {
    expect(euros(200_000)).toBe("2.000,00");
    expect(euros(12_345_67)).toBe("12.345,67");
    expect(euros(5)).toBe("0,05");
  });
});

describe("a name typed on the waiting-list form", () => {
  it("is one line and holds no address a mail program could turn into a link", () => {
    for (const ok of ["Anna Appel", "Familie Bakker", "J.A.M. de Vries", "Fam. Bakker", "Jansen/De Vries", "Zoë O'Brien-Ünal", "Ho Chi 胡志", "Jan en Piet 2"])
      expect(nameProblem(ok), ok).toBeUndefined();
    for (const line of ["Anna\nAppel", "Anna\r\nKlik hier", "Anna\tAppel", "Anna\u2028Appel", "Anna\u0085Appel"]) expect(nameProblem(line), JSON.stringify(line)).toBe("line");
    for (const address of [
      "Anna https://evil.example/login",
      "HTTP://x",
      "ftp://x",
      "mailto:someone",
      "javascript:alert(1)",
      "www.bank-login",
      "WWW。bank",
      "klik evil.com",
      "bank.nl/inloggen",
      "Fam.Bakker",
      "evil．com",
      "ｅｖｉｌ。ｃｏｍ",
      "anna@example",
      "hxxp://evil.co",
    ])
      expect(nameProblem(address), address).toBe("address");
  });
});
