// SMPP 3.4, the ESME's side: the few PDUs a transceiver needs. Header: command_length, command_id,
// command_status, sequence_number (4 octets each, big-endian); C-Octet Strings end with NUL.

export const Command = {
  GENERIC_NACK: 0x80000000,
  BIND_TRANSCEIVER: 0x00000009,
  BIND_TRANSCEIVER_RESP: 0x80000009,
  SUBMIT_SM: 0x00000004,
  SUBMIT_SM_RESP: 0x80000004,
  DELIVER_SM: 0x00000005,
  DELIVER_SM_RESP: 0x80000005,
  UNBIND: 0x00000006,
  UNBIND_RESP: 0x80000006,
  ENQUIRE_LINK: 0x00000015,
  ENQUIRE_LINK_RESP: 0x80000015,
} as const;

export const Status = {
  ROK: 0x00,
  RINVMSGLEN: 0x01,
  RINVCMDID: 0x03,
  RBINDFAIL: 0x0d,
  RINVPASWD: 0x0e,
  RINVSYSID: 0x0f,
  RINVDSTADR: 0x0b,
  RMSGQFUL: 0x14,
  RTHROTTLED: 0x58,
} as const;

/** esm_class: UDHI set, the short message starts with a user data header */
export const ESM_UDHI = 0x40;
/** esm_class message type bits 2–5: 0x04 is an SMSC delivery receipt */
export const ESM_RECEIPT = 0x04;
export const TAG_RECEIPTED_MESSAGE_ID = 0x001e;
export const TAG_MESSAGE_STATE = 0x0427;
export const HEADER_LENGTH = 16;

export interface Pdu {
  commandId: number;
  status: number;
  sequence: number;
  body: Buffer;
}

export function encodePdu(commandId: number, sequence: number, body: Buffer = Buffer.alloc(0), status = 0): Buffer {
  const h = Buffer.alloc(HEADER_LENGTH);
  h.writeUInt32BE(HEADER_LENGTH + body.length, 0);
  h.writeUInt32BE(commandId >>> 0, 4);
  h.writeUInt32BE(status >>> 0, 8);
  h.writeUInt32BE(sequence >>> 0, 12);
  return Buffer.concat([h, body]);
}

export function createFramer(maxLength = 4096) {
  let pending: Buffer = Buffer.alloc(0);
  return (chunk: Buffer): Pdu[] => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    const out: Pdu[] = [];
    while (pending.length >= HEADER_LENGTH) {
      const length = pending.readUInt32BE(0);
      if (length < HEADER_LENGTH || length > maxLength) throw new Error(`SMPP PDU of impossible length ${length}`);
      if (pending.length < length) break;
      out.push({
        commandId: pending.readUInt32BE(4),
        status: pending.readUInt32BE(8),
        sequence: pending.readUInt32BE(12),
        body: Buffer.from(pending.subarray(HEADER_LENGTH, length)),
      });
      pending = pending.subarray(length);
    }
    return out;
  };
}

/** C-Octet String: the text and its NUL, no longer than `max` with the NUL */
function cstr(s: string, max: number) {
  if (s.length + 1 > max) throw new Error(`SMPP field longer than ${max - 1}: ${s.length}`);
  return Buffer.concat([Buffer.from(s, 'latin1'), Buffer.from([0])]);
}

class Reader {
  at = 0;
  constructor(private readonly b: Buffer) {}
  u8() {
    if (this.at >= this.b.length) throw new Error('SMPP body shorter than its fields');
    return this.b[this.at++]!;
  }
  cstr() {
    const end = this.b.indexOf(0, this.at);
    if (end < 0) throw new Error('SMPP C-Octet String without its NUL');
    const s = this.b.subarray(this.at, end).toString('latin1');
    this.at = end + 1;
    return s;
  }
  bytes(n: number) {
    if (this.at + n > this.b.length) throw new Error('SMPP body shorter than its fields');
    const v = Buffer.from(this.b.subarray(this.at, this.at + n));
    this.at += n;
    return v;
  }
  /** optional parameters: tag 2, length 2, value */
  tlvs() {
    const out = new Map<number, Buffer>();
    while (this.at + 4 <= this.b.length) {
      const tag = this.b.readUInt16BE(this.at);
      const len = this.b.readUInt16BE(this.at + 2);
      this.at += 4;
      out.set(tag, this.bytes(len));
    }
    return out;
  }
}

export interface Bind {
  systemId: string;
  password: string;
  systemType: string;
  interfaceVersion: number;
  addrTon: number;
  addrNpi: number;
  addressRange: string;
}

/** system_id C16, password C9, system_type C13, interface_version 1 (0x34), addr_ton 1, addr_npi 1, address_range C41 */
export const encodeBind = (b: Bind) =>
  Buffer.concat([
    cstr(b.systemId, 16),
    cstr(b.password, 9),
    cstr(b.systemType, 13),
    Buffer.from([b.interfaceVersion, b.addrTon, b.addrNpi]),
    cstr(b.addressRange, 41),
  ]);

export function decodeBind(body: Buffer): Bind {
  const r = new Reader(body);
  return {
    systemId: r.cstr(),
    password: r.cstr(),
    systemType: r.cstr(),
    interfaceVersion: r.u8(),
    addrTon: r.u8(),
    addrNpi: r.u8(),
    addressRange: r.cstr(),
  };
}

/** submit_sm and deliver_sm share one layout */
export interface ShortMessage {
  serviceType: string;
  sourceTon: number;
  sourceNpi: number;
  source: string;
  destTon: number;
  destNpi: number;
  destination: string;
  esmClass: number;
  protocolId: number;
  priority: number;
  scheduleDeliveryTime: string;
  validityPeriod: string;
  registeredDelivery: number;
  replaceIfPresent: number;
  dataCoding: number;
  smDefaultMsgId: number;
  shortMessage: Buffer;
  tlvs?: Map<number, Buffer>;
}

/** service_type C6, source ton/npi/addr C21, dest ton/npi/addr C21, esm_class, protocol_id, priority_flag,
 * schedule_delivery_time C17, validity_period C17, registered_delivery, replace_if_present_flag, data_coding,
 * sm_default_msg_id, sm_length, short_message (up to 254), then optional TLVs */
export function encodeShortMessage(m: ShortMessage): Buffer {
  if (m.shortMessage.length > 254) throw new Error('short_message longer than 254 octets');
  const tlvs = [...(m.tlvs ?? new Map<number, Buffer>())].map(([tag, value]) => {
    const h = Buffer.alloc(4);
    h.writeUInt16BE(tag, 0);
    h.writeUInt16BE(value.length, 2);
    return Buffer.concat([h, value]);
  });
  return Buffer.concat([
    cstr(m.serviceType, 6),
    Buffer.from([m.sourceTon, m.sourceNpi]),
    cstr(m.source, 21),
    Buffer.from([m.destTon, m.destNpi]),
    cstr(m.destination, 21),
    Buffer.from([m.esmClass, m.protocolId, m.priority]),
    cstr(m.scheduleDeliveryTime, 17),
    cstr(m.validityPeriod, 17),
    Buffer.from([m.registeredDelivery, m.replaceIfPresent, m.dataCoding, m.smDefaultMsgId, m.shortMessage.length]),
    m.shortMessage,
    ...tlvs,
  ]);
}

export function decodeShortMessage(body: Buffer): ShortMessage {
  const r = new Reader(body);
  const serviceType = r.cstr();
  const sourceTon = r.u8();
  const sourceNpi = r.u8();
  const source = r.cstr();
  const destTon = r.u8();
  const destNpi = r.u8();
  const destination = r.cstr();
  const esmClass = r.u8();
  const protocolId = r.u8();
  const priority = r.u8();
  const scheduleDeliveryTime = r.cstr();
  const validityPeriod = r.cstr();
  const registeredDelivery = r.u8();
  const replaceIfPresent = r.u8();
  const dataCoding = r.u8();
  const smDefaultMsgId = r.u8();
  const shortMessage = r.bytes(r.u8());
  return {
    serviceType,
    sourceTon,
    sourceNpi,
    source,
    destTon,
    destNpi,
    destination,
    esmClass,
    protocolId,
    priority,
    scheduleDeliveryTime,
    validityPeriod,
    registeredDelivery,
    replaceIfPresent,
    dataCoding,
    smDefaultMsgId,
    shortMessage,
    tlvs: r.tlvs(),
  };
}

/** submit_sm_resp and bind_*_resp: one C-Octet String (message_id C65, system_id C16) */
export const encodeIdResp = (id: string) => cstr(id, 65);
export const decodeIdResp = (body: Buffer) => (body.length ? new Reader(body).cstr() : '');

/** A delivery receipt: the receipted_message_id TLV when present, else the "id:… stat:…" text of SMPP 3.4 Appendix B. */
export function readReceipt(m: ShortMessage): { messageId: string; stat: string } | null {
  if ((m.esmClass & 0x3c) !== ESM_RECEIPT) return null;
  const text = m.shortMessage.toString('latin1');
  const tlvId = m.tlvs?.get(TAG_RECEIPTED_MESSAGE_ID);
  const id = tlvId ? tlvId.toString('latin1').replace(/\0+$/, '') : /id:(\S+)/i.exec(text)?.[1];
  const stat = /stat:(\w+)/i.exec(text)?.[1]?.toUpperCase();
  if (!id || !stat) return null;
  return { messageId: id, stat };
}
