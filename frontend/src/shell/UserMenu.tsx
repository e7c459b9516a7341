// The signed-in person in the header: a button with their email and role
// opening a small menu with the role, the dealer a dealer user acts for, and
// Sign out. Keyboard: Enter or ↓ opens and focuses Sign out, Esc closes and
// returns focus to the button.
import { useEffect, useId, useRef, useState } from 'react';
import { useAccess, useSession } from '../auth/SessionProvider';
import { useI18n } from '../i18n';
import { roleLabel } from './access';

export function UserMenu() {
  const { t } = useI18n();
  const { user, role } = useAccess();
  const { signOut } = useSession();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const signOutItem = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    signOutItem.current?.focus();
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div
      className="user-menu"
      ref={root}
      data-testid="user-menu"
      data-role={role}
      data-email={user.email}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          e.preventDefault();
          close();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="btn user-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={t('user.menu', { email: user.email })}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
        data-testid="user-menu-button"
      >
        <span className="user-avatar" aria-hidden="true">
          {user.email.slice(0, 1).toUpperCase()}
        </span>
        <span className="user-email">{user.email}</span>
        <span className="badge">{t(roleLabel(role))}</span>
      </button>
      {open && (
        <div className="user-popover" id={menuId} role="menu" aria-label={t('user.menu', { email: user.email })}>
          <dl className="facts tight">
            <dt>{t('signin.email')}</dt>
            <dd data-testid="user-email">{user.email}</dd>
            <dt>{t('user.role')}</dt>
            <dd data-testid="user-role">{t(roleLabel(role))}</dd>
            {user.dealer && (
              <>
                <dt>{t('user.dealer')}</dt>
                <dd data-testid="user-dealer">{user.dealer.name}</dd>
              </>
            )}
          </dl>
          <button
            ref={signOutItem}
            type="button"
            role="menuitem"
            className="btn user-signout"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              await signOut();
            }}
            data-testid="sign-out"
          >
            {t('user.signOut')}
          </button>
        </div>
      )}
    </div>
  );
}
