import * as z from "zod";
import { VisibleError } from "./error";

/** Turn zod issues into the API's `{path, message}` list. */
export function toIssues(error: z.ZodError) {
  return error.issues.map((i) => ({
    path: i.path.map(String).join("."),
    message: i.message,
  }));
}

/**
 * Wrap a core function with the schema of its input: the input is parsed
 * (and so validated) on every call, and the schema is exposed as `.schema`
 * so routes can reuse it.
 */
export function fn<S extends z.ZodType, R>(
  schema: S,
  impl: (input: z.output<S>) => R,
) {
  const wrapped = (input: z.input<S>): R => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      throw new VisibleError(
        "input",
        "input.invalid",
        "The input is not valid.",
        toIssues(parsed.error),
      );
    }
    return impl(parsed.data);
  };
  wrapped.schema = schema;
  return wrapped;
}

/**
 * A number with a fraction (a quantity, a factor, hours), kept to a
 * thousandth: finer input is noise, and a tiny one such as 5e-324, valid
 * JSON, is beyond what DynamoDB stores (it refuses magnitudes below 1e-130).
 */
export function decimal(min: number, max: number) {
  return z
    .number()
    .min(min)
    .max(max)
    .overwrite((n) => Math.round(n * 1000) / 1000);
}
