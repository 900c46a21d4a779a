/*
 * Bank files come as bytes: UTF-8 from newer exports (with or without a
 * byte-order mark), Windows-1252 from older ones (ING and ABN AMRO still
 * write "Naam initiërende partij" and "Café" that way). Bytes that are not
 * valid UTF-8 are read as Windows-1252, which every byte is.
 */

/** Windows-1252's characters for 0x80–0x9F, where it differs from Latin-1; the 5 unassigned bytes keep their Latin-1 meaning. */
const cp1252High =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** The file's text and the encoding it was read in. A leading byte-order mark is dropped. */
export function decodeBankFile(bytes: Uint8Array): { text: string; encoding: "utf-8" | "windows-1252" } {
  try {
    return { text: utf8.decode(bytes), encoding: "utf-8" };
  } catch {
    let text = "";
    // in slices, so that a large file does not build one character at a time
    for (let start = 0; start < bytes.length; start += 8192) {
      const chars: string[] = [];
      for (const byte of bytes.subarray(start, start + 8192)) chars.push(byte >= 0x80 && byte < 0xa0 ? cp1252High[byte - 0x80]! : String.fromCharCode(byte));
      text += chars.join("");
    }
    return { text, encoding: "windows-1252" };
  }
}
