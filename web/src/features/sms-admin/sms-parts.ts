// How many messages a text costs the customer's phone, by the rule the server splits with: the GSM default
// alphabet fits 160 in one and 153 per part; anything else (Chinese) goes as UCS-2, 70 in one and 67 per part.
const GSM_SAFE = /^[A-Za-z0-9 \r\n!"#%&'()*+,\-./:;<=>?]*$/;

export function smsParts(text: string): number {
  // a placeholder counts as what usually fills it (a ticket number is 16 characters), not as its braces
  text = text.replace(/\{\w+\}/g, 'x'.repeat(16));
  const gsm = GSM_SAFE.test(text);
  const [single, part] = gsm ? [160, 153] : [70, 67];
  if (text.length <= single) return 1;
  return Math.ceil(text.length / part);
}

// Templates in the order an administrator thinks of them: the notifications first, then the command replies.
const ORDER = [
  'accepted',
  'replied',
  'answered',
  'progress',
  'filed',
  'info_added',
  'no_open',
  'help',
  'survey_recorded',
  'survey_already',
  'survey_expired',
  'unavailable',
];

export function sortTemplates<T extends { key: string; language: string }>(items: T[]): T[] {
  const rank = (k: string) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
  return [...items].sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key) || (a.language === 'zh-CN' ? -1 : 1));
}
