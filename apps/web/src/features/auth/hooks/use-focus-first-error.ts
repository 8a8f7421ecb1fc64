import { useEffect, useRef, type RefObject } from 'react';
import type { AuthField, FieldErrors } from '../components/auth-form-errors';

/**
 * After a failed submit, moves focus to the first invalid input once it has rendered its error,
 * so screen readers announce the message through aria-describedby.
 */
export function useFocusFirstError(
  order: readonly AuthField[],
  refs: Partial<Record<AuthField, RefObject<HTMLInputElement | null>>>,
) {
  const pending = useRef<FieldErrors | null>(null);

  useEffect(() => {
    const errors = pending.current;
    if (!errors) return;
    pending.current = null;
    const first = order.find((field) => errors[field]);
    if (first) refs[first]?.current?.focus();
  });

  return (errors: FieldErrors) => {
    pending.current = errors;
  };
}
