import { KnowledgeSearch } from '../features/knowledge/knowledge-search';

export function KnowledgePage() {
  return <KnowledgeSearch />;
}
