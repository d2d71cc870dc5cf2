import { App } from 'antd';
import { useI18n } from '../../lib/i18n';
import { useLoad } from '../../lib/use-load';

/** A list an administrator edits: reload after each change, say what happened. */
export function useAdminList<T>(load: () => Promise<{ items: T[] }>) {
  const { message } = App.useApp();
  const { t, errorText } = useI18n();
  const list = useLoad(() => load().then((r) => r.items), []);

  const saved = async (change: Promise<unknown>) => {
    await change;
    void message.success(t('common.saved'));
    await list.reload();
  };

  /** for row buttons (deactivate, delete) that have no dialog to show a refusal in */
  const attempt = async (change: Promise<unknown>, done: 'common.saved' | 'common.deleted' = 'common.saved') => {
    try {
      await change;
      void message.success(t(done));
    } catch (e) {
      void message.error(errorText(e), 5);
    }
    await list.reload();
  };

  return { items: list.data ?? [], isLoading: list.isLoading, error: list.error, reload: list.reload, saved, attempt };
}
