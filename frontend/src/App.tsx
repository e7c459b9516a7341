import { lazy, Suspense, type ReactNode } from 'react';
import { Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { SessionProvider, useAccess, useSession } from './auth/SessionProvider';
import { SignInScreen } from './auth/SignInScreen';
import { I18nProvider, useI18n, type MessageKey } from './i18n';
import { BoardScreen } from './screens/board/BoardScreen';
import { CustomersScreen } from './screens/customers/CustomersScreen';
import { safeNext, type Capability } from './shell/access';
import { AppShell } from './shell/AppShell';
import { NotFound } from './shell/ComingSoon';
import { NotAvailable } from './shell/NotAvailable';

// The board and Customers are in the main bundle (the board is the landing
// screen); the other screens load on first visit, so the first paint stays lean.
const DealsScreen = lazy(() => import('./screens/deals/DealsScreen').then((m) => ({ default: m.DealsScreen })));
const DealersScreen = lazy(() => import('./screens/dealers/DealersScreen').then((m) => ({ default: m.DealersScreen })));
const MyDealerScreen = lazy(() => import('./screens/dealers/MyDealerScreen').then((m) => ({ default: m.MyDealerScreen })));
const TerritoriesScreen = lazy(() => import('./screens/territories/TerritoriesScreen').then((m) => ({ default: m.TerritoriesScreen })));
const ConsoleScreen = lazy(() => import('./screens/console/ConsoleScreen').then((m) => ({ default: m.ConsoleScreen })));
const PolicyScreen = lazy(() => import('./screens/policy/PolicyScreen').then((m) => ({ default: m.PolicyScreen })));

function Loading() {
  return <div className="screen" aria-busy="true" />;
}

function Fallback() {
  const [location] = useLocation();
  return <NotFound path={location} />;
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Gate />
      </SessionProvider>
    </I18nProvider>
  );
}

// Gate shows the app to a signed-in person and the sign-in screen to anyone
// else. An anonymous visit to a deep link, or a session that ends while the
// person works, goes to /signin?next=<where they were>; signing in returns
// there. The app is keyed by the user, so another person signing in on the
// same page starts from a clean state (and the board's websocket reconnects
// with the new session's cookie).
function Gate() {
  const { t } = useI18n();
  const { state } = useSession();
  const [location] = useLocation();
  const search = useSearch();
  const onSignIn = location === '/signin';

  if (state.status === 'checking') {
    return (
      <div className="splash" aria-busy="true">
        {t('app.loading')}
      </div>
    );
  }
  if (state.status !== 'signedIn') {
    if (!onSignIn) {
      const here = location + (search ? `?${search}` : '');
      const keep = !state.signedOut && here !== '/' && here !== '/board';
      return <Redirect to={keep ? `/signin?next=${encodeURIComponent(here)}` : '/signin'} replace />;
    }
    return <SignInScreen expired={state.expired} unreachable={state.unreachable} />;
  }
  if (onSignIn) return <Redirect to={safeNext(new URLSearchParams(search).get('next'))} replace />;
  return <SignedInApp key={state.user.id} />;
}

// Guard renders a screen only for a role that may open it.
function Guard({ capability, screen, children }: { capability: Capability; screen: MessageKey; children: ReactNode }) {
  const { can } = useAccess();
  return can(capability) ? children : <NotAvailable screen={screen} />;
}

function Dealers() {
  const { can } = useAccess();
  if (!can('screen.dealers')) return <NotAvailable screen="nav.dealers" />;
  // A dealer user sees its own dealer only: plan, bonus, territories.
  return can('dealers.all') ? <DealersScreen /> : <MyDealerScreen />;
}

function SignedInApp() {
  return (
    <AppShell>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path="/">
            <Redirect to="/board" replace />
          </Route>
          <Route path="/board/:id?" component={BoardScreen} />
          <Route path="/customers/:id?" component={CustomersScreen} />
          <Route path="/deals">
            <Redirect to="/deals/inbox" replace />
          </Route>
          <Route path="/deals/:view" component={DealsScreen} />
          <Route path="/dealers/:id?" component={Dealers} />
          <Route path="/territories/:id?">
            <Guard capability="screen.territories" screen="nav.territories">
              <TerritoriesScreen />
            </Guard>
          </Route>
          <Route path="/policy/:year?" component={PolicyScreen} />
          <Route path="/console">
            <Guard capability="screen.console" screen="nav.console">
              <ConsoleScreen />
            </Guard>
          </Route>
          <Route component={Fallback} />
        </Switch>
      </Suspense>
    </AppShell>
  );
}
