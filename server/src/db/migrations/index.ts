import type { MigrationUp } from './column-types.js';
import { up as foundation } from './0001-foundation.js';

// Append new migrations here in order; names sort and never change once released.
export const migrations: Record<string, { up: MigrationUp }> = {
  '0001-foundation': { up: foundation },
};
