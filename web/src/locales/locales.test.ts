import { describe, expect, it } from 'vitest';
import { AssignmentModes, Presences } from '../../../contracts/assignment.js';
import { ErrorCodes } from '../../../contracts/errors.js';
import { Roles } from '../../../contracts/roles.js';
import { Channels, Priorities, SlaStates, TicketActions, TicketStatuses } from '../../../contracts/tickets.js';
import { slaAlertKinds, unassignReasons } from '../lib/vocabulary';
import { CustomerLevels } from '../../../contracts/org.js';
import { en } from './en';
import { zhCN } from './zh-CN';

describe('locales', () => {
  it('English has exactly the Chinese keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('no text is empty in either language', () => {
    for (const catalog of [zhCN, en]) {
      const empty = Object.entries(catalog).filter(([, text]) => text.trim() === '');
      expect(empty).toEqual([]);
    }
  });

  it('every status, action, channel, priority, level, role, error code, clock event and assignment word has a name', () => {
    const needed = [
      ...TicketStatuses.map((s) => `ticket.status.${s}`),
      ...TicketActions.map((a) => `ticket.action.${a}`),
      ...Channels.map((c) => `channel.${c}`),
      ...Priorities.map((p) => `priority.${p}`),
      ...CustomerLevels.map((l) => `level.${l}`),
      ...Roles.map((r) => `role.${r}`),
      ...ErrorCodes.map((c) => `error.${c}`),
      ...SlaStates.map((s) => `sla.state.${s}`),
      ...slaAlertKinds.map((k) => `alert.${k}`),
      ...AssignmentModes.flatMap((m) => [`assignmentMode.${m}`, `assignmentModeHint.${m}`]),
      ...Presences.map((p) => `presence.${p}`),
      ...unassignReasons.map((r) => `unassignReason.${r}`),
    ];
    expect(needed.filter((key) => !(key in zhCN))).toEqual([]);
  });

  it('placeholders match between languages', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort().join(',');
    const mismatched = Object.keys(zhCN).filter(
      (key) => placeholders(zhCN[key as keyof typeof zhCN]) !== placeholders(en[key as keyof typeof en]),
    );
    expect(mismatched).toEqual([]);
  });
});
