import { RefundTable } from '../features/refunds/refund-table';

export function RefundApprovalsPage() {
  return <RefundTable approvals />;
}
