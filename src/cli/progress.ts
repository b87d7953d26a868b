/**
 * Progress on a terminal: one line rewritten in place on a TTY, nothing otherwise (logs stay clean).
 */

/** A progress line on `stream`, drawn only when it is a TTY, at most ten times a second. */
export class Progress {
  private last = 0;
  private drawn = false;

  constructor(private readonly stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }) {}

  /** Redraws the line with `text` (throttled unless `force`). */
  update(text: string, force = false): void {
    if (!this.stream.isTTY) return;
    const now = Date.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const width = (this.stream.columns ?? 80) - 1;
    this.stream.write(`\r\x1b[2K${text.slice(0, width)}`);
    this.drawn = true;
  }

  /** Clears the line so that the next output starts clean. */
  done(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }
}
