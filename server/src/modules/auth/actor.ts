import type { Permission } from '../../../../contracts/permissions.js';
import { RolePermissions } from '../../../../contracts/permissions.js';
import type { Role } from '../../../../contracts/roles.js';

// The signed-in person a request acts for. Services take it as their first argument.
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  isSupervisor: boolean;
  presence: 'online' | 'away' | 'off';
  unit: { id: number; code: string; name: string; nameEn: string };
  csrfToken: string;
}

export const can = (actor: Actor, permission: Permission) => RolePermissions[actor.role].includes(permission);
