// Owns the figures (DOMAIN.md §10, §11): rollups kept in step with every ticket change, the summary and drill-down
// APIs, the full recount they must equal, and the rebuild a bulk load ends with.
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/dialect.js';
import { createDrilldownRepository } from './drilldown-repository.js';
import { createStatsDrilldown } from './drilldown.js';
import { createStatsRepository } from './repository.js';
import { createStatsRollups } from './rollups.js';
import { createStatsSummary } from './summary.js';

export { statsRoutes } from './routes.js';
export { recount, storedRollups } from './recount.js';
export type { StatsRollups } from './rollups.js';

export function createStatsModule(deps: { db: Db; clock: Clock; timeZone: string }) {
  const repo = createStatsRepository(deps.db);
  const rollups = createStatsRollups({ repo, timeZone: deps.timeZone, clock: deps.clock });
  const summary = createStatsSummary({ repo, rollups, clock: deps.clock, timeZone: deps.timeZone });
  const drilldown = createStatsDrilldown({ repo: createDrilldownRepository(deps.db), summary, rollups, timeZone: deps.timeZone });
  return { repo, rollups, summary, drilldown };
}
export type StatsModule = ReturnType<typeof createStatsModule>;
