/**
 * A text view: the readable text of a document (for HTML, the decoded text of its main content)
 * together with a map from every view offset back to the input as read.
 *
 * Stages match patterns on `view.text` and report spans through {@link TextView.span}, so that
 * reported offsets always index the input. For plain text the view is the input itself.
 */
import { makeSpan, type Span } from './span.js';

/** One piece of the map: view range `[v, v + vLen)` comes from input range `[i, i + iLen)`. */
export interface ViewPiece {
  /** Start in the view text. */
  readonly v: number;
  /** Start in the input. */
  readonly i: number;
  /** Length in the view. */
  readonly vLen: number;
  /**
   * Length in the input. Equal to `vLen` for verbatim text (mapped unit by unit); otherwise the piece is
   * atomic (a decoded entity such as `&amp;`, or a separator standing for markup) and maps as a whole.
   */
  readonly iLen: number;
}

/** Readable text plus its map back to the input. Immutable. */
export class TextView {
  readonly text: string;
  readonly input: string;
  private readonly pieces: readonly ViewPiece[];

  private constructor(input: string, text: string, pieces: readonly ViewPiece[]) {
    this.input = input;
    this.text = text;
    this.pieces = pieces;
  }

  /** The identity view: the view text is the input. */
  static identity(input: string): TextView {
    return new TextView(input, input, input.length ? [{ v: 0, i: 0, vLen: input.length, iLen: input.length }] : []);
  }

  /** Builds a view from pieces in view order (see {@link TextViewBuilder}). */
  static fromPieces(input: string, text: string, pieces: readonly ViewPiece[]): TextView {
    return new TextView(input, text, pieces);
  }

  /**
   * A view again from its fields after structured cloning (a worker thread's message), which keeps the fields of
   * a class instance but not its methods.
   */
  static revive(view: TextView): TextView {
    if (view instanceof TextView) return view;
    const v = view as unknown as { input: string; text: string; pieces: readonly ViewPiece[] };
    return new TextView(v.input, v.text, v.pieces);
  }

  /** True when the view text is the input unchanged. */
  get isIdentity(): boolean {
    return this.text === this.input;
  }

  private pieceAt(v: number): ViewPiece | undefined {
    const p = this.pieces;
    let lo = 0;
    let hi = p.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const piece = p[mid];
      if (v < piece.v) hi = mid - 1;
      else if (v >= piece.v + piece.vLen) lo = mid + 1;
      else return piece;
    }
    return undefined;
  }

  /** Input offset where the view unit at `v` starts. */
  toInputStart(v: number): number {
    if (this.isIdentity) return v;
    const piece = this.pieceAt(v) ?? this.pieceAt(v - 1);
    if (!piece) return v >= this.text.length ? this.input.length : 0;
    if (v >= piece.v + piece.vLen) return piece.i + piece.iLen;
    return piece.vLen === piece.iLen ? piece.i + (v - piece.v) : piece.i;
  }

  /** Input offset just after the view unit at `v - 1` (the end of a half-open range ending at `v`). */
  toInputEnd(v: number): number {
    if (this.isIdentity) return v;
    if (v <= 0) return this.toInputStart(0);
    const piece = this.pieceAt(v - 1);
    if (!piece) return this.input.length;
    return piece.vLen === piece.iLen ? piece.i + (v - piece.v) : piece.i + piece.iLen;
  }

  /** A span of the input covering the view range `[vStart, vEnd)`. */
  span(vStart: number, vEnd: number, rule: string): Span {
    const start = this.toInputStart(vStart);
    const end = Math.max(start, this.toInputEnd(vEnd));
    return makeSpan(this.input, start, end, rule);
  }

  /** View offset of an input offset (the first view unit at or after it); for mapping input spans into the view. */
  toView(i: number): number {
    if (this.isIdentity) return i;
    const p = this.pieces;
    let lo = 0;
    let hi = p.length - 1;
    let best = this.text.length;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const piece = p[mid];
      if (i < piece.i) {
        best = piece.v;
        hi = mid - 1;
      } else if (i >= piece.i + piece.iLen) lo = mid + 1;
      else return piece.vLen === piece.iLen ? piece.v + (i - piece.i) : piece.v;
    }
    return best;
  }
}

/** Builds a {@link TextView} piece by piece, in input order. */
export class TextViewBuilder {
  private readonly parts: string[] = [];
  private readonly pieces: ViewPiece[] = [];
  private length = 0;

  constructor(private readonly input: string) {}

  /** Appends input `[start, end)` verbatim. */
  verbatim(start: number, end: number): this {
    if (end > start) {
      this.parts.push(this.input.slice(start, end));
      this.pieces.push({ v: this.length, i: start, vLen: end - start, iLen: end - start });
      this.length += end - start;
    }
    return this;
  }

  /** Appends `text` standing for input `[start, end)` as a whole (a decoded entity, a separator for markup). */
  replaced(text: string, start: number, end: number): this {
    if (text.length) {
      this.parts.push(text);
      // A replacement of equal length would be read as verbatim; keep it atomic by mapping with iLen !== vLen
      // only when lengths differ, otherwise it is harmless to map unit by unit.
      this.pieces.push({ v: this.length, i: start, vLen: text.length, iLen: end - start });
      this.length += text.length;
    }
    return this;
  }

  /** The current view length. */
  get size(): number {
    return this.length;
  }

  /** The last character appended, or '' when empty. */
  get lastChar(): string {
    const last = this.parts[this.parts.length - 1];
    return last ? last[last.length - 1] : '';
  }

  build(): TextView {
    return TextView.fromPieces(this.input, this.parts.join(''), this.pieces);
  }
}
