import type { TextPiece } from '@shared/contracts/search';

/** Text with the search's matches in `<mark>`: pieces are rendered as text, never as HTML. */
export function Highlighted({ pieces, fallback }: { pieces: TextPiece[]; fallback?: string }) {
  if (pieces.length === 0) {
    return <>{fallback ?? ''}</>;
  }
  return (
    <>
      {pieces.map((piece, i) =>
        piece.match ? (
          <mark key={i} className="ic-mark">
            {piece.text}
          </mark>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </>
  );
}
