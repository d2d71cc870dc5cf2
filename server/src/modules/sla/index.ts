// Owns time limits: calendars and holidays, SLA policies, each ticket's clocks, the sweep that fires warnings
// and breaches, escalation rules and timeliness figures.
export { createSlaRepository } from './repository.js';
export { createClockPlanner, type ClockPlanner } from './planner.js';
export { createSlaScheduler, type SlaScheduler, type ClockAlert } from './scheduler.js';
export { createSlaAdmin } from './admin.js';
export { createSlaFigures } from './figures.js';
export { slaRoutes } from './routes.js';
export { nextOpening } from './calendar.js';
// the pure business-hours maths, for modules with calendars of their own (specialist seats' callbacks)
export { addOpenTime, dailyHours, type BusinessCalendar, type OpenHours } from './calendar.js';
