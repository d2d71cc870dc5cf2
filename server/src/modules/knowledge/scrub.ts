// Removing personal data from a ticket's text before it becomes a case others read (DOMAIN.md §11), pure.
// Rules, in order: the known name and address of this ticket's customer, then patterns — ID-card numbers before phone
// numbers (a phone number hides inside an ID number), bank cards, e-mail, landlines, house numbers, honorifics.
// Compound and product names stay: they are what makes a case findable.

export interface KnownPersonalData {
  names?: (string | null | undefined)[];
  addresses?: (string | null | undefined)[];
}

const RULES: [RegExp, string][] = [
  // 18-digit resident ID, last digit may be X; 15-digit old IDs
  [/(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])/g, '[证件号]'],
  [/(?<![0-9])[1-9][0-9]{14}(?![0-9])/g, '[证件号]'],
  // bank cards: 16–19 digits, possibly in groups of four
  [/(?<![0-9])[0-9]{4}(?:[ -]?[0-9]{4}){3}(?:[ -]?[0-9]{1,3})?(?![0-9])/g, '[卡号]'],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[邮箱]'],
  // mobiles, with or without +86 and separators
  [/(?:\+?86[ -]?)?(?<![0-9])1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])/g, '[电话]'],
  // landlines: 0750-1234567, (0750)1234567, 075012345678
  [/(?:\(0[0-9]{2,3}\)|(?<![0-9])0[0-9]{2,3}-?)[2-9][0-9]{6,7}(?![0-9])/g, '[电话]'],
  // house numbers: 3栋2单元501室, 12号楼1203, 5幢 (a bare 号 is left: 11月3号 is a date)
  [
    /[0-9一二三四五六七八九十百零]+\s*(?:号楼|栋|幢|座|单元|楼|层|室|房)(?:\s*[0-9一二三四五六七八九十百零]+\s*(?:号楼|栋|幢|座|单元|楼|层|室|号|房)?)*/g,
    '[门牌]',
  ],
  // 王先生 → 某先生; Mr Smith → Mr X
  [/[\u4e00-\u9fa5](?=先生|女士|小姐|阿姨|师傅)/g, '某'],
  [/\b(Mr|Mrs|Ms|Miss)\.?\s+[A-Z][a-z]+/g, '$1 X'],
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function scrubPersonalData(text: string, known: KnownPersonalData = {}): string {
  let out = text;
  // the longest first, so a full address goes before a part of it
  const addresses = (known.addresses ?? []).filter((a): a is string => !!a && a.trim().length >= 2).sort((a, b) => b.length - a.length);
  for (const a of addresses) out = out.replace(new RegExp(escapeRegExp(a.trim()), 'g'), '[地址]');
  for (const [re, to] of RULES) out = out.replace(re, to);
  // a name last: after the rules no digit of it can survive inside a replaced number
  for (const n of known.names ?? []) if (n && n.trim().length >= 2) out = out.replace(new RegExp(escapeRegExp(n.trim()), 'g'), '[客户]');
  return out;
}
