import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { initialLang, translator, type Lang, type Translate } from './i18n';

interface I18n {
  lang: Lang;
  t: Translate;
  setLang(lang: Lang): void;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'maillage.lang';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(() => initialLang(localStorage.getItem(STORAGE_KEY), navigator.languages ?? []));
  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem(STORAGE_KEY, lang);
  }, [lang]);
  const value = useMemo(() => ({ lang, t: translator(lang), setLang }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
