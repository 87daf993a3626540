/** Sheet → the answer key as JSON text (`--format json`): 2-space indented, one trailing newline, keys in a fixed order. */
import type { Sheet } from '../exercises/sheet.js';
import { keyToJson } from '../exercises/serialize.js';

export function renderJson(sheet: Sheet): string {
  return `${JSON.stringify(keyToJson(sheet), null, 2)}\n`;
}
