import type { ReactNode } from 'react';
import { GraphQLRequestError } from '../graphql';
import { useI18n } from '../i18n';

export function EmptyState({ title, children, icon = '∅' }: { title: string; children?: ReactNode; icon?: string }) {
  return (
    <div className="state" role="status">
      <div className="state-icon" aria-hidden="true">{icon}</div>
      <div className="state-title">{title}</div>
      {children && <div className="state-body">{children}</div>}
    </div>
  );
}

// errorText shows the server's own GraphQL message as is (it is written for
// users, see the error presenter) and words transport failures in the UI language.
export function useErrorText(): (error: Error) => string {
  const { t } = useI18n();
  return (error) => {
    if (error instanceof GraphQLRequestError) {
      if (error.code === 'HTTP') return t('error.http', { status: String(error.status ?? '') });
      if (error.code === 'NETWORK') return t('error.network', { message: error.message });
    }
    return error.message;
  };
}

export function ErrorState({ title, error, action }: { title: string; error: Error; action?: ReactNode }) {
  const errorText = useErrorText();
  return (
    <div className="state state-error" role="alert">
      <div className="state-icon" aria-hidden="true">!</div>
      <div className="state-title">{title}</div>
      <div className="state-body error-message">{errorText(error)}</div>
      {action}
    </div>
  );
}
