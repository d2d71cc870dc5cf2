import { ScoresTable } from '../features/quality/scores-table';

export function QualityScoresPage() {
  return <ScoresTable />;
}
