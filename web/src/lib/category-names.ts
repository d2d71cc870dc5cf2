import type { Category } from '../../../contracts/org.js';
import type { I18n } from './i18n';

/**
 * Category codes (a person's skills, say) as names in the user's language, in the codes' order; a code no longer
 * listed keeps its code, so nothing silently disappears.
 */
export function categoryNames(codes: readonly string[], categories: readonly Category[], local: I18n['local']): string[] {
  const byCode = new Map(categories.map((c) => [c.code, c]));
  return codes.map((code) => {
    const c = byCode.get(code);
    return c ? local(c.nameZh, c.nameEn) : code;
  });
}
