import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert';
import { useT } from '@/i18n/i18n-provider';

/** A date picker that takes the room to the first message sent on or after that day. */
export function JumpToDate({
  onJump,
  disabled = false,
}: {
  /** Resolves false when no message was sent on or after the moment. */
  onJump: (isoDate: string) => Promise<boolean>;
  disabled?: boolean;
}) {
  const t = useT();
  const id = useId();
  const [date, setDate] = useState('');
  const jump = useMutation({ mutationFn: onJump });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The day starts at local midnight, where the reader lives.
    if (date) jump.mutate(new Date(`${date}T00:00:00`).toISOString());
  };

  return (
    <form className="chat-room__date" onSubmit={submit}>
      <label htmlFor={id}>{t('chat.jumpToDate.label')}</label>
      <input
        id={id}
        className="field__input"
        type="date"
        value={date}
        onChange={(e) => {
          setDate(e.target.value);
          jump.reset();
        }}
      />
      <button
        className="button button--ghost"
        type="submit"
        disabled={disabled || !date || jump.isPending}
      >
        {t('chat.jumpToDate.submit')}
      </button>
      <p className="chat-room__date-status muted" role="status">
        {jump.data === false ? t('chat.jumpToDate.none') : null}
      </p>
      <FormAlert>{jump.isError ? t('chat.loadFailed') : null}</FormAlert>
    </form>
  );
}
