import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import { VisibleError } from "./error";

/*
 * Schemas are written with zod/mini: its functions tree-shake, so each
 * Lambda carries only the checks it uses (about half of classic zod, which
 * cannot be split). Mini ships no messages; the English ones are set here,
 * once, for every schema: every module that validates input reaches this one.
 */
z.config(en());

// The edge validates: route() parses body, query and params with these schemas.
// Core trusts its types: a verb takes the parsed (z.output) input and checks it no more.

/** Turn zod issues into the API's `{path, message}` list. */
export function toIssues(error: z.core.$ZodError) {
  return error.issues.map((i) => ({
    path: i.path.map(String).join("."),
    message: i.message,
  }));
}

/**
 * Parses input that core itself builds from untrusted data (a bank file, a
 * form field carried along), with the same 400 answer a route gives.
 */
export function parse<S extends z.core.$ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = z.safeParse(schema, input);
  if (!parsed.success)
    throw new VisibleError("input", "input.invalid", "The input is not valid.", toIssues(parsed.error));
  return parsed.data;
}

/**
 * A number with a fraction (a quantity, a factor, hours), kept to a
 * thousandth: finer input is noise, and a tiny one such as 5e-324, valid
 * JSON, is beyond what DynamoDB stores (it refuses magnitudes below 1e-130).
 */
export function decimal(min: number, max: number) {
  return z.number().check(
    z.minimum(min),
    z.maximum(max),
    z.overwrite((n) => Math.round(n * 1000) / 1000),
  );
}
