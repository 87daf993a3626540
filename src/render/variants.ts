/**
 * Variant ids for per-student builds: `--variants 30` → 01 … 30; `--roster class.csv` → one
 * variant per student, its id the `id` column or a slug of the name (Ada Lovelace → ada-lovelace).
 * Pure; errors are InputErrors that name `file:line` and the column.
 */
import anyAscii from 'any-ascii';
import { InputError } from '../errors.js';
import { counted } from '../plural.js';
import type { Variant } from '../exercises/sheet.js';

/** More sheets than this is almost certainly a typo (a class of 1000 still fits). */
export const MAX_VARIANTS = 1000;

export function numberedVariants(count: number): Variant[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_VARIANTS) {
    throw new InputError(`--variants: expected a whole number from 1 to ${MAX_VARIANTS}, got ${count}`);
  }
  const width = Math.max(2, String(count).length);
  return Array.from({ length: count }, (_, i) => ({ id: String(i + 1).padStart(width, '0') }));
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * `Zoë O'Neil` → `zoe-o-neil`, `Łukasz Żółć` → `lukasz-zolc`, `Александр Пушкин` →
 * `aleksandr-pushkin`, `李雷` → `lilei`: the name transliterated to ASCII (any-ascii: every script,
 * not only Latin letters with marks), then letters and digits joined by single hyphens.
 */
export function slug(name: string): string {
  const whole = anyAscii(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (whole.length <= MAX_ID) return whole;
  // A very long name is cut at a hyphen: file names have a limit (255 bytes).
  const cut = whole.slice(0, MAX_ID + 1);
  return (cut.lastIndexOf('-') > 0 ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, MAX_ID)).replace(/-+$/, '');
}

/** The longest variant id: with the spec's name and "-key.interactive.html" it stays far below 255 bytes. */
export const MAX_ID = 64;

interface Row {
  readonly line: number;
  readonly fields: string[];
}

export function rosterVariants(text: string, file: string): Variant[] {
  const rows = parseCsv(text, file).filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (rows.length === 0) throw new InputError(`${file}:1: the roster is empty; it needs a header line with a 'name' column`);
  const [head, ...students] = rows;
  const columns = head.fields.map((f) => f.trim().toLowerCase());
  const nameAt = columns.indexOf('name');
  const idAt = columns.indexOf('id');
  if (nameAt < 0) throw new InputError(`${file}:${head.line}: the header has no 'name' column (found ${columns.map((c) => `'${c}'`).join(', ')})`);
  const twice = columns.find((c, i) => c !== '' && columns.indexOf(c) !== i);
  if (twice) throw new InputError(`${file}:${head.line}: the header names column '${twice}' twice`);
  if (students.length === 0) throw new InputError(`${file}:${head.line}: the roster has a header but no students`);

  const names = new Map<string, { line: number; given: boolean }>();
  const ids = new Map<string, number>();
  const variants = students.map((row) => {
    if (row.fields.length !== columns.length) {
      throw new InputError(`${file}:${row.line}: expected ${counted(columns.length, 'field')} (${columns.join(', ')}), got ${row.fields.length}`);
    }
    const name = row.fields[nameAt].trim().replace(/\s+/g, ' ');
    if (name === '') throw new InputError(`${file}:${row.line}: name: empty`);
    const given = idAt >= 0 ? row.fields[idAt].trim() : '';
    // Namesakes are welcome when each has an id of their own (the sheets print it); without, a
    // repeated name is more likely a line pasted twice.
    const key = name.toLowerCase();
    const seen = names.get(key);
    if (seen !== undefined && !(seen.given && given !== '')) {
      throw new InputError(`${file}:${row.line}: name: duplicate '${name}' (also on line ${seen.line}); for two students of one name, give each an 'id'`);
    }
    names.set(key, { line: row.line, given: given !== '' });
    if (given !== '' && !ID.test(given)) {
      throw new InputError(`${file}:${row.line}: id: '${given}' is not usable in a file name (letters, digits, - and _, starting with a letter or digit)`);
    }
    if (given.length > MAX_ID) throw new InputError(`${file}:${row.line}: id: longer than ${MAX_ID} characters`);
    const id = given || slug(name);
    if (id === '') throw new InputError(`${file}:${row.line}: name: '${name}' gives no file name; add an 'id' column for this student`);
    const clash = ids.get(id.toLowerCase());
    if (clash !== undefined) {
      throw new InputError(`${file}:${row.line}: ${given ? 'id' : 'name'}: the file id '${id}' is already used on line ${clash}; give one of them an 'id'`);
    }
    ids.set(id.toLowerCase(), row.line);
    return { id, student: name, line: row.line, given: given !== '' };
  });
  // Student "ada-key"'s sheet would have the file name of student "ada"'s key.
  for (const v of variants) {
    for (const suffix of ['key', 'interactive']) {
      const stem = v.id.toLowerCase().endsWith(`-${suffix}`) ? v.id.toLowerCase().slice(0, -suffix.length - 1) : undefined;
      const owner = stem === undefined ? undefined : ids.get(stem);
      if (owner !== undefined) {
        throw new InputError(`${file}:${v.line}: ${v.given ? 'id' : 'name'}: the file id '${v.id}' is also the file name of the ${suffix === 'key' ? 'key' : 'interactive sheet'} of line ${owner}; give one of them an 'id'`);
      }
    }
  }
  return variants.map(({ id, student }) => ({ id, student }));
}

/** RFC 4180 CSV: commas, double-quoted fields with "" for a quote, LF or CRLF; a quoted field may span lines. */
function parseCsv(text: string, file: string): Row[] {
  const rows: Row[] = [];
  const src = text.replace(/^\uFEFF/, '');
  let line = 1;
  let rowLine = 1;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let quoteLine = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
        // "Ada" Lovelace: text after the closing quote would be glued on ("Ada Lovelace"), silently.
        const rest = /^[^,\r\n]*/.exec(src.slice(i + 1))?.[0] ?? '';
        if (rest.trim() !== '') throw new InputError(`${file}:${line}: text after a closing quote (${JSON.stringify(rest.trim())}); quote the whole field, as in "${field}${rest}"`);
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field.trim() === '') {
      quoted = true;
      quoteLine = line;
      field = '';
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      line++;
      rowLine = line;
    } else {
      field += c;
    }
  }
  if (quoted) throw new InputError(`${file}:${quoteLine}: a quoted field is never closed`);
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    rows.push({ line: rowLine, fields });
  }
  return rows;
}
