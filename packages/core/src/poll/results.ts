/*
 * The count of a poll's answers: a pure function, so it is tested alone.
 * Per option how many said yes / maybe / no (dates), chose it (choice), or
 * the average and the spread of 1–5 (rating); comments without names.
 */

export type PollKind = "dates" | "rating" | "choice";
/** What a household answered per option: "yes" | "maybe" | "no", 1–5, or "chosen". */
export type Values = Record<string, string | number>;

export interface PollOption {
  id: string;
  label: string;
  date?: string;
}

export interface OptionResult extends PollOption {
  /** dates: yes; choice: chosen; rating: how many rated it. */
  count: number;
  maybe?: number;
  no?: number;
  /** rating: the average to one decimal, null when nobody rated it. */
  average?: number | null;
  /** rating: how many gave 1, 2, 3, 4 and 5. */
  distribution?: number[];
}

export interface Tally {
  answered: number;
  options: OptionResult[];
  comments: string[];
}

export function tally(kind: PollKind, options: readonly PollOption[], answers: readonly { values: Values; comment?: string }[]): Tally {
  const results = options.map((option): OptionResult => {
    const given = answers.map((a) => a.values[option.id]).filter((v) => v !== undefined);
    const base = { id: option.id, label: option.label, ...(option.date ? { date: option.date } : {}) };
    if (kind === "dates")
      return {
        ...base,
        count: given.filter((v) => v === "yes").length,
        maybe: given.filter((v) => v === "maybe").length,
        no: given.filter((v) => v === "no").length,
      };
    if (kind === "choice") return { ...base, count: given.filter((v) => v === "chosen").length };
    const stars = given.filter((v): v is number => typeof v === "number" && v >= 1 && v <= 5);
    const distribution = [1, 2, 3, 4, 5].map((n) => stars.filter((s) => s === n).length);
    const sum = stars.reduce((a, b) => a + b, 0);
    return { ...base, count: stars.length, average: stars.length ? Math.round((sum / stars.length) * 10) / 10 : null, distribution };
  });
  return {
    answered: answers.length,
    options: results,
    comments: answers.map((a) => a.comment?.trim() ?? "").filter(Boolean),
  };
}
