import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { I18nProvider } from './i18n';
import { BoardScreen } from './screens/board/BoardScreen';
import { CustomersScreen } from './screens/customers/CustomersScreen';
import { AppShell } from './shell/AppShell';
import { ComingSoon, NotFound } from './shell/ComingSoon';
import { navItems } from './shell/nav';

// The board and Customers are in the main bundle (the board is the landing
// screen); the other screens load on first visit, so the first paint stays lean.
const DealsScreen = lazy(() => import('./screens/deals/DealsScreen').then((m) => ({ default: m.DealsScreen })));
const DealersScreen = lazy(() => import('./screens/dealers/DealersScreen').then((m) => ({ default: m.DealersScreen })));
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
            <Route path="/dealers/:id?" component={DealersScreen} />
            <Route path="/territories/:id?" component={TerritoriesScreen} />
            <Route path="/policy/:year?" component={PolicyScreen} />
            <Route path="/console" component={ConsoleScreen} />
            {navItems
              .filter((n) => !n.ready)
              .map((n) => (
                <Route key={n.path} path={n.path} nest>
                  <ComingSoon screen={n.label} />
                </Route>
              ))}
            <Route component={Fallback} />
          </Switch>
        </Suspense>
      </AppShell>
    </I18nProvider>
  );
}
