import type { ReactNode } from 'react';

/** Always rendered so screen readers announce the message when it appears. */
export function FormAlert({
  children,
  tone = 'error',
}: {
  children?: ReactNode;
  tone?: 'error' | 'success';
}) {
  return (
    <div
      className={children ? `alert alert--${tone}` : 'alert alert--empty'}
      role={tone === 'error' ? 'alert' : 'status'}
      aria-live={tone === 'error' ? 'assertive' : 'polite'}
    >
      {children}
    </div>
  );
}
