import { createContext, createElement, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from '../locales/en';
import { zhCN, type MessageKey, type Messages } from '../locales/zh-CN';
import { ApiError } from './api-client';

export type Lang = 'zh-CN' | 'en';
export type { MessageKey };
type Vars = Record<string, string | number>;

export const catalogs: Record<Lang, Messages> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'closeloop.lang';

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = catalogs[lang][key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
}

const isKey = (key: string): key is MessageKey => key in zhCN;

/** Server messages are English; a code we know reads better in the user's language. */
export function describeError(lang: Lang, error: unknown): string {
  if (error instanceof ApiError) {
    const key = `error.${error.code}`;
    return isKey(key) ? translate(lang, key) : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, vars?: Vars): string;
  /** the name of a unit, category or anything else named in both languages */
  local(zh: string, english: string): string;
  errorText(error: unknown): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private browsing may refuse storage; the switch still works for this visit
    }
    document.documentElement.lang = next;
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      local: (zh, english) => (lang === 'en' ? english || zh : zh || english),
      errorText: (error) => describeError(lang, error),
    }),
    [lang, setLang],
  );
  return createElement(I18nContext.Provider, { value }, children);
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
