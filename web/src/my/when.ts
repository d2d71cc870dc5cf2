import type { Lang } from '../lib/i18n';

// The customer's own time zone is the browser's; a complaint's times read as "11月24日 14:30" or "24 Nov, 14:30".
export function shortTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}
