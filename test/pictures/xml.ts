/**
 * A strict little XML reader for the pictures' tests (no XML parser is a dependency): elements,
 * double-quoted attributes, text and the five predefined entities. It throws on anything not
 * well-formed: unclosed or crossed tags, a bare '&' or '<' in text, duplicate attributes.
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text, entities decoded. */
  readonly text: string;
  /** Its text and child elements in document order. */
  readonly content: readonly (string | XmlElement)[];
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string, at: number): string {
  if (/<|&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(s)) throw new Error(`bad character data near offset ${at}: ${s.slice(0, 40)}`);
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITY[e],
  );
}

export function parseXml(src: string): XmlElement {
  let i = 0;
  // Sticky regexes match at i without copying the rest of the text (slice would make this O(n²)).
  const sticky = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = i;
    return re.exec(src);
  };
  const skipSpace = (): void => {
    while (i < src.length && /\s/.test(src[i])) i++;
  };
  const element = (): XmlElement => {
    if (src[i] !== '<') throw new Error(`expected '<' at ${i}`);
    const m = sticky(/<([A-Za-z][\w:.-]*)/y);
    if (!m) throw new Error(`bad tag name at ${i}`);
    const name = m[1];
    i += m[0].length;
    const attrs: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (src.startsWith('/>', i)) {
        i += 2;
        return { name, attrs, children: [], text: '', content: [] };
      }
      if (src[i] === '>') {
        i++;
        break;
      }
      const a = sticky(/([A-Za-z_][\w:.-]*)="([^"<]*)"/y);
      if (!a) throw new Error(`bad attribute in <${name}> at ${i}: ${src.slice(i, i + 30)}`);
      if (a[1] in attrs) throw new Error(`duplicate attribute ${a[1]} in <${name}>`);
      attrs[a[1]] = decode(a[2], i);
      i += a[0].length;
    }
    const children: XmlElement[] = [];
    const content: (string | XmlElement)[] = [];
    let text = '';
    for (;;) {
      const lt = src.indexOf('<', i);
      if (lt < 0) throw new Error(`<${name}> is not closed`);
      const piece = decode(src.slice(i, lt), i);
      text += piece;
      if (piece !== '') content.push(piece);
      i = lt;
      if (src.startsWith('</', i)) {
        const close = `</${name}>`;
        if (!src.startsWith(close, i)) throw new Error(`expected ${close} at ${i}, found ${src.slice(i, i + 20)}`);
        i += close.length;
        return { name, attrs, children, text, content };
      }
      const child = element();
      children.push(child);
      content.push(child);
    }
  };
  skipSpace();
  const root = element();
  skipSpace();
  if (i !== src.length) throw new Error(`content after the root element at ${i}`);
  return root;
}

/** All the text inside an element, its children's included, in document order (the DOM's textContent). */
export function textContent(e: XmlElement): string {
  return e.content.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}

export function* walk(e: XmlElement): Generator<XmlElement> {
  yield e;
  for (const c of e.children) yield* walk(c);
}

/** Every number in every geometric attribute, which must all be finite. */
export function coordinates(root: XmlElement): number[] {
  const geometric = ['x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'points', 'd', 'viewBox', 'font-size', 'stroke-width'];
  const out: number[] = [];
  for (const e of walk(root)) {
    for (const k of geometric) {
      const v = e.attrs[k];
      if (v === undefined) continue;
      for (const t of v.match(/[-+]?[^\s,MLHVZmlhvz]+/g) ?? []) out.push(Number(t));
    }
  }
  return out;
}
