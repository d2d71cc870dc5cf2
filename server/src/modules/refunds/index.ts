// Owns refund first, verify later: limits and approval, the billing outbox and its adapters (HTTP, demo ledger),
// the verification result and the audit report.
export { createRefundRepository } from './repository.js';
export { createRefundService, type RefundService } from './service.js';
export { createBillingSender, type BillingSender } from './sender.js';
export {
  createHttpBillingAdapter,
  createLedgerBillingAdapter,
  loadBillingConfig,
  type BillingAdapter,
  type BillingConfig,
  type BillingRequest,
  type BillingResult,
} from './billing.js';
export { refundRoutes } from './routes.js';
export type { RefundTables } from './tables.js';
