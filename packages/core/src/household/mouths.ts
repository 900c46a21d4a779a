import type { Issue } from "../error";

export type Certificate = "full" | "half";

/**
 * A household's mouths: adults count one, children count the farm's child
 * factor (0.5 by default: two children make one mouth).
 */
export function mouths(adults: number, children: number, childFactor: number): number {
  // round away float noise (3 × 0.1 = 0.30000000000000004)
  return Math.round((adults + children * childFactor) * 1000) / 1000;
}

/**
 * A half certificate holds exactly one mouth, a full one two to five.
 * Returns the issues, empty when the composition fits the certificate.
 */
export function checkComposition(
  input: { adults: number; children: number; certificate: Certificate },
  childFactor: number,
): Issue[] {
  const m = mouths(input.adults, input.children, childFactor);
  if (input.certificate === "half" && m !== 1)
    return [{ path: "certificate", message: `A half certificate holds exactly 1 mouth; this household has ${m}.` }];
  if (input.certificate === "full" && (m < 2 || m > 5))
    return [{ path: "certificate", message: `A full certificate holds 2 to 5 mouths; this household has ${m}.` }];
  return [];
}
