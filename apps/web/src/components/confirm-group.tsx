import type { Ref } from 'react';

/**
 * The second, explicit step of a destructive action: the question, the action (danger) and
 * Cancel, announced as one group. Both buttons are disabled while the action runs.
 */
export function ConfirmGroup({
  question,
  actionLabel,
  cancelLabel,
  isPending,
  onConfirm,
  onCancel,
  cancelRef,
}: {
  question: string;
  actionLabel: string;
  cancelLabel: string;
  isPending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  cancelRef?: Ref<HTMLButtonElement>;
}) {
  return (
    <span className="message__actions" role="group" aria-label={question}>
      <span>{question}</span>
      <button
        className="button button--danger"
        type="button"
        disabled={isPending}
        onClick={onConfirm}
      >
        {actionLabel}
      </button>
      <button
        ref={cancelRef}
        className="button button--ghost"
        type="button"
        disabled={isPending}
        onClick={onCancel}
      >
        {cancelLabel}
      </button>
    </span>
  );
}
