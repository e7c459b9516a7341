import { Redirect, Route, Switch, useLocation } from 'wouter';
import { I18nProvider } from './i18n';
import { CustomersScreen } from './screens/customers/CustomersScreen';
import { AppShell } from './shell/AppShell';
import { ComingSoon, NotFound } from './shell/ComingSoon';
import { navItems } from './shell/nav';

function Fallback() {
  const [location] = useLocation();
  return <NotFound path={location} />;
}

export function App() {
  return (
    <I18nProvider>
      <AppShell>
        <Switch>
          <Route path="/">
            <Redirect to="/customers" replace />
          </Route>
          <Route path="/customers/:id?" component={CustomersScreen} />
          {navItems
            .filter((n) => !n.ready)
            .map((n) => (
              <Route key={n.path} path={n.path} nest>
                <ComingSoon screen={n.label} />
              </Route>
            ))}
          <Route component={Fallback} />
        </Switch>
      </AppShell>
    </I18nProvider>
  );
}
