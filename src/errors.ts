/**
 * Errors caused by input (an expression, a spec, a roster, a flag). The CLI prints their one-line
 * message and exits 2; anything else is a bug and is reported as one.
 */
export class InputError extends Error {
  override readonly name: string = 'InputError';
}

/** An error at a column of a one-line input; the message starts with "column N: ". */
export class ParseError extends InputError {
  override readonly name = 'ParseError';
  constructor(
    readonly column: number,
    readonly reason: string,
  ) {
    super(`column ${column}: ${reason}`);
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
