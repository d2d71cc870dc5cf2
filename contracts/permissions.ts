import type { Role } from './roles.js';

// What each role may do, checked in one place (the route's preHandler); the web hides what a role cannot do.
// Whether a user may act on one particular ticket (owner, handling unit) is decided by the ticket service.
export const Permissions = [
  'ticket:read',
  'ticket:create',
  'ticket:resolve',
  'ticket:dispatch',
  'ticket:take',
  'ticket:reply',
  'ticket:return',
  'ticket:transfer',
  'ticket:answer',
  'ticket:close',
  'ticket:reopen',
  'ticket:suspend',
  'ticket:resume',
  'ticket:escalate',
  'ticket:note',
  // move an order to a named person in the unit holding it (supervisors)
  'ticket:assign',
  'customer:read',
  // the full number is personal information (DOMAIN.md §11): only roles that call customers back see it
  'customer:view_phone',
  'org:read',
  'org:admin',
  // time limits: policies, calendars, holidays and escalation rules
  'sla:admin',
  // the supervisor board: what is about to breach and what has, per unit
  'sla:board',
  'stats:read',
] as const;
export type Permission = (typeof Permissions)[number];

const frontLine: Permission[] = [
  'ticket:read',
  'ticket:create',
  'ticket:resolve',
  'ticket:dispatch',
  'ticket:answer',
  'ticket:close',
  'ticket:reopen',
  'ticket:suspend',
  'ticket:resume',
  'ticket:escalate',
  'ticket:note',
  'customer:read',
  'customer:view_phone',
  'org:read',
];

export const RolePermissions: Record<Role, readonly Permission[]> = {
  agent: frontLine,
  specialist: frontLine,
  desk: [...frontLine, 'ticket:take', 'ticket:reply', 'ticket:return', 'ticket:transfer', 'ticket:assign', 'sla:board', 'stats:read'],
  handler: [
    'ticket:read',
    'ticket:take',
    'ticket:reply',
    'ticket:return',
    'ticket:transfer',
    'ticket:suspend',
    'ticket:resume',
    'ticket:escalate',
    'ticket:note',
    'org:read',
    'ticket:assign',
    'sla:board',
  ],
  qa: ['ticket:read', 'ticket:note', 'customer:read', 'org:read', 'stats:read'],
  manager: ['ticket:read', 'ticket:escalate', 'ticket:note', 'ticket:assign', 'customer:read', 'org:read', 'sla:board', 'stats:read'],
  admin: ['ticket:read', 'customer:read', 'org:read', 'org:admin', 'sla:admin', 'sla:board', 'stats:read'],
};

export function roleCan(role: Role, permission: Permission): boolean {
  return RolePermissions[role].includes(permission);
}
