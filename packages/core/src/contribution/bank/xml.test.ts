import { describe, expect, it } from "vitest";
import { at, children, parseXML, textAt, XmlError } from "./xml";

describe("the small XML reader", () => {
  it("reads elements, attributes, text, entities, CDATA and comments", () => {
    const root = parseXML(`<?xml version="1.0" encoding="UTF-8"?>
<!-- a statement -->
<Document xmlns="urn:x" a='1 &amp; 2'>
  <Nm>Mulder &amp; Zn &lt;BV&gt; &#233;&#xEB; &quot;x&quot; &apos;y&apos;</Nm>
  <Ustrd>Factuur <![CDATA[<b>& zaad</b>]]> 118<!-- hidden --></Ustrd>
  <Empty/>
  <Empty />
</Document>`);
    expect(root.name).toBe("Document");
    expect(root.ns).toBe("urn:x");
    expect(root.attrs.a).toBe("1 & 2");
    expect(textAt(root, "Nm")).toBe(`Mulder & Zn <BV> éë "x" 'y'`);
    expect(textAt(root, "Ustrd")).toBe("Factuur <b>& zaad</b> 118");
    expect(children(root, "Empty")).toHaveLength(2);
    expect(at(root, "Nm")?.line).toBe(4);
  });

  it("resolves namespace prefixes and default namespaces, and matches children in their parent's namespace", () => {
    const root = parseXML(`<c:Document xmlns:c="urn:camt" xmlns:o="urn:other"><c:A><c:B>1</c:B><o:B>2</o:B></c:A><A xmlns="urn:camt"><B>3</B></A></c:Document>`);
    expect(root.name).toBe("Document");
    expect(root.ns).toBe("urn:camt");
    expect(textAt(root, "A/B")).toBe("1");
    expect(children(root, "A").map((a) => textAt(a, "B"))).toEqual(["1", "3"]);
  });

  it("refuses what is not well-formed, naming the line", () => {
    const cases: [string, RegExp, number][] = [
      ["<a>\n<b></a>", /<\/a> closes <b>/, 2],
      ["<a>\n\n<b>", /never closed/, 3],
      ["<a>&nbsp;</a>", /unknown entity/, 1],
      ["<a>1 & 2</a>", /bare "&"/, 1],
      ['<!DOCTYPE a [<!ENTITY x "xx">]>\n<a>&x;</a>', /DOCTYPE/, 1],
      ["<a>\n<x:b/></a>", /prefix "x" is not declared/, 2],
      ["<a/><b/>", /second root/, 1],
      ["<a>\n<!-- open", /unclosed comment/, 2],
      ["<a b=1></a>", /malformed start tag/, 1],
      ["text", /outside the root/, 1],
      ["", /No root/, 1],
      ["<a c='1' c='2'/>", /attribute c twice/, 1],
    ];
    for (const [xml, message, line] of cases) {
      const error = (() => {
        try {
          parseXML(xml);
        } catch (e) {
          return e;
        }
      })();
      expect(error, xml).toBeInstanceOf(XmlError);
      expect((error as XmlError).message, xml).toMatch(message);
      expect((error as XmlError).line, xml).toBe(line);
    }
  });
});
