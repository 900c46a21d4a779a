import { Mail } from "./mail";

/**
 * Mails each of `todo` its mails, 20 at a time, each kept in one transaction
 * with its mark (`mark`), so a run twice or at once mails nobody twice.
 * True when this run sent all; false when another run marked some (or a
 * write conflicted: the next run finishes it).
 */
export async function mailEachOnce<T>(
  todo: T[],
  compose: (t: T) => Mail.Message[] | Promise<Mail.Message[]>,
  mark: (t: T) => Parameters<typeof Mail.commitWith>[1],
) {
  let refused = 0;
  for (let i = 0; i < todo.length; i += 20)
    await Promise.all(
      todo.slice(i, i + 20).map(async (t) => {
        if (!(await Mail.commitWith(await compose(t), mark(t)))) refused++;
      }),
    );
  return refused === 0;
}
