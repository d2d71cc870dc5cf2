import { describe, expect, it } from 'vitest';
import type { Me } from '../../../../contracts/auth.js';
import { RolePermissions } from '../../../../contracts/permissions.js';
import type { Role } from '../../../../contracts/roles.js';
import type { TicketView } from '../../../../contracts/tickets.js';
import { canReassign, waitingFor } from './reassign';

const netMaint = { id: 14, code: 'NET-MAINT', name: '网络维护中心', nameEn: 'Network Maintenance Centre' };
const it_ = { id: 16, code: 'IT', name: '信息技术中心', nameEn: 'IT Centre' };

const person = (role: Role, overrides: Partial<Me> = {}) => ({
  role,
  isSupervisor: false,
  unit: netMaint,
  permissions: [...RolePermissions[role]],
  ...overrides,
});
const order = (overrides: Partial<TicketView> = {}) => ({
  status: 'dispatched' as const,
  handlingUnit: netMaint,
  handlingUser: null,
  assignedAt: null,
  ...overrides,
});

describe('who is offered "reassign"', () => {
  it('the desk and managers, for any order a unit holds', () => {
    expect(canReassign(person('desk'), order())).toBe(true);
    expect(canReassign(person('manager', { unit: it_ }), order({ status: 'processing' }))).toBe(true);
    expect(canReassign(person('desk'), order({ status: 'suspended' }))).toBe(true);
  });

  it('department staff only as a supervisor of the unit holding the order', () => {
    expect(canReassign(person('handler'), order())).toBe(false);
    expect(canReassign(person('handler', { isSupervisor: true }), order())).toBe(true);
    expect(canReassign(person('handler', { isSupervisor: true, unit: it_ }), order())).toBe(false);
  });

  it('nobody once the order has left the unit, or before it reaches one', () => {
    for (const status of ['accepted', 'replied', 'answered', 'closed', 'returned'] as const)
      expect(canReassign(person('desk'), order({ status }))).toBe(false);
    expect(canReassign(person('desk'), order({ handlingUnit: null }))).toBe(false);
  });

  it('nobody whose role may not assign: agents, quality, administrators', () => {
    for (const role of ['agent', 'specialist', 'qa', 'admin'] as const) expect(canReassign(person(role), order())).toBe(false);
  });
});

describe('an order waiting for its assignee', () => {
  it('is dispatched to someone who has not taken it', () => {
    const pushed = order({ handlingUser: { id: 4, name: '王强' }, assignedAt: '2026-11-23T08:00:00.000Z' });
    expect(waitingFor(pushed)).toEqual({ name: '王强', at: '2026-11-23T08:00:00.000Z' });
  });

  it('is not once taken, nor while nobody has it', () => {
    expect(waitingFor(order({ status: 'processing', handlingUser: { id: 4, name: '王强' } }))).toBeNull();
    expect(waitingFor(order())).toBeNull();
  });
});
