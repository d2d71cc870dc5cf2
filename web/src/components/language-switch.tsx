import { Segmented } from 'antd';
import { useI18n, type Lang } from '../lib/i18n';

// Each language is named in itself, so a user who cannot read the current one still finds theirs.
const options = [
  { value: 'zh-CN' as Lang, label: <span data-testid="lang-zh">中文</span> },
  { value: 'en' as Lang, label: <span data-testid="lang-en">English</span> },
];

export function LanguageSwitch() {
  const { lang, setLang } = useI18n();
  return <Segmented<Lang> size="small" value={lang} onChange={setLang} options={options} data-testid="language-switch" />;
}
