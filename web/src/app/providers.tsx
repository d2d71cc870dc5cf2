import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/zh-cn';
import { useEffect, type ReactNode } from 'react';
import { SessionProvider } from '../lib/auth';
import { I18nProvider, useI18n } from '../lib/i18n';

const theme = { token: { colorPrimary: '#0a6bd6', borderRadius: 6 } };

function LocalisedAntd({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <LocalisedAntd>
        <SessionProvider>{children}</SessionProvider>
      </LocalisedAntd>
    </I18nProvider>
  );
}
