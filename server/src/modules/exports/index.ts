// Owns downloads: ticket lists and figure tables as CSV/XLSX streamed from keyset pages, and the monthly unit report.
export { createExportService, type ExportService } from './service.js';
export { exportRoutes } from './routes.js';
