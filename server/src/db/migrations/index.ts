import type { MigrationUp } from './column-types.js';
import { up as foundation } from './0001-foundation.js';
import { up as sla } from './0002-sla.js';
import { up as assignment } from './0003-assignment.js';
import { up as sharedChannels } from './0004-shared-channels.js';
import { up as incidents } from './0005-incidents.js';
import { up as deskTools } from './0006-desk-tools.js';
import { up as refundsQuality } from './0007-refunds-quality.js';
import { up as stats } from './0008-stats.js';
import { up as sms } from './0009-sms.js';
import { up as selfService } from './0010-self-service.js';
import { up as ticketRevision } from './0011-ticket-revision.js';

// Append new migrations here in order; names sort and never change once released.
export const migrations: Record<string, { up: MigrationUp }> = {
  '0001-foundation': { up: foundation },
  '0002-sla': { up: sla },
  '0003-assignment': { up: assignment },
  '0004-shared-channels': { up: sharedChannels },
  '0005-incidents': { up: incidents },
  '0006-desk-tools': { up: deskTools },
  '0007-refunds-quality': { up: refundsQuality },
  '0008-stats': { up: stats },
  '0009-sms': { up: sms },
  '0010-self-service': { up: selfService },
  '0011-ticket-revision': { up: ticketRevision },
};
