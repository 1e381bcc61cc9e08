import { useEffect, useRef, type ReactNode } from 'react';
import { api } from './api.ts';
import { Footer, ServiceNavigation, SkipLink } from './govuk/index.ts';
import { ChildRecordPage } from './pages/child-record-page.tsx';
import { FindChildPage } from './pages/find-child-page.tsx';
import { DashboardPage } from './pages/dashboard-page.tsx';
import { MetricChildrenPage } from './pages/metric-children-page.tsx';
import { MetricPage } from './pages/metric-page.tsx';
import { MyWorkPage } from './pages/my-work-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { RecordEventPage } from './pages/record-event-page.tsx';
import { RegisterChildPage } from './pages/register-child-page.tsx';
import { ReportsPage } from './pages/reports-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';
import { matchPath, navigate, useLocation } from './router.tsx';
import { roleLabel, SessionProvider, useSession } from './session.tsx';

interface Route {
  pattern: string;
  section?: 'my-work' | 'find' | 'dashboards' | 'reports';
  title: string;
  render: (params: Record<string, string>) => ReactNode;
}

const routes: Route[] = [
  { pattern: '/sign-in', title: 'Sign in', render: () => <SignInPage /> },
  { pattern: '/', section: 'my-work', title: 'My work', render: () => <MyWorkPage /> },
  { pattern: '/children', section: 'find', title: 'Find a child', render: () => <FindChildPage /> },
  { pattern: '/children/new', section: 'find', title: 'Register a child', render: () => <RegisterChildPage /> },
  { pattern: '/children/:childId', section: 'find', title: 'Child record', render: (p) => <ChildRecordPage childId={p.childId!} view="summary" /> },
  { pattern: '/children/:childId/chronology', section: 'find', title: 'Chronology', render: (p) => <ChildRecordPage childId={p.childId!} view="chronology" /> },
  { pattern: '/children/:childId/episodes', section: 'find', title: 'Episodes and plans', render: (p) => <ChildRecordPage childId={p.childId!} view="episodes" /> },
  { pattern: '/children/:childId/household', section: 'find', title: 'Household and relationships', render: (p) => <ChildRecordPage childId={p.childId!} view="household" /> },
  { pattern: '/children/:childId/record/:eventType', section: 'find', title: 'Record', render: (p) => <RecordEventPage childId={p.childId!} eventType={p.eventType!} /> },
  { pattern: '/dashboards', section: 'dashboards', title: 'Dashboards', render: () => <DashboardPage /> },
  // The figures page of earlier versions is the dashboards now; old bookmarks still work.
  { pattern: '/figures', section: 'dashboards', title: 'Dashboards', render: () => <DashboardPage /> },
  { pattern: '/dashboards/:metricId', section: 'dashboards', title: 'Metric', render: (p) => <MetricPage key={p.metricId} metricId={p.metricId!} /> },
  { pattern: '/dashboards/:metricId/children', section: 'dashboards', title: 'The children behind a figure', render: (p) => <MetricChildrenPage metricId={p.metricId!} /> },
  { pattern: '/reports', section: 'reports', title: 'Reports', render: () => <ReportsPage /> },
];

function IdentityBar() {
  const { session, refresh } = useSession();
  if (!session?.devSignIn) return null;
  const signOut = async () => {
    await api.post('/dev/sign-out', {});
    await refresh();
    navigate('/sign-in');
  };
  return (
    <div className="app-identity-bar">
      <div className="govuk-width-container app-identity-bar__content">
        {session.worker ? (
          <>
            <p className="govuk-body govuk-!-font-size-16" data-testid="signed-in-as">
              Signed in as <strong>{session.worker.name}</strong>, {roleLabel(session.worker.role).toLowerCase()}, {session.worker.teamName ?? session.worker.teamId}
            </p>
            <button type="button" className="app-sign-out govuk-body govuk-!-font-size-16" onClick={() => void signOut()}>Sign out</button>
          </>
        ) : (
          <p className="govuk-body govuk-!-font-size-16">Not signed in (development sign-in) · <a className="govuk-link" href="/sign-in">Sign in</a></p>
        )}
      </div>
    </div>
  );
}

function Layout() {
  const { path } = useLocation();
  const found = routes.map((route) => ({ route, params: matchPath(route.pattern, path) })).find((entry) => entry.params);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    document.title = `${found?.route.title ?? 'Page not found'} – Safeguard`;
    // After a client-side navigation, move focus to the new page as a full page load would.
    if (firstRender.current) firstRender.current = false;
    else mainRef.current?.focus();
  }, [path, found?.route.title]);
  const section = found?.route.section;
  return (
    <>
      <SkipLink href="#main-content" text="Skip to main content" />
      <header>
        <ServiceNavigation
          serviceName="Safeguard"
          serviceUrl="/"
          navigation={[
            { href: '/', text: 'My work', active: section === 'my-work' },
            { href: '/children', text: 'Find a child', active: section === 'find' },
            { href: '/dashboards', text: 'Dashboards', active: section === 'dashboards' },
            { href: '/reports', text: 'Reports', active: section === 'reports' },
          ]}
          navigationLabel="Main"
          collapseNavigationOnMobile={false}
        />
        <IdentityBar />
      </header>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1} ref={mainRef}>
          {found ? found.route.render(found.params!) : <NotFoundPage />}
        </main>
      </div>
      <Footer meta={{ items: [{ href: '/api/v1/openapi.json', text: 'API' }], text: 'Safeguard: open-source case record for children\'s services. Synthetic data only.' }} />
    </>
  );
}

/** Client-side links in the service navigation go through the router too. */
function useLinkInterception() {
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as HTMLElement).closest('a');
      if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname.startsWith('/api/') || (url.hash && url.pathname === window.location.pathname)) return;
      event.preventDefault();
      navigate(url.pathname + url.search);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);
}

export function App() {
  useLinkInterception();
  return (
    <SessionProvider>
      <Layout />
    </SessionProvider>
  );
}
