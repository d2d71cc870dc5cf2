import type { MigrationUp } from './column-types.js';
import { up as foundation } from './0001-foundation.js';
import { up as sla } from './0002-sla.js';
import { up as assignment } from './0003-assignment.js';
import { up as sharedChannels } from './0004-shared-channels.js';

// Append new migrations here in order; names sort and never change once released.
export const migrations: Record<string, { up: MigrationUp }> = {
  '0001-foundation': { up: foundation },
  '0002-sla': { up: sla },
  '0003-assignment': { up: assignment },
  '0004-shared-channels': { up: sharedChannels },
};
