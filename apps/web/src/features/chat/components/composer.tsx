import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useT } from '@/i18n/i18n-provider';

export const MESSAGE_MAX = 4000;
/** `typing.start` at most this often while keys keep coming. */
const TYPING_REPEAT_MS = 3_000;
/** No key for this long: `typing.stop`. */
const TYPING_IDLE_MS = 4_000;

interface ComposerProps {
  onSend: (text: string) => void;
  onTyping: (isTyping: boolean) => void;
  /** A photo picked to send; the room view uploads it and sends the message. */
  onImage?: (file: File) => void;
  /** 0..1 while a photo uploads, else null. */
  imageProgress?: number | null;
}

export function Composer({ onSend, onTyping, onImage, imageProgress = null }: ComposerProps) {
  const t = useT();
  const id = useId();
  const fileId = useId();
  const hintId = useId();
  const [text, setText] = useState('');
  const lastStart = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout>>(undefined);

  const stopTyping = () => {
    clearTimeout(idle.current);
    if (lastStart.current) onTyping(false);
    lastStart.current = 0;
  };

  useEffect(() => () => clearTimeout(idle.current), []);

  const change = (value: string) => {
    setText(value);
    if (!value.trim()) return stopTyping();
    const now = Date.now();
    if (now - lastStart.current > TYPING_REPEAT_MS) {
      lastStart.current = now;
      onTyping(true);
    }
    clearTimeout(idle.current);
    idle.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const message = text.trim();
    if (!message) return;
    stopTyping();
    onSend(message);
    setText('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter while a Korean syllable is still being composed belongs to the IME.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form className="composer" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={id}>
        {t('chat.composer.label')}
      </label>
      <span className="visually-hidden" id={hintId}>
        {t('chat.composer.hint')}
      </span>
      <textarea
        id={id}
        className="field__input composer__input"
        rows={2}
        maxLength={MESSAGE_MAX}
        placeholder={t('chat.composer.placeholder')}
        aria-describedby={hintId}
        value={text}
        onChange={(e) => change(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {onImage ? (
        <label
          className={`button button--ghost${imageProgress !== null ? ' is-disabled' : ''}`}
          htmlFor={fileId}
        >
          {t('chat.image.choose')}
          <input
            id={fileId}
            className="visually-hidden"
            type="file"
            accept="image/jpeg,image/png,image/webp,image/gif"
            disabled={imageProgress !== null}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) onImage(file);
            }}
          />
        </label>
      ) : null}
      <button className="button button--primary" type="submit" disabled={!text.trim()}>
        {t('chat.composer.send')}
      </button>
      {imageProgress !== null ? (
        <progress
          className="composer__progress"
          max={100}
          value={Math.round(imageProgress * 100)}
          aria-label={t('chat.image.progress', { percent: Math.round(imageProgress * 100) })}
        />
      ) : null}
    </form>
  );
}
