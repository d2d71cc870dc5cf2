import { TemplatePlaceholders, type TemplatePlaceholder } from '../../../../contracts/knowledge.js';

// Filling a reply template, pure. A value the ticket cannot supply stays visible as 【name】 so the agent sees the gap
// before the text reaches a customer; unknown braces are left exactly as written.
export type TemplateValues = Partial<Record<TemplatePlaceholder, string | null>>;

const known = new Set<string>(TemplatePlaceholders);
const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

export function renderTemplate(body: string, values: TemplateValues): { text: string; missing: string[] } {
  const missing: string[] = [];
  const text = body.replace(PLACEHOLDER, (whole, name: string) => {
    if (!known.has(name)) return whole;
    const v = values[name as TemplatePlaceholder];
    if (v === undefined || v === null || v.trim() === '') {
      if (!missing.includes(name)) missing.push(name);
      return `【${name}】`;
    }
    return v;
  });
  return { text, missing };
}

/** the known placeholders a template uses, for the admin screen's check */
export const placeholdersIn = (body: string): string[] =>
  [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!))].filter((n) => known.has(n));
