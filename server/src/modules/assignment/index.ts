// Owns who works an order inside a unit: pull or push (round robin, least open work, by skill), presence,
// taking back orders nobody took in time, supervisors' reassignment and each person's load.
export { createAssignmentRepository } from './repository.js';
export { createAssignmentService, type AssignmentService, type Duty } from './service.js';
export { assignmentRoutes } from './routes.js';
