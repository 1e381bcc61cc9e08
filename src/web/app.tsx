import { useEffect, useRef, type ReactNode } from 'react';
import { offers, homeOf, navigationFor, worklistSection, type Offered, type Section } from './access.ts';
import { api, whenSignedOut, type AccessAlert } from './api.ts';
import { Footer, ServiceNavigation, SkipLink } from './govuk/index.ts';
import { AccessLogPage } from './pages/access-log-page.tsx';
import { ALERTS_SEEN_EVENT, AlertsPage } from './pages/alerts-page.tsx';
import { AuditPage } from './pages/audit-page.tsx';
import { ChildRecordPage } from './pages/child-record-page.tsx';
import { CorrectEntryPage, VoidEntryPage } from './pages/correct-entry-page.tsx';
import { FindChildPage } from './pages/find-child-page.tsx';
import { DashboardPage } from './pages/dashboard-page.tsx';
import { setFlash } from './pages/flash.ts';
import { MetricChildrenPage } from './pages/metric-children-page.tsx';
import { MetricPage } from './pages/metric-page.tsx';
import { ModulePageContent, modulePages, recordViews, worklists, WorklistContent } from './module-parts.tsx';
import { MyWorkPage } from './pages/my-work-page.tsx';
import { NotFoundPage, NotPermittedPage } from './pages/not-found-page.tsx';
import { OneTimeCodePage } from './pages/one-time-code-page.tsx';
import { RecordEventPage } from './pages/record-event-page.tsx';
import { RegisterChildPage } from './pages/register-child-page.tsx';
import { ReportsPage } from './pages/reports-page.tsx';
import { RestrictRecordPage } from './pages/restrict-record-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';
import { discardEveryDraft } from './recording/drafts.ts';
import { matchPath, navigate, useLocation } from './router.tsx';
import { SessionProvider, useSession, type Viewer } from './session.tsx';
import { useApi } from './use-api.ts';

interface Route {
  pattern: string;
  section?: Section;
  title: string;
  /** Open to anyone: the sign-in pages. Every other page needs someone signed in. */
  open?: boolean;
  /** Who is offered the page; a page not offered says so rather than showing what the API would refuse. */
  offered?: (viewer: Offered) => boolean;
  render: (params: Record<string, string>) => ReactNode;
}

const routes: Route[] = [
  { pattern: '/sign-in', title: 'Sign in', open: true, render: () => <SignInPage /> },
  { pattern: '/sign-in/one-time-code', title: 'Enter your one-time code', open: true, render: () => <OneTimeCodePage /> },
  { pattern: '/', section: 'my-work', title: 'My work', offered: offers.myWork, render: () => <MyWorkPage /> },
  { pattern: '/children', section: 'find', title: 'Find a child', offered: offers.findChild, render: () => <FindChildPage /> },
  { pattern: '/children/new', section: 'find', title: 'Register a child', offered: offers.recordEvents, render: () => <RegisterChildPage /> },
  { pattern: '/children/:childId', section: 'find', title: 'Child record', offered: offers.childRecord, render: (p) => <ChildRecordPage childId={p.childId!} view="" /> },
  { pattern: '/children/:childId/chronology', section: 'find', title: 'Chronology', offered: offers.childRecord, render: (p) => <ChildRecordPage childId={p.childId!} view="chronology" /> },
  // The modules' views of the record: Episodes and plans, Household and relationships…
  ...recordViews.map((view): Route => ({
    pattern: `/children/:childId/${view.path}`, section: 'find', title: view.title, offered: offers.childRecord, render: (p) => <ChildRecordPage childId={p.childId!} view={view.path} />,
  })),
  { pattern: '/children/:childId/access-log', section: 'find', title: 'Who has looked at this record', offered: offers.accessLog, render: (p) => <AccessLogPage childId={p.childId!} /> },
  { pattern: '/children/:childId/restrict', section: 'find', title: 'Restrict this record', offered: offers.restrictRecord, render: (p) => <RestrictRecordPage childId={p.childId!} /> },
  { pattern: '/children/:childId/chronology/:eventId/correct', section: 'find', title: 'Correct this entry', offered: offers.correctEntries, render: (p) => <CorrectEntryPage childId={p.childId!} eventId={p.eventId!} /> },
  { pattern: '/children/:childId/chronology/:eventId/recorded-in-error', section: 'find', title: 'This was recorded in error', offered: offers.correctEntries, render: (p) => <VoidEntryPage childId={p.childId!} eventId={p.eventId!} /> },
  { pattern: '/children/:childId/record/:eventType', section: 'find', title: 'Record', offered: offers.recordEvents, render: (p) => <RecordEventPage childId={p.childId!} eventType={p.eventType!} /> },
  // The modules' worklists: the children in their care and what is due for them.
  ...worklists.map((worklist): Route => {
    const { section, offered } = worklistSection(worklist);
    return { pattern: `/${worklist.path}`, section, title: worklist.title, offered, render: () => <WorklistContent worklist={worklist} /> };
  }),
  // The modules' own pages: a household's page, forms that record on several records at once.
  ...modulePages.map((page): Route => ({
    pattern: page.pattern, section: 'find', title: page.title, offered: offers.childRecord, render: (p) => <ModulePageContent key={page.pattern} page={page} params={p} />,
  })),
  { pattern: '/dashboards', section: 'dashboards', title: 'Dashboards', render: () => <DashboardPage /> },
  // The figures page of earlier versions is the dashboards now; old bookmarks still work.
  { pattern: '/figures', section: 'dashboards', title: 'Dashboards', render: () => <DashboardPage /> },
  { pattern: '/dashboards/:metricId', section: 'dashboards', title: 'Metric', render: (p) => <MetricPage key={p.metricId} metricId={p.metricId!} /> },
  { pattern: '/dashboards/:metricId/children', section: 'dashboards', title: 'The children behind a figure', offered: offers.childrenBehindFigures, render: (p) => <MetricChildrenPage metricId={p.metricId!} /> },
  { pattern: '/reports', section: 'reports', title: 'Reports', render: () => <ReportsPage /> },
  { pattern: '/alerts', section: 'alerts', title: 'Alerts', offered: offers.alerts, render: () => <AlertsPage /> },
  { pattern: '/audit', section: 'audit', title: 'Audit', offered: offers.reviewAudit, render: () => <AuditPage /> },
];

/** Where the page at `here` sends someone, if anywhere: to sign in, to finish signing in, or from My work to their own start. */
function redirectFor(route: Route | undefined, here: string, session: { account?: { pendingSecondFactor: boolean }; viewer?: Viewer }): string | undefined {
  if (route?.open) return undefined;
  const returnTo = here === '/' ? '' : `?returnTo=${encodeURIComponent(here)}`;
  if (session.account?.pendingSecondFactor) return `/sign-in/one-time-code${returnTo}`;
  if (!session.viewer) return `/sign-in${returnTo}`;
  if (here === '/' && !offers.myWork(session.viewer)) return homeOf(session.viewer);
  return undefined;
}

function IdentityBar(props: { viewer: Viewer }) {
  const { viewer } = props;
  const { teamName } = useSession();
  const signOut = async () => {
    await api.post(viewer.signedInWith === 'account' ? '/sign-out' : '/dev/sign-out', {});
    // Nothing typed about a child stays in the browser for whoever uses it next.
    discardEveryDraft();
    setFlash('You have signed out.');
    // A full load drops everything the app held for the person who signed out.
    window.location.assign('/sign-in');
  };
  return (
    <div className="app-identity-bar">
      <div className="govuk-width-container app-identity-bar__content">
        <p className="govuk-body govuk-!-font-size-16" data-testid="signed-in-as">
          Signed in as <strong>{viewer.name}</strong>, {viewer.roleTitle.toLowerCase()}{viewer.teamId ? `, ${teamName(viewer.teamId)}` : ''}
          {viewer.signedInWith === 'development' ? ' (development sign-in)' : ''}
        </p>
        <button type="button" className="app-sign-out govuk-body govuk-!-font-size-16" onClick={() => void signOut()}>Sign out</button>
      </div>
    </div>
  );
}

/**
 * The header's links for the viewer, the alerts link counting their new alerts (looked at again on
 * each page, and when one is marked as seen).
 */
function useNavigation(viewer: Viewer | undefined, path: string, section: Section | undefined) {
  const alerts = useApi<{ alerts: AccessAlert[] }>(viewer && offers.alerts(viewer) ? '/alerts' : null);
  const { reload } = alerts;
  const firstPath = useRef(path);
  useEffect(() => { if (path !== firstPath.current) reload(); }, [path, reload]);
  useEffect(() => {
    window.addEventListener(ALERTS_SEEN_EVENT, reload);
    return () => window.removeEventListener(ALERTS_SEEN_EVENT, reload);
  }, [reload]);
  if (!viewer) return [];
  const count = alerts.data?.alerts.filter((alert) => alert.seenAt === null).length ?? 0;
  return navigationFor(viewer, worklists).map((item) => ({
    href: item.href, active: item.section === section,
    text: item.section === 'alerts' && count > 0 ? `Alerts (${count} new)` : item.text,
  }));
}

function Layout() {
  const { path, query } = useLocation();
  const session = useSession();
  const { loaded, viewer, refresh } = session;
  const found = routes.map((route) => ({ route, params: matchPath(route.pattern, path) })).find((entry) => entry.params);
  const route = found?.route;
  const here = path + (query.toString() ? `?${query.toString()}` : '');
  const redirect = loaded ? redirectFor(route, here, session) : undefined;
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    document.title = `${route?.title ?? 'Page not found'} – Safeguard`;
    // After a client-side navigation, move focus to the new page as a full page load would.
    if (firstRender.current) firstRender.current = false;
    else mainRef.current?.focus();
  }, [path, route?.title]);
  useEffect(() => { if (redirect) navigate(redirect, { replace: true }); }, [redirect]);
  // A request that finds the session ended: say so at sign-in, which brings the person back here.
  const hadViewer = Boolean(viewer);
  useEffect(() => {
    whenSignedOut(() => {
      if (hadViewer) setFlash('Your session has ended, so you have been signed out. Sign in again to carry on where you were.');
      void refresh();
    });
    return () => whenSignedOut(undefined);
  }, [hadViewer, refresh]);
  const navigation = useNavigation(viewer, path, route?.section);
  let content: ReactNode;
  if (!loaded || redirect) content = <p className="govuk-body">Loading…</p>;
  else if (!route) content = <NotFoundPage />;
  else if (route.offered && viewer && !route.offered(viewer)) content = <NotPermittedPage home={homeOf(viewer)} />;
  else content = route.render(found.params!);
  return (
    <>
      <SkipLink href="#main-content" text="Skip to main content" />
      <header>
        <ServiceNavigation
          serviceName="Safeguard"
          serviceUrl="/"
          navigation={navigation}
          navigationLabel="Main"
          collapseNavigationOnMobile
        />
        {viewer ? <IdentityBar viewer={viewer} /> : null}
      </header>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1} ref={mainRef}>
          {content}
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
