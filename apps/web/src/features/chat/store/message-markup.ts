/**
 * The little markup chat messages understand, for people sharing code: inline `code` and fenced
 * blocks (```lang … ```). Everything else is plain text. The result is rendered as React text
 * nodes, never as HTML, so whatever a message holds shows exactly as typed.
 */
export type MarkupPart =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'block'; lang: string | null; text: string };

/** A fence opens at the start of a line; its info string is a language name, if anything. */
const FENCE = /(^|\n)```([^\n`]*)\n([\s\S]*?)(?:\n```(?=\n|$)|$)/g;
const LANG = /^[\w+#.-]{1,20}$/;

export function parseMarkup(source: string): MarkupPart[] {
  const parts: MarkupPart[] = [];
  let at = 0;
  for (const match of source.matchAll(FENCE)) {
    const [whole, lead, info, body] = match;
    const start = match.index + lead!.length;
    // An unclosed fence stays text: a half-typed block must not swallow the rest of the message.
    if (!whole.endsWith('```') && !/\n```$/.test(whole)) continue;
    if (start > at) parts.push(...parseInline(source.slice(at, match.index)));
    const lang = info!.trim();
    parts.push({ kind: 'block', lang: LANG.test(lang) ? lang : null, text: body! });
    at = match.index + whole.length;
  }
  if (at < source.length) parts.push(...parseInline(source.slice(at)));
  return parts;
}

/** Inline spans: a backtick run opens, the same run closes, on one line; unmatched ones are text. */
function parseInline(text: string): MarkupPart[] {
  const parts: MarkupPart[] = [];
  const pushText = (value: string) => {
    if (!value) return;
    const last = parts.at(-1);
    if (last?.kind === 'text') last.text += value;
    else parts.push({ kind: 'text', text: value });
  };
  let at = 0;
  for (const match of text.matchAll(/(`+)([^`\n]|[^`\n][\s\S]*?[^`\n]|[^`\n]+)\1(?!`)/g)) {
    const [whole, , code] = match;
    if (code!.includes('\n')) continue;
    pushText(text.slice(at, match.index));
    parts.push({ kind: 'code', text: code!.trim() || code! });
    at = match.index + whole.length;
  }
  pushText(text.slice(at));
  return parts;
}
