// A small modal dialog on the native <dialog> element: focus is trapped and
// Esc closes it without any code of ours.
import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n';

type Props = { title: string; onClose: () => void; children: ReactNode; wide?: boolean; testId?: string };

export function Dialog({ title, onClose, children, wide, testId }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    // showModal focuses the first focusable element, the close button; a
    // form's first field is where the person wants to type.
    d?.querySelector<HTMLElement>('input:not([type=hidden]), textarea, select')?.focus();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' wide' : ''}`}
      aria-label={title}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <div className="dialog-head">
        <h2>{title}</h2>
        <button type="button" className="btn icon" onClick={onClose} aria-label={t('detail.close')} title={`${t('detail.close')} (Esc)`}>
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}

// FieldError shows the message for one form field, tied to it by id.
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <div className="field-error error-message" id={id} role="alert">
      {message}
    </div>
  );
}
