import { useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert';
import { TextField } from '@/components/text-field';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import type { StudyInput } from '../api/types';
import {
  DESCRIPTION_MAX,
  inputFromForm,
  LOCATION_MAX,
  MEMBERS_MAX,
  MEMBERS_MIN,
  TITLE_MAX,
  todayUtc,
  validateStudyForm,
  type StudyFormErrors,
  type StudyFormValues,
} from '../lib/study-form';
import { TagInput } from './tag-input';

/** Create and edit: date pickers, tag autocomplete, checks before sending and the API's codes. */
export function StudyForm({
  initial,
  memberCount,
  isPending,
  error,
  onSubmit,
  onCancel,
}: {
  initial: StudyFormValues;
  /** The current count when editing; null for a new study. */
  memberCount: number | null;
  isPending: boolean;
  error: unknown;
  onSubmit: (input: StudyInput) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<StudyFormErrors>({});
  const today = todayUtc();
  const set = <K extends keyof StudyFormValues>(key: K, value: StudyFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const fieldError = (key: keyof StudyFormValues) => {
    const code = errors[key];
    return code ? t(`study.form.errors.${code}`) : undefined;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateStudyForm(values, { today, memberCount });
    setErrors(found);
    if (Object.keys(found).length === 0) onSubmit(inputFromForm(values));
  };

  return (
    <form className="card stack" noValidate onSubmit={submit}>
      <FormAlert>{error ? errorMessage(error) : null}</FormAlert>
      <TextField
        label={t('study.form.title')}
        value={values.title}
        maxLength={TITLE_MAX}
        required
        error={fieldError('title')}
        onChange={(e) => set('title', e.target.value)}
      />
      <label className="field">
        <span className="field__label">{t('study.form.description')}</span>
        <textarea
          className="field__input study-form__description"
          value={values.description}
          maxLength={DESCRIPTION_MAX}
          rows={5}
          onChange={(e) => set('description', e.target.value)}
        />
      </label>
      <div className="study-form__row">
        <TextField
          label={t('study.form.startDate')}
          type="date"
          value={values.startDate}
          min={memberCount === null ? today : undefined}
          required
          error={fieldError('startDate')}
          onChange={(e) => set('startDate', e.target.value)}
        />
        <TextField
          label={t('study.form.endDate')}
          type="date"
          value={values.endDate}
          min={values.startDate || undefined}
          required
          error={fieldError('endDate')}
          onChange={(e) => set('endDate', e.target.value)}
        />
      </div>
      <fieldset className="field study-form__mode">
        <legend className="field__label">{t('study.form.mode')}</legend>
        {(['online', 'offline'] as const).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name="mode"
              value={mode}
              checked={values.mode === mode}
              onChange={() => set('mode', mode)}
            />{' '}
            {t(`study.mode.${mode}`)}
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('study.form.location')}
        hint={t('study.form.locationHint')}
        value={values.location}
        maxLength={LOCATION_MAX}
        error={fieldError('location')}
        onChange={(e) => set('location', e.target.value)}
      />
      <TextField
        label={t('study.form.maxMembers')}
        hint={t('study.form.maxMembersHint')}
        type="number"
        inputMode="numeric"
        min={Math.max(MEMBERS_MIN, memberCount ?? 0)}
        max={MEMBERS_MAX}
        value={values.maxMembers}
        error={fieldError('maxMembers')}
        onChange={(e) => set('maxMembers', e.target.value)}
      />
      <TagInput
        tags={values.tags}
        onChange={(tags) => set('tags', tags)}
        error={fieldError('tags')}
      />
      <div className="study-form__actions">
        <button className="button button--primary" type="submit" disabled={isPending}>
          {isPending
            ? t('study.form.saving')
            : memberCount === null
              ? t('study.form.submitCreate')
              : t('study.form.submitEdit')}
        </button>
        <button className="button" type="button" onClick={onCancel}>
          {t('study.form.cancel')}
        </button>
      </div>
    </form>
  );
}
