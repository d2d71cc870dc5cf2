import { CallbackQueue } from '../features/callbacks/callback-queue';

export function CallbacksPage() {
  return <CallbackQueue />;
}
