import { App as AntApp, Button, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createBrowserRouter, Outlet, RouterProvider } from 'react-router';
import { I18nProvider, useI18n } from '../lib/i18n';
import { myApi, setSignedOutHandler } from './my-client';
import { MyNewTicketPage } from './new-ticket-page';
import { MySignInPage } from './sign-in-page';
import { MyTicketPage } from './ticket-page';
import { MyTicketsPage } from './tickets-page';

// The customer's self-service page: its own entry, session and routes under /my, apart from the staff workbench.
// Mobile first: one column, at most 480 px wide, big touch targets; it works on a 360 px phone.

type CustomerState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; phone: string };
interface CustomerSession {
  state: CustomerState;
  signedIn(phone: string): void;
  signOut(): Promise<void>;
}
const SessionContext = createContext<CustomerSession | null>(null);
export const useCustomer = () => useContext(SessionContext)!;

function CustomerSessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<CustomerState>({ status: 'loading' });
  useEffect(() => {
    setSignedOutHandler(() => setState({ status: 'signed-out' }));
    myApi.session().then(
      (me) => setState({ status: 'signed-in', phone: me.phone }),
      () => setState({ status: 'signed-out' }),
    );
    return () => setSignedOutHandler(null);
  }, []);
  const signedIn = useCallback((phone: string) => setState({ status: 'signed-in', phone }), []);
  const value = useMemo<CustomerSession>(
    () => ({
      state,
      signedIn,
      signOut: async () => {
        await myApi.signOut().catch(() => undefined);
        setState({ status: 'signed-out' });
      },
    }),
    [state, signedIn],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

function MyLayout() {
  const { t, lang, setLang } = useI18n();
  const { state, signOut } = useCustomer();
  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: '12px 12px 32px', minHeight: '100vh', background: '#f5f7fa' }}>
      <header style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 12 }}>
        <strong style={{ flex: 1, fontSize: 17 }}>{t('my.brand')}</strong>
        <Button size="small" type="text" data-testid="my-lang" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
          {t('my.lang')}
        </Button>
        {state.status === 'signed-in' && (
          <Button size="small" data-testid="my-sign-out" onClick={() => void signOut()}>
            {t('my.signOut')}
          </Button>
        )}
      </header>
      {state.status === 'loading' ? (
        <Spin style={{ display: 'block', margin: 48 }} />
      ) : state.status === 'signed-out' ? (
        <MySignInPage />
      ) : (
        <Outlet />
      )}
    </div>
  );
}

const router = createBrowserRouter([
  {
    path: '/my',
    element: <MyLayout />,
    children: [
      { index: true, element: <MyTicketsPage /> },
      { path: 'new', element: <MyNewTicketPage /> },
      { path: 'tickets/:number', element: <MyTicketPage /> },
      { path: '*', element: <MyTicketsPage /> },
    ],
  },
]);

function LocalisedAntd({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = lang === 'en' ? 'My complaints' : '我的投诉';
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#0a6bd6', borderRadius: 8, fontSize: 15 } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export default function MyApp() {
  return (
    <I18nProvider>
      <LocalisedAntd>
        <CustomerSessionProvider>
          <RouterProvider router={router} />
        </CustomerSessionProvider>
      </LocalisedAntd>
    </I18nProvider>
  );
}
