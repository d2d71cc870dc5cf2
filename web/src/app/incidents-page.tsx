import { useParams } from 'react-router';
import { IncidentDetail } from '../features/incidents/incident-detail';
import { IncidentList } from '../features/incidents/incident-list';
import { useSession } from '../lib/auth';

export function IncidentsPage() {
  const { id } = useParams();
  const { can } = useSession();
  return id ? <IncidentDetail key={id} id={Number(id)} mayHandle={can('incident:handle')} /> : <IncidentList />;
}
