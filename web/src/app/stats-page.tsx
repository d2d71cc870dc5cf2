import { StatsView } from '../features/stats/stats-view';

export function StatsPage() {
  return <StatsView />;
}
