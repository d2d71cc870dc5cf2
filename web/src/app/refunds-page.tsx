import { RefundTable } from '../features/refunds/refund-table';

export function RefundsPage() {
  return <RefundTable />;
}
