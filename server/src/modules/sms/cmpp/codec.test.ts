import { describe, expect, it } from 'vitest';
import {
  Command,
  cmppTimestamp,
  createFramer,
  decodeConnectResp,
  decodeDeliver,
  decodeStatusReport,
  decodeSubmit,
  decodeSubmitResp,
  encodeConnect,
  encodeConnectResp,
  encodeDeliver,
  encodePdu,
  encodeStatusReport,
  encodeSubmit,
  encodeSubmitResp,
  type Submit,
} from './codec.js';

const submit = (over: Partial<Submit> = {}): Submit => ({
  msgId: '0',
  pkTotal: 1,
  pkNumber: 1,
  registeredDelivery: 1,
  msgLevel: 1,
  serviceId: 'CLOSELOOP',
  feeUserType: 2,
  feeTerminalId: '',
  tpPid: 0,
  tpUdhi: 0,
  msgFmt: 8,
  msgSrc: '901234',
  feeType: '01',
  feeCode: '000000',
  validTime: '',
  atTime: '',
  srcId: '100861234',
  destTerminalIds: ['13800138000'],
  content: Buffer.from([0x4e, 0x2d]),
  linkId: '',
  ...over,
});

describe('CMPP codec', () => {
  it('logs in with AuthenticatorSource = MD5(Source_Addr, 9 zero octets, secret, MMDDHHMMSS)', () => {
    const body = encodeConnect('901234', 'secret', '3.0', '1123100000');
    expect(body).toHaveLength(6 + 16 + 1 + 4);
    expect(body.subarray(0, 6).toString()).toBe('901234');
    expect(body.subarray(6, 22).toString('hex')).toBe('79e9cdf1271442524e4cce2f1d3f4510');
    expect(body[22]).toBe(0x30);
    expect(body.readUInt32BE(23)).toBe(1123100000);
    expect(encodeConnect('901234', 'secret', '2.0', '1123100000')[22]).toBe(0x20);
    expect(cmppTimestamp(new Date('2026-11-23T02:00:00Z'), 'Asia/Shanghai')).toBe('1123100000');
  });

  it('reads CONNECT_RESP with a 1-octet Status in 2.0 and a 4-octet one in 3.0', () => {
    const auth = Buffer.alloc(16, 7);
    expect(encodeConnectResp(3, auth, '2.0')).toHaveLength(18);
    expect(encodeConnectResp(3, auth, '3.0')).toHaveLength(21);
    expect(decodeConnectResp(encodeConnectResp(3, auth, '3.0'), '3.0')).toMatchObject({ status: 3, version: 0x30 });
    expect(decodeConnectResp(Buffer.from([0, ...auth, 0x20]), '2.0')).toMatchObject({ status: 0, version: 0x20 });
  });

  it('lays out SUBMIT 2.0: 21-octet terminals, no terminal types, Reserve 8 at the end', () => {
    const b = encodeSubmit(submit(), '2.0');
    expect(b).toHaveLength(117 + 21 + 1 + 2 + 8);
    expect(b[8]).toBe(1); // Pk_total
    expect(b.subarray(12, 22).toString().replace(/\0+$/, '')).toBe('CLOSELOOP'); // Service_Id 10
    expect(b[22]).toBe(2); // Fee_UserType, then Fee_terminal_Id 23–43 (21)
    expect(b[46]).toBe(8); // Msg_Fmt, after TP_pId 44 and TP_udhi 45
    expect(b.subarray(47, 53).toString()).toBe('901234'); // Msg_src 6
    expect(b.subarray(95, 104).toString()).toBe('100861234'); // Src_Id at 95, 21 octets
    expect(b[116]).toBe(1); // DestUsr_tl
    expect(b.subarray(117, 128).toString()).toBe('13800138000'); // Dest_terminal_Id 21
    expect(b[138]).toBe(2); // Msg_Length
    expect(b.subarray(-8)).toEqual(Buffer.alloc(8));
    expect(decodeSubmit(b, '2.0')).toEqual({ ...submit(), msgId: '0000000000000000' });
  });

  it('lays out SUBMIT 3.0: 32-octet terminals, Fee_terminal_type and Dest_terminal_type, LinkID 20 at the end', () => {
    const b = encodeSubmit(submit({ linkId: 'L1' }), '3.0');
    expect(b).toHaveLength(129 + 32 + 1 + 1 + 2 + 20);
    expect(b[22]).toBe(2); // Fee_UserType, then Fee_terminal_Id 23–54 (32), Fee_terminal_type 55
    expect(b[58]).toBe(8); // Msg_Fmt, after TP_pId 56 and TP_udhi 57
    expect(b.subarray(59, 65).toString()).toBe('901234'); // Msg_src 6
    expect(b.subarray(107, 116).toString()).toBe('100861234'); // Src_Id
    expect(b[128]).toBe(1); // DestUsr_tl
    expect(b.subarray(129, 140).toString()).toBe('13800138000');
    expect(b[161]).toBe(0); // Dest_terminal_type
    expect(b[162]).toBe(2); // Msg_Length
    expect(b.subarray(-20, -18).toString()).toBe('L1');
    expect(decodeSubmit(b, '3.0')).toEqual({ ...submit({ linkId: 'L1' }), msgId: '0000000000000000' });
  });

  it('answers SUBMIT with the 8-octet Msg_Id and a 1- or 4-octet Result', () => {
    expect(encodeSubmitResp('00000000000000ff', 0, '2.0')).toHaveLength(9);
    expect(encodeSubmitResp('00000000000000ff', 8, '3.0')).toHaveLength(12);
    expect(decodeSubmitResp(encodeSubmitResp('00000000000000ff', 8, '3.0'), '3.0')).toEqual({ msgId: '00000000000000ff', result: 8 });
  });

  it('reads DELIVER in both versions, and the status report inside (60 and 71 octets)', () => {
    const d = {
      msgId: '0000000000000abc',
      destId: '100861234',
      serviceId: '',
      tpPid: 0,
      tpUdhi: 0,
      msgFmt: 8,
      srcTerminalId: '13800138000',
      registeredDelivery: 0,
      content: Buffer.from([0x4e, 0x2d]),
      linkId: '',
    };
    expect(encodeDeliver(d, '2.0')).toHaveLength(73 + 2);
    expect(encodeDeliver(d, '3.0')).toHaveLength(97 + 2);
    expect(decodeDeliver(encodeDeliver(d, '2.0'), '2.0')).toEqual(d);
    expect(decodeDeliver(encodeDeliver(d, '3.0'), '3.0')).toEqual(d);
    const report = {
      msgId: '0000000000001234',
      stat: 'DELIVRD',
      submitTime: '2611231000',
      doneTime: '2611231001',
      destTerminalId: '13800138000',
      smscSequence: 9,
    };
    expect(encodeStatusReport(report, '2.0')).toHaveLength(60);
    expect(encodeStatusReport(report, '3.0')).toHaveLength(71);
    expect(decodeStatusReport(encodeStatusReport(report, '3.0'), '3.0')).toEqual(report);
  });

  it('frames PDUs from a stream cut anywhere', () => {
    const a = encodePdu(Command.ACTIVE_TEST, 1);
    const b = encodePdu(Command.SUBMIT_RESP, 2, encodeSubmitResp('1', 0, '3.0'));
    const all = Buffer.concat([a, b]);
    expect(a.readUInt32BE(0)).toBe(12);
    const framer = createFramer();
    const got = [...framer(all.subarray(0, 5)), ...framer(all.subarray(5, 20)), ...framer(all.subarray(20))];
    expect(got.map((p) => [p.commandId, p.sequenceId, p.body.length])).toEqual([
      [Command.ACTIVE_TEST, 1, 0],
      [Command.SUBMIT_RESP, 2, 12],
    ]);
    expect(() => createFramer()(Buffer.from([0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0, 1]))).toThrow(/impossible length/);
  });
});
