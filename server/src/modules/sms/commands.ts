// What a customer's message asks for. Pure: the keywords come from the admin-edited table, the service number
// from configuration. A survey answer is matched by the number it was sent to (service number + the survey's
// extension), never guessed from the text.

export type CommandName = 'progress' | 'add_info' | 'file';
export const CommandNames: readonly CommandName[] = ['progress', 'add_info', 'file'];

export type ParsedCommand =
  | { kind: 'progress' }
  | { kind: 'add_info'; text: string }
  | { kind: 'file'; text: string }
  | { kind: 'survey'; score: number; replyCode: string | null }
  | { kind: 'help' };

/** Full-width letters, digits and spaces (as Chinese input methods type them) become their ASCII forms. */
export const normalise = (s: string) =>
  s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();

const isLatin = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);

export function parseCommand(
  raw: string,
  keywords: { command: CommandName; keyword: string }[],
  to: string,
  serviceNumber: string,
): ParsedCommand {
  const text = normalise(raw);
  if (/^[1-5]$/.test(text)) {
    const extension = to.startsWith(serviceNumber) ? to.slice(serviceNumber.length) : '';
    return { kind: 'survey', score: Number(text), replyCode: extension || null };
  }
  const upper = text.toUpperCase();
  // the longest keyword first, so 投诉进度 could be told from 投诉 if an administrator adds it
  for (const k of [...keywords].sort((a, b) => b.keyword.length - a.keyword.length)) {
    const kw = normalise(k.keyword).toUpperCase();
    if (!kw || !upper.startsWith(kw)) continue;
    // a Latin keyword must end at a word boundary: "BC" is not the start of "BCD"
    if (isLatin(kw.at(-1)) && isLatin(upper[kw.length])) continue;
    const rest = text
      .slice(kw.length)
      .replace(/^[\s:：,，.。+＋-]+/, '')
      .trim();
    if (k.command === 'progress') return rest === '' ? { kind: 'progress' } : { kind: 'help' };
    return rest === '' ? { kind: 'help' } : { kind: k.command, text: rest };
  }
  return { kind: 'help' };
}

/** {name} placeholders filled in; an unknown one is left as it is, so a typo shows rather than vanishes. */
export const fillTemplate = (template: string, vars: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);

/** The customer's number as stored: a leading +86 or 86 on an 11-digit mobile number is dropped. */
export const localPhone = (from: string) => {
  const digits = from.replace(/^\+/, '');
  return /^86(1[3-9][0-9]{9})$/.test(digits) ? digits.slice(2) : digits;
};
