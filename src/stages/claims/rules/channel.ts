/**
 * Channel detection: Telegram, video address, interview, statement, social media, briefing — only when the
 * words of the attribution say so.
 */
import { lexicon } from './lexicon.js';

/** The channel named in `text` (the attribution outside its content), or undefined. */
export function findChannel(text: string): string | undefined {
  const lower = ` ${text.toLowerCase().replace(/’/g, "'").replace(/\.(?!\p{L})/gu, ' ').replace(/[^\p{L}\p{N}'.]+/gu, ' ')} `;
  for (const c of lexicon.channels) {
    for (const p of c.phrases) if (lower.includes(` ${p} `)) return c.channel;
  }
  return undefined;
}
