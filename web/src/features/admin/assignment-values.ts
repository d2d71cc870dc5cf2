import type { Unit, UpdateUnitBody } from '../../../../contracts/org.js';
import type { I18n } from '../../lib/i18n';
import type { AssignmentMode } from '../../lib/vocabulary';

/** The unit form's assignment fields as the form holds them: a cleared number is null or undefined. */
export interface AssignmentValues {
  assignmentMode?: AssignmentMode;
  maxOpenPerPerson?: number | null;
  takeTimeoutMinutes?: number | null;
}

type AssignmentBody = Pick<UpdateUnitBody, 'assignmentMode' | 'maxOpenPerPerson' | 'takeTimeoutMinutes'>;

/** What to send: a blank cap means no cap (null), so it is always sent; a blank mode or timeout keeps the unit's. */
export function toAssignmentBody(values: AssignmentValues): AssignmentBody {
  const body: AssignmentBody = { maxOpenPerPerson: typeof values.maxOpenPerPerson === 'number' ? values.maxOpenPerPerson : null };
  if (values.assignmentMode) body.assignmentMode = values.assignmentMode;
  if (typeof values.takeTimeoutMinutes === 'number') body.takeTimeoutMinutes = values.takeTimeoutMinutes;
  return body;
}

/** One line for the units list: the mode, and for pushed orders the cap and the time to take. */
export function assignmentSummary(unit: Pick<Unit, 'assignmentMode' | 'maxOpenPerPerson' | 'takeTimeoutMinutes'>, t: I18n['t']): string {
  const mode = t(`assignmentMode.${unit.assignmentMode}`);
  if (unit.assignmentMode === 'pull') return mode;
  const cap = unit.maxOpenPerPerson === null ? t('workload.noCap') : t('admin.units.capValue', { n: unit.maxOpenPerPerson });
  return [mode, cap, t('workload.minutes', { n: unit.takeTimeoutMinutes })].join(' · ');
}
