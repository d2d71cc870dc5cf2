import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';

let ctx: TestContext;
let admin: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin');
});
afterAll(() => ctx.close());

describe('administering units', () => {
  it('creates a unit under a parent, renames it with If-Match and refuses a stale version', async () => {
    const created = await admin.post('/api/v1/units', {
      code: 'NET-WY',
      name: '无线维护班',
      nameEn: 'Wireless Maintenance Team',
      kind: 'room',
      parentCode: 'NET',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'NET-WY', parentCode: 'NET', isActive: true, version: 1 });
    const renamed = await admin.patch('/api/v1/units/NET-WY', { name: '无线网络维护班' }, { 'if-match': '"1"' });
    expect(renamed.json()).toMatchObject({ name: '无线网络维护班', version: 2 });
    const stale = await admin.patch('/api/v1/units/NET-WY', { name: '旧名' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect((await admin.get('/api/v1/units/NET-WY')).json().name).toBe('无线网络维护班');
  });

  it('refuses a taken code, a missing parent and a cycle', async () => {
    expect((await admin.post('/api/v1/units', { code: 'IT', name: 'x', nameEn: 'x', kind: 'room' })).json().error.code).toBe(
      'unit.code_taken',
    );
    expect(
      (await admin.post('/api/v1/units', { code: 'ZZ', name: 'x', nameEn: 'x', kind: 'room', parentCode: 'NOPE' })).json().error,
    ).toMatchObject({ code: 'unit.not_found', details: { field: 'body.parentCode' } });
    expect((await admin.patch('/api/v1/units/NET', { parentCode: 'NET-MAINT' })).statusCode).toBe(409);
  });

  it('deletes an unused unit but only deactivates one that people or routing use', async () => {
    await admin.post('/api/v1/units', { code: 'TEMP', name: '临时组', nameEn: 'Temporary', kind: 'room', parentCode: 'JM' });
    expect((await admin.delete('/api/v1/units/TEMP')).statusCode).toBe(204);
    expect((await admin.get('/api/v1/units/TEMP')).statusCode).toBe(404);
    expect((await admin.delete('/api/v1/units/NET-MAINT')).json().error.code).toBe('unit.in_use');
  });
});

describe('administering staff', () => {
  it('creates an account that can sign in with its role and unit, and moves it', async () => {
    const res = await admin.post('/api/v1/users', {
      username: 'wanglei',
      displayName: '王磊',
      role: 'handler',
      unitCode: 'NET-OPT',
      password: 's3cret-pass',
    });
    expect(res.statusCode).toBe(201);
    const who = await ctx.login('wanglei', 's3cret-pass');
    expect((await who.get('/api/v1/me')).json()).toMatchObject({ role: 'handler', unit: { code: 'NET-OPT' } });
    const moved = await admin.patch(`/api/v1/users/${res.json().id}`, { unitCode: 'NET-MAINT' });
    expect(moved.json().unit.code).toBe('NET-MAINT');
    // a moved person signs in again, so no session keeps the old unit's reach
    expect((await who.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('refuses a duplicate username and a short password', async () => {
    expect(
      (
        await admin.post('/api/v1/users', {
          username: 'agent',
          displayName: 'x',
          role: 'agent',
          unitCode: 'CSC-HOTLINE',
          password: 'long-enough',
        })
      ).json().error.code,
    ).toBe('user.username_taken');
    expect(
      (
        await admin.post('/api/v1/users', {
          username: 'newbie',
          displayName: 'x',
          role: 'agent',
          unitCode: 'CSC-HOTLINE',
          password: 'short',
        })
      ).json().error,
    ).toMatchObject({ code: 'validation.out_of_range', details: { field: 'body.password' } });
  });

  it('creates a unit with its calendar and assignment, and a supervisor with skills, in one request each', async () => {
    await admin.post('/api/v1/calendars', {
      code: 'OFFICE',
      name: '工作日',
      nameEn: 'Office hours',
      weekly: [null, ...Array.from({ length: 5 }, () => ({ open: '09:00', close: '18:00' })), null],
    });
    const unit = await admin.post('/api/v1/units', {
      code: 'NET-5G',
      name: '5G维护班',
      nameEn: '5G Team',
      kind: 'room',
      parentCode: 'NET',
      calendarCode: 'OFFICE',
      assignmentMode: 'skill',
      maxOpenPerPerson: 8,
    });
    expect(unit.json()).toMatchObject({ calendarCode: 'OFFICE', assignmentMode: 'skill', maxOpenPerPerson: 8, takeTimeoutMinutes: 30 });
    const lead = await admin.post('/api/v1/users', {
      username: 'lead5g',
      displayName: '赵班长',
      role: 'handler',
      unitCode: 'NET-5G',
      password: 'lead-5g-2026',
      isSupervisor: true,
      skills: ['01', '0802'],
    });
    expect(lead.statusCode).toBe(201);
    expect(lead.json()).toMatchObject({ isSupervisor: true, skills: ['01', '0802'], presence: 'online' });
    expect(
      (await admin.post('/api/v1/units', { code: 'NET-X', name: 'x', nameEn: 'x', kind: 'room', calendarCode: 'NOPE' })).json().error.code,
    ).toBe('calendar.not_found');
  });

  it('lists staff by unit and role', async () => {
    const list = (await admin.get('/api/v1/users?unit=CSC-DESK')).json().items;
    expect(list.map((u: { username: string }) => u.username)).toEqual(['desk']);
    expect((await admin.get('/api/v1/users?role=handler')).json().items.length).toBeGreaterThanOrEqual(4);
  });
});
