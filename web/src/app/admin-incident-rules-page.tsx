import { IncidentRulesAdmin } from '../features/incidents/incident-rules-admin';
import { PatternSettings } from '../features/incidents/pattern-settings';

export function AdminIncidentRulesPage() {
  return (
    <>
      <IncidentRulesAdmin />
      <PatternSettings />
    </>
  );
}
