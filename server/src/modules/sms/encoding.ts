// How a text becomes SMS parts. GSM 7-bit fits 160 characters in one message and 153 per part when split (the
// concatenation header takes the rest); anything else, Chinese included, goes as UCS-2: 70 in one, 67 per part.

/** One short message on the wire: its payload and, when split, its concatenation header. */
export interface SmsPart {
  /** 0: default alphabet (sent as one octet per character), 8: UCS-2 big-endian */
  dataCoding: 0 | 8;
  /** user data header (concatenation), present only when the text needed several parts */
  udh: Buffer | null;
  payload: Buffer;
  index: number;
  total: number;
}

// Characters that are the same in ASCII and the GSM 03.38 default alphabet, so they can go one octet each.
const GSM_SAFE = /^[A-Za-z0-9 \r\n!"#%&'()*+,\-./:;<=>?]*$/;

export const isGsmText = (text: string) => GSM_SAFE.test(text);

export const limits = (gsm: boolean) => (gsm ? { single: 160, part: 153 } : { single: 70, part: 67 });

/** UTF-16 code units, never cutting a surrogate pair in two (an emoji stays whole in one part). */
function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

export function encodeUcs2(text: string): Buffer {
  const b = Buffer.alloc(text.length * 2);
  for (let i = 0; i < text.length; i++) b.writeUInt16BE(text.charCodeAt(i), i * 2);
  return b;
}

export function decodeUcs2(b: Buffer): string {
  let s = '';
  for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode(b.readUInt16BE(i));
  return s;
}

/** IEI 0x00: concatenated short messages, 8-bit reference number. */
export const concatenationHeader = (reference: number, total: number, index: number) =>
  Buffer.from([0x05, 0x00, 0x03, reference & 0xff, total, index]);

/** The parts of one text; `reference` ties them together on the handset (take it from the outbox id). */
export function splitMessage(text: string, reference: number): SmsPart[] {
  const gsm = isGsmText(text);
  const { single, part } = limits(gsm);
  const dataCoding = gsm ? 0 : 8;
  const encode = (s: string) => (gsm ? Buffer.from(s, 'latin1') : encodeUcs2(s));
  if (text.length <= single) return [{ dataCoding, udh: null, payload: encode(text), index: 1, total: 1 }];
  const pieces = chunks(text, part);
  if (pieces.length > 255) throw new Error('message too long for concatenation');
  return pieces.map((p, i) => ({
    dataCoding,
    udh: concatenationHeader(reference, pieces.length, i + 1),
    payload: encode(p),
    index: i + 1,
    total: pieces.length,
  }));
}

/** The text of an inbound message body, whatever the coding; a concatenation header is skipped. */
export function decodeText(body: Buffer, dataCoding: number, hasUdh: boolean): string {
  const content = hasUdh && body.length > 0 ? body.subarray(body[0]! + 1) : body;
  if (dataCoding === 8) return decodeUcs2(content);
  if (dataCoding === 15) return new TextDecoder('gbk').decode(content);
  return content.toString('latin1');
}
