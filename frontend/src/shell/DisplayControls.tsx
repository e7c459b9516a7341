// The language picker and the light/dark switch, on the sign-in page and
// in the app's header alike.
import { localeNames, locales, useI18n, type Locale } from '../i18n';
import { useTheme } from './theme';

export function DisplayControls() {
  const { t, locale, setLocale } = useI18n();
  const [theme, toggleTheme] = useTheme();
  const themeLabel = theme === 'dark' ? t('theme.toLight') : t('theme.toDark');
  return (
    <>
      <select className="input compact" aria-label={t('lang.label')} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
        {locales.map((l) => (
          <option key={l} value={l}>
            {localeNames[l]}
          </option>
        ))}
      </select>
      <button type="button" className="btn icon" onClick={toggleTheme} title={themeLabel} aria-label={themeLabel} data-testid="theme-toggle">
        {theme === 'dark' ? '☀' : '☾'}
      </button>
    </>
  );
}
