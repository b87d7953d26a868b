/** Reads server-sent events from a response body in tests: the next event that matches, within a bounded wait. */

/** One parsed event. */
export interface SseEvent {
  readonly id?: string;
  readonly event?: string;
  readonly data: string;
}

/** A reader of one stream's events. */
export class SseReader {
  private buffer = '';
  private readonly decoder = new TextDecoder();
  readonly events: SseEvent[] = [];
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  /** Reads until an event satisfies `match` (or `waitMs` passes: then throws, saying what arrived). */
  async next(match: (e: SseEvent) => boolean = () => true, waitMs = 20_000): Promise<SseEvent> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const found = this.take(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching event within ${waitMs} ms; got ${JSON.stringify(this.events)}`);
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        this.reader.read(),
        new Promise<'late'>((done) => (timer = setTimeout(() => done('late'), left))),
      ]);
      clearTimeout(timer);
      if (chunk === 'late') continue;
      if (chunk.done) throw new Error(`the stream ended; got ${JSON.stringify(this.events)}`);
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
      this.parse();
    }
  }

  /** Stops reading (the client goes away). */
  cancel(): Promise<void> {
    return this.reader.cancel();
  }

  private consumed = 0;

  private take(match: (e: SseEvent) => boolean): SseEvent | undefined {
    while (this.consumed < this.events.length) {
      const e = this.events[this.consumed++];
      if (match(e)) return e;
    }
    return undefined;
  }

  private parse(): void {
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) !== -1) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const fields: Record<string, string[]> = {};
      for (const line of block.split('\n')) {
        if (!line || line.startsWith(':')) continue;
        const at = line.indexOf(':');
        const key = at === -1 ? line : line.slice(0, at);
        const value = at === -1 ? '' : line.slice(at + 1).replace(/^ /, '');
        (fields[key] ??= []).push(value);
      }
      if (!fields.data) continue;
      this.events.push({ id: fields.id?.[0], event: fields.event?.[0], data: fields.data.join('\n') });
    }
  }
}
