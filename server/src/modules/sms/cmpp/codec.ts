import { createHash } from 'node:crypto';

// CMPP 2.0 / 3.0 (China Mobile Peer to Peer), the SP's side of the link to the operator's SMS gateway (ISMG).
// Field sizes follow the published specifications; where the versions differ it is said next to the field.
// Every PDU: Total_Length (4) Command_Id (4) Sequence_Id (4), then the body, all integers big-endian.

export type CmppVersion = '2.0' | '3.0';
export const versionByte = (v: CmppVersion) => (v === '3.0' ? 0x30 : 0x20);

export const Command = {
  CONNECT: 0x00000001,
  CONNECT_RESP: 0x80000001,
  TERMINATE: 0x00000002,
  TERMINATE_RESP: 0x80000002,
  SUBMIT: 0x00000004,
  SUBMIT_RESP: 0x80000004,
  DELIVER: 0x00000005,
  DELIVER_RESP: 0x80000005,
  ACTIVE_TEST: 0x00000008,
  ACTIVE_TEST_RESP: 0x80000008,
} as const;

export const HEADER_LENGTH = 12;
/** Msg_Fmt: 0 ASCII, 8 UCS-2, 15 GBK */
export const MsgFmt = { ASCII: 0, UCS2: 8, GBK: 15 } as const;

/** terminal numbers: 21 octets in 2.0, 32 in 3.0 */
export const terminalSize = (v: CmppVersion) => (v === '3.0' ? 32 : 21);
/** result and status fields: 1 octet in 2.0, 4 in 3.0 (CONNECT_RESP Status, SUBMIT_RESP and DELIVER_RESP Result) */
export const resultSize = (v: CmppVersion) => (v === '3.0' ? 4 : 1);

export interface Pdu {
  commandId: number;
  sequenceId: number;
  body: Buffer;
}

export function encodePdu(commandId: number, sequenceId: number, body: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(HEADER_LENGTH);
  head.writeUInt32BE(HEADER_LENGTH + body.length, 0);
  head.writeUInt32BE(commandId, 4);
  head.writeUInt32BE(sequenceId >>> 0, 8);
  return Buffer.concat([head, body]);
}

/** Cuts a byte stream into PDUs; keeps what is left over for the next chunk. */
export function createFramer(maxLength = 4096) {
  let pending: Buffer = Buffer.alloc(0);
  return (chunk: Buffer): Pdu[] => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    const out: Pdu[] = [];
    while (pending.length >= HEADER_LENGTH) {
      const length = pending.readUInt32BE(0);
      if (length < HEADER_LENGTH || length > maxLength) throw new Error(`CMPP PDU of impossible length ${length}`);
      if (pending.length < length) break;
      out.push({
        commandId: pending.readUInt32BE(4),
        sequenceId: pending.readUInt32BE(8),
        body: Buffer.from(pending.subarray(HEADER_LENGTH, length)),
      });
      pending = pending.subarray(length);
    }
    return out;
  };
}

// ---- field writing and reading ------------------------------------------------------------------------------

class Writer {
  private chunks: Buffer[] = [];
  u8(n: number) {
    this.chunks.push(Buffer.from([n & 0xff]));
    return this;
  }
  u32(n: number) {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n >>> 0);
    this.chunks.push(b);
    return this;
  }
  /** 1 or 4 octets, as the version says */
  uN(n: number, size: number) {
    return size === 1 ? this.u8(n) : this.u32(n);
  }
  /** Octet String: fixed width, ASCII, NUL-padded on the right (cut if longer) */
  str(s: string, size: number) {
    const b = Buffer.alloc(size);
    b.write(s.slice(0, size), 'latin1');
    this.chunks.push(b);
    return this;
  }
  bytes(b: Buffer) {
    this.chunks.push(b);
    return this;
  }
  done() {
    return Buffer.concat(this.chunks);
  }
}

class Reader {
  private at = 0;
  constructor(private readonly b: Buffer) {}
  u8() {
    this.need(1);
    return this.b[this.at++]!;
  }
  u32() {
    this.need(4);
    const v = this.b.readUInt32BE(this.at);
    this.at += 4;
    return v;
  }
  uN(size: number) {
    return size === 1 ? this.u8() : this.u32();
  }
  str(size: number) {
    const raw = this.bytes(size);
    const end = raw.indexOf(0);
    return raw.subarray(0, end < 0 ? size : end).toString('latin1');
  }
  bytes(size: number) {
    this.need(size);
    const v = this.b.subarray(this.at, this.at + size);
    this.at += size;
    return Buffer.from(v);
  }
  private need(n: number) {
    if (this.at + n > this.b.length) throw new Error('CMPP body shorter than its fields');
  }
}

/** Msg_Id is 8 octets in both versions; carried as 16 hex digits. */
export const msgIdHex = (b: Buffer) => b.toString('hex');
export const msgIdBytes = (hex: string) => Buffer.from(hex.padStart(16, '0').slice(-16), 'hex');

// ---- CONNECT ------------------------------------------------------------------------------------------------

/** MMDDHHMMSS, the sender's local time */
export function cmppTimestamp(at: Date, timeZone: string): string {
  const p = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const v = (t: string) => p.find((x) => x.type === t)!.value;
  return `${v('month')}${v('day')}${v('hour')}${v('minute')}${v('second')}`;
}

/** AuthenticatorSource = MD5(Source_Addr + 9 octets of 0 + shared secret + timestamp "MMDDHHMMSS") */
export const authenticatorSource = (spId: string, secret: string, timestamp: string) =>
  createHash('md5')
    .update(Buffer.concat([Buffer.from(spId, 'latin1'), Buffer.alloc(9), Buffer.from(secret, 'latin1'), Buffer.from(timestamp, 'latin1')]))
    .digest();

/** AuthenticatorISMG = MD5(Status + AuthenticatorSource + shared secret), Status as wide as the version has it */
export function authenticatorIsmg(status: number, source: Buffer, secret: string, v: CmppVersion) {
  return createHash('md5')
    .update(Buffer.concat([new Writer().uN(status, resultSize(v)).done(), source, Buffer.from(secret, 'latin1')]))
    .digest();
}

export interface Connect {
  sourceAddr: string;
  authenticator: Buffer;
  version: number;
  timestamp: number;
}

/** Source_Addr 6, AuthenticatorSource 16, Version 1, Timestamp 4 (the same in both versions: 27 octets) */
export function encodeConnect(spId: string, secret: string, v: CmppVersion, timestamp: string): Buffer {
  return new Writer()
    .str(spId, 6)
    .bytes(authenticatorSource(spId, secret, timestamp))
    .u8(versionByte(v))
    .u32(Number(timestamp))
    .done();
}

export function decodeConnect(body: Buffer): Connect {
  const r = new Reader(body);
  return { sourceAddr: r.str(6), authenticator: r.bytes(16), version: r.u8(), timestamp: r.u32() };
}

/** Status 1 (2.0) or 4 (3.0), AuthenticatorISMG 16, Version 1 */
export const encodeConnectResp = (status: number, auth: Buffer, v: CmppVersion) =>
  new Writer().uN(status, resultSize(v)).bytes(auth).u8(versionByte(v)).done();

export function decodeConnectResp(body: Buffer, v: CmppVersion) {
  const r = new Reader(body);
  return { status: r.uN(resultSize(v)), authenticator: r.bytes(16), version: r.u8() };
}

// ---- SUBMIT -------------------------------------------------------------------------------------------------

export interface Submit {
  msgId: string;
  pkTotal: number;
  pkNumber: number;
  registeredDelivery: number;
  msgLevel: number;
  serviceId: string;
  feeUserType: number;
  feeTerminalId: string;
  tpPid: number;
  tpUdhi: number;
  msgFmt: number;
  msgSrc: string;
  feeType: string;
  feeCode: string;
  validTime: string;
  atTime: string;
  srcId: string;
  destTerminalIds: string[];
  content: Buffer;
  linkId: string;
}

export function encodeSubmit(s: Submit, v: CmppVersion): Buffer {
  const t = terminalSize(v);
  const w = new Writer()
    .bytes(msgIdBytes(s.msgId))
    .u8(s.pkTotal)
    .u8(s.pkNumber)
    .u8(s.registeredDelivery)
    .u8(s.msgLevel)
    .str(s.serviceId, 10)
    .u8(s.feeUserType)
    .str(s.feeTerminalId, t);
  if (v === '3.0') w.u8(0); // Fee_terminal_type (3.0 only): 0 real number
  w.u8(s.tpPid)
    .u8(s.tpUdhi)
    .u8(s.msgFmt)
    .str(s.msgSrc, 6)
    .str(s.feeType, 2)
    .str(s.feeCode, 6)
    .str(s.validTime, 17)
    .str(s.atTime, 17)
    .str(s.srcId, 21);
  w.u8(s.destTerminalIds.length);
  for (const d of s.destTerminalIds) w.str(d, t);
  if (v === '3.0') w.u8(0); // Dest_terminal_type (3.0 only)
  w.u8(s.content.length).bytes(s.content);
  // 2.0 ends with Reserve (8); 3.0 with LinkID (20)
  return v === '3.0' ? w.str(s.linkId, 20).done() : w.str('', 8).done();
}

export function decodeSubmit(body: Buffer, v: CmppVersion): Submit {
  const t = terminalSize(v);
  const r = new Reader(body);
  const msgId = msgIdHex(r.bytes(8));
  const pkTotal = r.u8();
  const pkNumber = r.u8();
  const registeredDelivery = r.u8();
  const msgLevel = r.u8();
  const serviceId = r.str(10);
  const feeUserType = r.u8();
  const feeTerminalId = r.str(t);
  if (v === '3.0') r.u8();
  const tpPid = r.u8();
  const tpUdhi = r.u8();
  const msgFmt = r.u8();
  const msgSrc = r.str(6);
  const feeType = r.str(2);
  const feeCode = r.str(6);
  const validTime = r.str(17);
  const atTime = r.str(17);
  const srcId = r.str(21);
  const n = r.u8();
  const destTerminalIds = Array.from({ length: n }, () => r.str(t));
  if (v === '3.0') r.u8();
  const content = r.bytes(r.u8());
  const linkId = v === '3.0' ? r.str(20) : (r.bytes(8), '');
  return {
    msgId,
    pkTotal,
    pkNumber,
    registeredDelivery,
    msgLevel,
    serviceId,
    feeUserType,
    feeTerminalId,
    tpPid,
    tpUdhi,
    msgFmt,
    msgSrc,
    feeType,
    feeCode,
    validTime,
    atTime,
    srcId,
    destTerminalIds,
    content,
    linkId,
  };
}

/** Msg_Id 8, Result 1 (2.0) or 4 (3.0) */
export const encodeSubmitResp = (msgId: string, result: number, v: CmppVersion) =>
  new Writer().bytes(msgIdBytes(msgId)).uN(result, resultSize(v)).done();

export function decodeSubmitResp(body: Buffer, v: CmppVersion) {
  const r = new Reader(body);
  return { msgId: msgIdHex(r.bytes(8)), result: r.uN(resultSize(v)) };
}

// ---- DELIVER ------------------------------------------------------------------------------------------------

export interface Deliver {
  msgId: string;
  destId: string;
  serviceId: string;
  tpPid: number;
  tpUdhi: number;
  msgFmt: number;
  srcTerminalId: string;
  /** 1: Msg_Content is a status report */
  registeredDelivery: number;
  content: Buffer;
  linkId: string;
}

export function encodeDeliver(d: Deliver, v: CmppVersion): Buffer {
  const w = new Writer()
    .bytes(msgIdBytes(d.msgId))
    .str(d.destId, 21)
    .str(d.serviceId, 10)
    .u8(d.tpPid)
    .u8(d.tpUdhi)
    .u8(d.msgFmt)
    .str(d.srcTerminalId, terminalSize(v));
  if (v === '3.0') w.u8(0); // Src_terminal_type (3.0 only)
  w.u8(d.registeredDelivery).u8(d.content.length).bytes(d.content);
  return v === '3.0' ? w.str(d.linkId, 20).done() : w.str('', 8).done();
}

export function decodeDeliver(body: Buffer, v: CmppVersion): Deliver {
  const r = new Reader(body);
  const msgId = msgIdHex(r.bytes(8));
  const destId = r.str(21);
  const serviceId = r.str(10);
  const tpPid = r.u8();
  const tpUdhi = r.u8();
  const msgFmt = r.u8();
  const srcTerminalId = r.str(terminalSize(v));
  if (v === '3.0') r.u8();
  const registeredDelivery = r.u8();
  const content = r.bytes(r.u8());
  const linkId = v === '3.0' ? r.str(20) : '';
  return { msgId, destId, serviceId, tpPid, tpUdhi, msgFmt, srcTerminalId, registeredDelivery, content, linkId };
}

export const encodeDeliverResp = (msgId: string, result: number, v: CmppVersion) =>
  new Writer().bytes(msgIdBytes(msgId)).uN(result, resultSize(v)).done();

export function decodeDeliverResp(body: Buffer, v: CmppVersion) {
  const r = new Reader(body);
  return { msgId: msgIdHex(r.bytes(8)), result: r.uN(resultSize(v)) };
}

/** The status report inside a DELIVER with Registered_Delivery 1: Msg_Id 8, Stat 7, Submit_time 10, Done_time 10,
 * Dest_terminal_Id 21 (2.0) or 32 (3.0), SMSC_sequence 4 — 60 or 71 octets. */
export interface StatusReport {
  msgId: string;
  stat: string;
  submitTime: string;
  doneTime: string;
  destTerminalId: string;
  smscSequence: number;
}

export const encodeStatusReport = (s: StatusReport, v: CmppVersion) =>
  new Writer()
    .bytes(msgIdBytes(s.msgId))
    .str(s.stat, 7)
    .str(s.submitTime, 10)
    .str(s.doneTime, 10)
    .str(s.destTerminalId, terminalSize(v))
    .u32(s.smscSequence)
    .done();

export function decodeStatusReport(b: Buffer, v: CmppVersion): StatusReport {
  const r = new Reader(b);
  return {
    msgId: msgIdHex(r.bytes(8)),
    stat: r.str(7),
    submitTime: r.str(10),
    doneTime: r.str(10),
    destTerminalId: r.str(terminalSize(v)),
    smscSequence: r.u32(),
  };
}

/** ACTIVE_TEST_RESP: Reserved 1 */
export const encodeActiveTestResp = () => Buffer.from([0]);
