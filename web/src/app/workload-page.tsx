import { useSearchParams } from 'react-router';
import { WorkloadView } from '../features/workload/workload-view';
import { useMe } from '../lib/auth';

/** /workload?unit=CODE; department staff always see their own unit, everyone else starts with theirs. */
export function WorkloadPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const unitCode = me.role === 'handler' ? me.unit.code : (params.get('unit') ?? me.unit.code);
  return <WorkloadView unitCode={unitCode} onUnit={(code) => setParams({ unit: code }, { replace: true })} />;
}
