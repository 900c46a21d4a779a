import { createHash } from "node:crypto";
import { mod97 } from "../iban";

/*
 * ISO 11649 creditor references ("RF references"): `RF`, two check digits,
 * and a body of 1 to 21 letters or digits; valid when the body followed by
 * `RF` and the check digits, letters read as numbers (A = 10 … Z = 35),
 * leaves 1 modulo 97, as in an IBAN. Every SEPA bank carries the reference
 * to the statement unchanged, and the check digits catch a mistyped one.
 *
 * Each household gets one, to put in the description of every payment:
 * its body is 12 decimal digits taken from the SHA-256 of the household ID
 * (digits only, so that nothing reads as O/0 or I/1 and a phone's number
 * pad will do; 10^12 bodies, so two of a farm's households sharing one is
 * about one chance in 10^7 even for 1,000 households, and the matcher
 * treats a shared one as ambiguous). It is derived, not stored: the same
 * household always gets the same reference. Printed in groups of four:
 * `RF47 1234 5678 9012`.
 */

const electronic = /^RF(\d{2})([0-9A-Z]{1,21})$/;

/** The reference without spaces, in capitals. */
export function electronicFormatRF(reference: string) {
  return reference.replace(/\s/g, "").toUpperCase();
}

/** The reference as people read it: groups of four. */
export function friendlyFormatRF(reference: string) {
  return electronicFormatRF(reference).replace(/(.{4})(?!$)/g, "$1 ");
}

/** The creditor reference with this body (1 to 21 letters or digits, any case, spaces ignored). */
export function creditorReference(body: string) {
  const compact = electronicFormatRF(body);
  if (!/^[0-9A-Z]{1,21}$/.test(compact)) throw new Error(`Not a creditor reference body: ${body}`);
  const check = 98 - mod97(`${compact}RF00`);
  return `RF${String(check).padStart(2, "0")}${compact}`;
}

/** Whether text (spaces and case ignored) is a valid ISO 11649 reference: form, and check digits 02–98 that are right. */
export function isValidCreditorReference(reference: string) {
  const m = electronic.exec(electronicFormatRF(reference));
  if (!m) return false;
  const check = Number(m[1]);
  return check >= 2 && check <= 98 && mod97(`${m[2]}RF${m[1]}`) === 1;
}

/** The household's reference (electronic format), derived from its ID; see above for the body. */
export function householdCreditorReference(householdID: string) {
  const digest = createHash("sha256").update(`akker-rf:${householdID}`).digest();
  const body = (digest.readBigUInt64BE(0) % 10n ** 12n).toString().padStart(12, "0");
  return creditorReference(body);
}

/**
 * The first valid creditor reference in free text, electronic format, or
 * undefined. People type it with or without spaces and in any case
 * ("rf47 1234 5678 9012", "RF471234567890 12"), so after `RF` and its check
 * digits the following groups are joined while the body stays within 21
 * characters, and each join whose check digits are right is a candidate.
 * When a word after the reference makes a second valid join ("RF47 1234
 * 5678 9012 2026", one chance in 97), the shape households are given (12
 * digits) wins, else the shortest.
 */
export function findCreditorReference(text: string): string | undefined {
  for (const m of text.matchAll(/(?<![0-9A-Za-z])RF\s?(\d{2})/gi)) {
    const rest = /^(?:\s?[0-9A-Za-z]+)+/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 64))?.[0] ?? "";
    const candidates: string[] = [];
    let body = "";
    for (const group of rest.trim().split(/\s+/)) {
      body += group.toUpperCase();
      if (body.length > 21) break;
      if (isValidCreditorReference(`RF${m[1]}${body}`)) candidates.push(`RF${m[1]}${body}`);
    }
    if (candidates.length) return candidates.find((c) => /^RF\d{14}$/.test(c)) ?? candidates[0];
  }
  return undefined;
}
