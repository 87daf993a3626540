/**
 * What a mistake's seal holds: a variant's diagnosis as JSON, or, for an extra or missing piece
 * (a few thousand on a sheet, so kept short), one digit for the kind and the piece in Unicode; the
 * page words it with the checker's own sentence (src/check/analysis.ts pieceMessage).
 */
import { pieceMessage, type PieceId } from '../check/analysis.js';
import type { Diagnosis, MistakeId } from '../check/types.js';

export const PIECE_KINDS: readonly PieceId[] = ['extra-factor', 'missing-factor', 'extra-term', 'missing-term'];

export const diagnosisPayload = (d: Diagnosis): string => JSON.stringify({ id: d.id, message: d.message });

export const piecePayload = (id: PieceId, text: string): string => `${PIECE_KINDS.indexOf(id)}${text}`;

export function openPayload(payload: string): Diagnosis | undefined {
  if (!payload.startsWith('{')) {
    const kind = PIECE_KINDS[Number(payload[0])];
    return kind === undefined ? undefined : pieceMessage(kind, payload.slice(1));
  }
  const d: unknown = JSON.parse(payload);
  if (typeof d !== 'object' || d === null) return undefined;
  const { id, message } = d as { id?: unknown; message?: unknown };
  return typeof id === 'string' && typeof message === 'string' ? { id: id as MistakeId, message } : undefined;
}
