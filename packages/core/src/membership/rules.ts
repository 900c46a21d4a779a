
/*
 * The membership rules, without I/O: which waiting applications get an
 * offer, how many mouths are free, when a membership can end, what a
 * certificate's deposit status is, and how a deposit splits into instalments.
 */

export { dateOf, isDate } from "../week";

export interface Waiting {
  id: string;
  mouths: number;
}

/**
 * Which waiting applications get an offer, given the free mouths: in list
 * order, each one that fits in what is still free. One that does not fit is
 * skipped (it keeps its place), so a smaller one behind it can still come in.
 */
export function planOffers(waiting: readonly Waiting[], freeMouths: number): string[] {
  let free = freeMouths;
  const picks: string[] = [];
  for (const a of waiting) {
    // mouths are multiples of the child factor: compare without float noise
    if (a.mouths - free <= 1e-9) {
      picks.push(a.id);
      free = Math.round((free - a.mouths) * 1000) / 1000;
    }
  }
  return picks;
}

/**
 * What is wrong with a name typed by someone from outside (the waiting-list
 * form), or undefined when it is fine. A name is one line and never holds an
 * address: no line break or tab, no scheme (`http:`, `mailto:`…), no `www.`,
 * no `@`, and nothing shaped like a domain (letters or digits, a dot, then two
 * or more letters: "evil.com", "bank.nl/x"). "J.A.M. de Vries" and
 * "Fam. Bakker" pass; "Fam.Bakker" does not (a space after the dot mends it).
 * The farm mails this name, so mail programs must not find a link in it.
 */
export function nameProblem(name: string): "line" | "address" | undefined {
  if (/[\r\n\t\v\f\u0085\u2028\u2029]/.test(name)) return "line";
  // dots a mail program may read as one: full stop, ideographic, full- and half-width
  const dot = "[.\u3002\uff0e\uff61]";
  if (
    /[a-z][a-z0-9+.-]*:\/\/|\b(?:https?|mailto|ftp|file|javascript|data|tel|sms):/i.test(name) ||
    new RegExp(`www${dot}`, "iu").test(name) ||
    /[@\uff20]/.test(name) ||
    new RegExp(`[\\p{L}\\p{N}_-]${dot}\\p{L}{2,}`, "u").test(name)
  )
    return "address";
  return undefined;
}

/**
 * Mouths the farm can still offer: its capacity minus the households that
 * eat from it (active and pending) and minus the offers still open. Never
 * below zero, also when the farm is over capacity.
 */
export function freeMouths(input: {
  capacityMouths: number;
  households: readonly { mouths: number; status: "active" | "pending" | "left" }[];
  openOffers: readonly { mouths: number }[];
}): number {
  const taken =
    input.households.filter((h) => h.status !== "left").reduce((n, h) => n + h.mouths, 0) +
    input.openOffers.reduce((n, o) => n + o.mouths, 0);
  return Math.max(0, Math.round((input.capacityMouths - taken) * 1000) / 1000);
}

/** The first day a membership can end: 31 December of the last year of the minimum term. */
export function firstPossibleEnd(memberSince: string, minimumTermYears: number): string {
  return `${Number(memberSince.slice(0, 4)) + minimumTermYears - 1}-12-31`;
}

/**
 * Notice given on `today` ends the membership on 31 December of this year,
 * provided the minimum term is over by then; otherwise it is too early, and
 * the answer says the first end date that is possible.
 */
export function noticeEnd(
  today: string,
  memberSince: string,
  minimumTermYears: number,
): { ok: true; endDate: string } | { ok: false; firstPossibleEndDate: string } {
  const first = firstPossibleEnd(memberSince, minimumTermYears);
  const endDate = `${today.slice(0, 4)}-12-31`;
  return endDate >= first ? { ok: true, endDate } : { ok: false, firstPossibleEndDate: first };
}

export type CertificateStatus = "pending" | "paid" | "refund_due" | "refunded";

/**
 * A certificate's deposit status: refunded once the treasurer paid it back;
 * refund due once the membership ended (after its end date, or when the
 * household left); otherwise paid when the deposit is in full, else pending.
 */
export function certificateStatus(
  c: { depositCents: number; paidCents: number; endDate?: string | null; refundedAt?: string | null; householdLeft?: boolean },
  today: string,
): CertificateStatus {
  if (c.refundedAt) return "refunded";
  if ((c.endDate && today > c.endDate) || c.householdLeft) return "refund_due";
  return c.paidCents >= c.depositCents ? "paid" : "pending";
}

/** Splits an amount into `count` whole-cent parts that add up exactly; the first parts take the odd cents. */
export function splitCents(totalCents: number, count: number): number[] {
  const n = Math.max(1, Math.floor(count));
  const base = Math.floor(totalCents / n);
  const rest = totalCents - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < rest ? 1 : 0));
}

export interface Instalment {
  /** YYYY-MM-DD */
  due: string;
  amountCents: number;
  status: "paid" | "open" | "late";
}

/**
 * The deposit's schedule: at once on the first day of membership, or in
 * equal monthly instalments from then on (each on the 1st of a month after
 * the first). Payments cover the instalments in order.
 */
export function depositSchedule(input: {
  depositCents: number;
  paidCents: number;
  plan: "once" | "instalments";
  instalments: number;
  memberSince: string;
  today: string;
}): Instalment[] {
  const parts = input.plan === "once" ? [input.depositCents] : splitCents(input.depositCents, input.instalments);
  const year = Number(input.memberSince.slice(0, 4));
  const month = Number(input.memberSince.slice(5, 7));
  let covered = input.paidCents;
  return parts.map((amountCents, i) => {
    const due =
      i === 0
        ? input.memberSince
        : (() => {
            const d = new Date(Date.UTC(year, month - 1 + i, 1));
            return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-01`;
          })();
    const paid = covered >= amountCents;
    covered = Math.max(0, covered - amountCents);
    return { due, amountCents, status: paid ? "paid" : due < input.today ? "late" : "open" };
  });
}

/** "2.000,00": euros as the Dutch write them, in messages (CSV cells use ../csv.ts). */
export function euros(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${sign}${whole},${String(abs % 100).padStart(2, "0")}`;
}
