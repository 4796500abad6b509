import { z } from 'zod';

/** A piece of highlighted text: `match` pieces are where the query's words occur. Rendered as text, never HTML. */
export const TextPieceSchema = z.object({ text: z.string(), match: z.boolean() });
export type TextPiece = z.infer<typeof TextPieceSchema>;
