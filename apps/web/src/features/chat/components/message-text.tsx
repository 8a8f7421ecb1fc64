import { useMemo, useState } from 'react';
import { useT } from '@/i18n/i18n-provider';
import { parseMarkup } from '../store/message-markup';

/** Copies to the clipboard and says so for a moment; nothing happens where copying is blocked. */
function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useT();
  const [state, setState] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState(null), 2_000);
  };
  return (
    <>
      <button
        className="button button--ghost code-block__copy"
        type="button"
        aria-label={label}
        onClick={() => void copy()}
      >
        {state === 'copied' ? t('chat.code.copied') : t('chat.code.copy')}
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied'
          ? t('chat.code.copied')
          : state === 'failed'
            ? t('chat.code.copyFailed')
            : ''}
      </span>
    </>
  );
}

/** A message's text with inline `code` and fenced blocks; all of it React text, never HTML. */
export function MessageText({ text }: { text: string }) {
  const t = useT();
  const parts = useMemo(() => parseMarkup(text), [text]);
  return parts.map((part, index) => {
    if (part.kind === 'text') return <span key={index}>{part.text}</span>;
    if (part.kind === 'code') {
      return (
        <code key={index} className="code-inline">
          {part.text}
        </code>
      );
    }
    const label = part.lang ? t('chat.code.blockLang', { lang: part.lang }) : t('chat.code.block');
    return (
      <span key={index} className="code-block" role="group" aria-label={label}>
        <span className="code-block__bar">
          <span className="code-block__lang">{part.lang ?? ''}</span>
          <CopyButton text={part.text} label={t('chat.code.copyLabel', { label })} />
        </span>
        <pre className="code-block__pre" tabIndex={0}>
          <code>{part.text}</code>
        </pre>
      </span>
    );
  });
}
