import { useId, useState, type KeyboardEvent } from 'react';
import { useT } from '@/i18n/i18n-provider';
import { useTagSuggestions } from '../api/get-tag-suggestions';
import { addTag, normaliseTag, TAGS_MAX } from '../lib/study-form';

/** Tags as removable chips; typing suggests existing tags by prefix (Enter or a click adds). */
export function TagInput({
  tags,
  onChange,
  error,
}: {
  tags: string[];
  onChange: (tags: string[]) => void;
  error?: string;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const [isInvalid, setIsInvalid] = useState(false);
  const prefix = normaliseTag(text) ?? '';
  const suggestions = useTagSuggestions(prefix, prefix.length > 0);
  const offered = (suggestions.data?.items ?? []).filter((s) => !tags.includes(s.tag));

  const add = (raw: string) => {
    const result = addTag(tags, raw);
    setIsInvalid(!result.isValid);
    if (!result.isValid) return;
    onChange(result.tags);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      if (text.trim()) add(text);
    } else if (event.key === 'Backspace' && !text && tags.length) {
      onChange(tags.slice(0, -1));
    }
  };
  const message = isInvalid ? t('study.form.tagInvalid') : error;

  return (
    <div className={message ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {t('study.form.tags')}
      </label>
      <ul className="study-tags">
        {tags.map((tag) => (
          <li key={tag} className="study-tag study-tag--chip">
            #{tag}{' '}
            <button
              className="study-tag__remove"
              type="button"
              aria-label={t('study.form.removeTag', { tag })}
              onClick={() => onChange(tags.filter((x) => x !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={id}
        className="field__input"
        placeholder={t('study.form.tagInput')}
        value={text}
        maxLength={60}
        disabled={tags.length >= TAGS_MAX}
        aria-invalid={message ? true : undefined}
        aria-describedby={`${id}-hint${message ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          setText(e.target.value);
          setIsInvalid(false);
        }}
        onKeyDown={onKeyDown}
      />
      <p className="field__hint" id={`${id}-hint`}>
        {t('study.form.tagsHint')}
      </p>
      {prefix && offered.length ? (
        <ul className="study-suggestions" aria-label={t('study.form.suggestions')}>
          {offered.map((s) => (
            <li key={s.tag}>
              <button className="button button--ghost" type="button" onClick={() => add(s.tag)}>
                #{s.tag} <span className="muted">({s.count})</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {message ? (
        <p className="field__error" id={`${id}-error`}>
          {message}
        </p>
      ) : null}
    </div>
  );
}
