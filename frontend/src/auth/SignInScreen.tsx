// The sign-in screen: email and password, one generic message for wrong
// credentials (the server's is generic on purpose), a countdown when the
// server slows sign-ins down (429 with Retry-After), and a note when the
// session ended under the person. Works from the keyboard alone: the email
// field has focus, Enter signs in.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { DisplayControls } from '../shell/DisplayControls';
import { useSession } from './SessionProvider';

type Problem =
  | { kind: 'missing' }
  | { kind: 'invalid' }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'throttled'; until: number };

export function SignInScreen({ expired, unreachable }: { expired: boolean; unreachable?: string }) {
  const { t } = useI18n();
  const { signIn, retry } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(unreachable ? { kind: 'unreachable', detail: unreachable } : null);
  const [now, setNow] = useState(() => Date.now());
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  // The countdown of a throttled sign-in.
  const waiting = problem?.kind === 'throttled' ? Math.max(0, Math.ceil((problem.until - now) / 1000)) : 0;
  useEffect(() => {
    if (problem?.kind !== 'throttled') return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [problem]);
  useEffect(() => {
    if (problem?.kind === 'throttled' && waiting === 0) setProblem(null);
  }, [problem, waiting]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy || waiting > 0) return;
    if (!email.trim() || !password) {
      setProblem({ kind: 'missing' });
      (email.trim() ? passwordRef : emailRef).current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    const r = await signIn(email, password);
    if (r.ok) return; // The app replaces this screen.
    setBusy(false);
    if (r.reason === 'throttled') {
      setNow(Date.now());
      setProblem({ kind: 'throttled', until: Date.now() + r.retryAfter * 1000 });
    } else if (r.reason === 'invalid') {
      setProblem({ kind: 'invalid' });
      setPassword('');
      passwordRef.current?.focus();
    } else {
      setProblem({ kind: 'unreachable', detail: r.detail });
    }
  };

  let message: string | null = null;
  if (problem?.kind === 'missing') message = t('signin.missing');
  else if (problem?.kind === 'invalid') message = t('signin.invalid');
  else if (problem?.kind === 'throttled') message = t('signin.throttled', { n: waiting });
  else if (problem?.kind === 'unreachable') message = t('signin.unreachable', { detail: problem.detail });

  return (
    <div className="signin-page">
      <div className="signin-tools">
        <DisplayControls />
      </div>
      <main className="signin-card" data-testid="signin">
        <div className="brand signin-brand">
          <span className="brand-mark" aria-hidden="true">◧</span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <div className="dim">{t('app.tagline')}</div>
        <h1 className="signin-title">{t('signin.title')}</h1>
        {expired && !message && (
          <div className="callout info" role="status" data-testid="signin-expired">
            {t('signin.expired')}
          </div>
        )}
        <form className="signin-form" onSubmit={submit} noValidate aria-busy={busy}>
          <label className="form-field">
            <span>{t('signin.email')}</span>
            <input
              ref={emailRef}
              className="input"
              type="email"
              name="email"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={problem?.kind === 'invalid' || (problem?.kind === 'missing' && !email.trim()) || undefined}
              aria-describedby="signin-message"
              data-testid="signin-email"
            />
          </label>
          <label className="form-field">
            <span>{t('signin.password')}</span>
            <input
              ref={passwordRef}
              className="input"
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={problem?.kind === 'invalid' || (problem?.kind === 'missing' && !password) || undefined}
              aria-describedby="signin-message"
              data-testid="signin-password"
            />
          </label>
          <div id="signin-message" className="signin-message" aria-live="assertive">
            {message && (
              <div className="error-message" role="alert" data-testid="signin-error" data-problem={problem?.kind}>
                {message}
              </div>
            )}
          </div>
          <button type="submit" className="btn primary signin-submit" disabled={busy || waiting > 0} data-testid="signin-submit">
            {busy ? t('signin.busy') : t('signin.submit')}
          </button>
          {problem?.kind === 'unreachable' && unreachable && (
            <button type="button" className="btn link" onClick={retry}>
              {t('signin.retry')}
            </button>
          )}
        </form>
      </main>
    </div>
  );
}
