/*
 * A small XML reader for bank statements (camt.053), written here because
 * the statement reader ships in a Lambda with a 400 kB budget and needs
 * only elements, attributes, text and namespaces. It reads well-formed
 * XML 1.0: the prolog, comments, processing instructions, CDATA sections,
 * the five predefined entities and character references, namespace
 * prefixes and default namespaces. It refuses a DOCTYPE (a bank statement
 * has none, and refusing it rules out entity-expansion attacks) and any
 * file that is not well-formed, naming the line. Its output is checked in
 * the tests against files that libxml2 validates against the official XSDs.
 */

export interface XmlElement {
  /** The local name, without prefix. */
  name: string;
  /** The namespace URI ("" when none). */
  ns: string;
  /** Attributes by their name as written (prefix included), values decoded. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (CDATA included), entities decoded; its children's text is not in it. */
  text: string;
  /** The 1-based line its start tag is on. */
  line: number;
}

export class XmlError extends Error {
  constructor(
    message: string,
    public readonly line: number,
  ) {
    super(`${message} (line ${line})`);
    this.name = "XmlError";
  }
}

const predefined: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Whether text[from, to) is only XML white space. */
function blank(text: string, from: number, to: number) {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return false;
  }
  return true;
}

function decodeEntities(raw: string, lineOf: () => number): string {
  if (!raw.includes("&")) return raw;
  return raw.replace(/&([^;&\s]{0,12});?/g, (whole, ref: string) => {
    if (!whole.endsWith(";")) throw new XmlError(`A bare "&" (write &amp;)`, lineOf());
    if (ref in predefined) return predefined[ref]!;
    const code = /^#x[0-9a-fA-F]{1,6}$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]{1,7}$/.test(ref) ? Number(ref.slice(1)) : NaN;
    const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0x10ffff && (code < 0xfffe || code > 0xffff));
    if (!allowed) throw new XmlError(`An unknown entity or character reference "&${ref};"`, lineOf());
    return String.fromCodePoint(code);
  });
}

const startTag = /<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const attribute = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const xmlName = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;

/** Shared by every element without attributes or children, so that a large file makes fewer objects to collect. */
const noAttributes: Record<string, string> = Object.freeze({}) as Record<string, string>;
const noChildren: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];

interface Open {
  element: XmlElement;
  qname: string;
  scope: Map<string, string>;
}

/** Reads a whole document and gives its root element; throws XmlError with a line number when it is not well-formed. */
export function parseXML(text: string): XmlElement {
  let pos = 0;
  let line = 1;
  let counted = 0; // newlines counted up to here
  const lineAt = (at: number) => {
    for (let i = text.indexOf("\n", counted); i !== -1 && i < at; i = text.indexOf("\n", i + 1)) line++;
    counted = Math.max(counted, at);
    return line;
  };
  const stack: Open[] = [];
  const knownNames = new Set<string>();
  let root: XmlElement | undefined;
  const endOf = (token: string, from: number, what: string) => {
    const end = text.indexOf(token, from);
    if (end === -1) throw new XmlError(`An unclosed ${what}`, lineAt(from));
    return end;
  };

  while (pos < text.length) {
    const lt = text.indexOf("<", pos);
    const to = lt === -1 ? text.length : lt;
    if (to > pos && !blank(text, pos, to)) {
      const top = stack[stack.length - 1];
      if (!top) throw new XmlError("Text outside the root element", lineAt(pos));
      top.element.text += decodeEntities(text.slice(pos, to), () => lineAt(pos));
    } else if (to > pos && stack[stack.length - 1]?.element.text) {
      // white space only counts between pieces of text; indentation between elements is dropped
      stack[stack.length - 1]!.element.text += text.slice(pos, to);
    }
    if (lt === -1) break;
    const next = text.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      if (text.startsWith("<!--", lt)) pos = endOf("-->", lt + 4, "comment") + 3;
      else if (text.startsWith("<![CDATA[", lt)) {
        const end = endOf("]]>", lt + 9, "CDATA section");
        const top = stack[stack.length - 1];
        if (!top) throw new XmlError("A CDATA section outside the root element", lineAt(lt));
        top.element.text += text.slice(lt + 9, end);
        pos = end + 3;
      } else throw new XmlError("A DOCTYPE or declaration, which a bank statement never has", lineAt(lt));
    } else if (next === 0x3f /* ? */) {
      pos = endOf("?>", lt + 2, "processing instruction") + 2;
    } else if (next === 0x2f /* / */) {
      const end = endOf(">", lt + 2, "end tag");
      const open = stack.pop();
      // compared in place: most end tags match, and slicing each one costs a string
      if (!open || end - lt - 2 < open.qname.length || !text.startsWith(open.qname, lt + 2) || !blank(text, lt + 2 + open.qname.length, end)) {
        const qname = text.slice(lt + 2, end).trim();
        throw new XmlError(`</${qname}> closes ${open ? `<${open.qname}>` : "nothing"}`, lineAt(lt));
      }
      pos = end + 1;
    } else {
      const at = lineAt(lt);
      let nameEnd = lt + 1;
      for (let c = text.charCodeAt(nameEnd); nameEnd < text.length && c !== 0x3e && c !== 0x2f && c > 0x20; c = text.charCodeAt(++nameEnd));
      const qname = text.slice(lt + 1, nameEnd);
      let attributes = "";
      let selfClosing = false;
      if (text.charCodeAt(nameEnd) === 0x3e) pos = nameEnd + 1; // <Nm>: the common case, without the regular expression
      else if (text.startsWith("/>", nameEnd)) {
        selfClosing = true;
        pos = nameEnd + 2;
      } else {
        startTag.lastIndex = lt;
        const m = startTag.exec(text);
        if (!m) throw new XmlError("A malformed start tag", at);
        attributes = m[2] ?? "";
        selfClosing = !!m[3];
        pos = startTag.lastIndex;
      }
      if (!knownNames.has(qname)) {
        if (!xmlName.test(qname)) throw new XmlError(`A malformed element name "${qname.slice(0, 40)}"`, at);
        knownNames.add(qname);
      }
      if (stack.length === 0 && root) throw new XmlError("A second root element", at);
      const parent = stack[stack.length - 1];
      let scope = parent?.scope ?? new Map<string, string>();
      const attrs: Record<string, string> = attributes ? {} : noAttributes;
      for (const a of attributes ? attributes.matchAll(attribute) : []) {
        const name = a[1]!;
        if (name in attrs) throw new XmlError(`The attribute ${name} twice`, at);
        const value = decodeEntities(a[2] ?? a[3] ?? "", () => at);
        attrs[name] = value;
        if (name === "xmlns" || name.startsWith("xmlns:")) {
          if (scope === parent?.scope || !parent) scope = new Map(scope);
          scope.set(name === "xmlns" ? "" : name.slice(6), value);
        }
      }
      const colon = qname.indexOf(":");
      const prefix = colon === -1 ? "" : qname.slice(0, colon);
      const ns = scope.get(prefix);
      if (prefix && ns === undefined) throw new XmlError(`The namespace prefix "${prefix}" is not declared`, at);
      const element: XmlElement = { name: colon === -1 ? qname : qname.slice(colon + 1), ns: ns ?? "", attrs, children: noChildren, text: "", line: at };
      if (parent) {
        if (parent.element.children === noChildren) parent.element.children = [];
        parent.element.children.push(element);
      }
      else root = element;
      if (!selfClosing) stack.push({ element, qname, scope });
    }
  }
  if (stack.length) throw new XmlError(`<${stack[stack.length - 1]!.qname}> is never closed`, lineAt(text.length));
  if (!root) throw new XmlError("No root element", lineAt(text.length));
  return root;
}

/** The first child element with this local name in the parent's namespace. */
export function child(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  return parent?.children.find((c) => c.name === name && c.ns === parent.ns);
}

/** All child elements with this local name in the parent's namespace. */
export function children(parent: XmlElement | undefined, name: string): XmlElement[] {
  return parent ? parent.children.filter((c) => c.name === name && c.ns === parent.ns) : [];
}

/** The element at a path of local names ("RltdPties/Dbtr/Nm"), first match at each step. */
export function at(element: XmlElement | undefined, path: string): XmlElement | undefined {
  let steps = paths.get(path);
  if (!steps) paths.set(path, (steps = path.split("/")));
  let current = element;
  for (const step of steps) current = child(current, step);
  return current;
}

/** Paths split once: the statement reader asks the same few dozen for every entry. */
const paths = new Map<string, string[]>();

/** The trimmed text at a path, or undefined when the element is missing or empty. */
export function textAt(element: XmlElement | undefined, path: string): string | undefined {
  const found = at(element, path)?.text.trim();
  return found ? found : undefined;
}
