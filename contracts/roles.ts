// The people of DOMAIN.md §1 as roles. Department staff share one role; their unit says which department.
export const Roles = ['agent', 'desk', 'handler', 'specialist', 'qa', 'manager', 'admin'] as const;
export type Role = (typeof Roles)[number];
