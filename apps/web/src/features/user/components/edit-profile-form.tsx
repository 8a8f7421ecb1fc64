import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { TextField } from '@/components/text-field';
import { hrefs } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import type { Me } from '@/lib/api-types';
import { useUpdateMe } from '../api/update-me';
import { Avatar } from '@/components/avatar';
import {
  ABOUT_MAX,
  cleanLinks,
  hasErrors,
  LINKS_MAX,
  serverProfileErrors,
  validateProfile,
  type LinkDraft,
  type ProfileErrors,
} from './profile-form-errors';

interface EditProfileFormProps {
  me: Me;
  /** The media feature's avatar uploader goes here; the current avatar is shown until then. */
  avatarSlot?: ReactNode;
}

export function EditProfileForm({ me, avatarSlot }: EditProfileFormProps) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const update = useUpdateMe();
  const aboutId = useId();
  const [nickname, setNickname] = useState(me.nickname);
  const [about, setAbout] = useState(me.about);
  const [links, setLinks] = useState<LinkDraft[]>(me.links.map((l) => ({ ...l })));
  const [errors, setErrors] = useState<ProfileErrors>({});

  const focusFirstError = (found: ProfileErrors) => {
    const first = Object.keys(found).find((key) => found[key]);
    if (!first) return;
    // After React paints the messages, so aria-describedby already points at them.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus(),
    );
  };

  const setLink = (index: number, patch: Partial<LinkDraft>) => {
    setLinks((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
    setErrors((previous) => ({
      ...previous,
      ...Object.fromEntries(Object.keys(patch).map((k) => [`links.${index}.${k}`, undefined])),
    }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.reset();
    const found = validateProfile({ nickname, about, links }, t);
    setErrors(found);
    if (hasErrors(found)) {
      focusFirstError(found);
      return;
    }
    const sentRows = links
      .map((l, i) => ({ i, blank: !l.label.trim() && !l.url.trim() }))
      .filter((r) => !r.blank)
      .map((r) => r.i);
    update.mutate(
      { nickname: nickname.trim(), about, links: cleanLinks(links) },
      {
        onSuccess: (saved) => setLinks(saved.links.map((l) => ({ ...l }))),
        onError: (error) => {
          const server = serverProfileErrors(error, t, (i) => sentRows[i] ?? i);
          setErrors(server);
          focusFirstError(server);
        },
      },
    );
  };

  const formError =
    update.error && !hasErrors(serverProfileErrors(update.error, t, (i) => i))
      ? errorMessage(update.error)
      : undefined;
  const aboutError = errors.about;

  return (
    <form className="form" noValidate aria-busy={update.isPending} onSubmit={onSubmit}>
      <FormAlert>{formError}</FormAlert>
      <FormAlert tone="success">
        {update.isSuccess ? (
          <>
            {t('editProfile.saved')}{' '}
            <Link to={hrefs.profile(me.id)}>{t('editProfile.viewProfile')}</Link>
          </>
        ) : null}
      </FormAlert>

      <div className="edit-profile__avatar">
        {avatarSlot ?? <Avatar nickname={me.nickname} url={me.avatarUrl} size="large" />}
      </div>

      <TextField
        label={t('editProfile.nickname')}
        hint={t('editProfile.nicknameHint')}
        name="nickname"
        autoComplete="nickname"
        maxLength={40}
        data-field="nickname"
        value={nickname}
        error={errors.nickname}
        onChange={(event) => {
          setNickname(event.target.value);
          setErrors((previous) => ({ ...previous, nickname: undefined }));
        }}
      />

      <div className={aboutError ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor={aboutId}>
          {t('editProfile.about')}
        </label>
        <textarea
          id={aboutId}
          className="field__input field__input--textarea"
          name="about"
          rows={5}
          data-field="about"
          value={about}
          aria-invalid={aboutError ? true : undefined}
          aria-describedby={`${aboutId}-count${aboutError ? ` ${aboutId}-error` : ''}`}
          onChange={(event) => {
            setAbout(event.target.value);
            setErrors((previous) => ({ ...previous, about: undefined }));
          }}
        />
        <p className="field__hint" id={`${aboutId}-count`}>
          {t('editProfile.aboutCount', { count: about.length, max: ABOUT_MAX })}
        </p>
        {aboutError ? (
          <p className="field__error" id={`${aboutId}-error`}>
            {aboutError}
          </p>
        ) : null}
      </div>

      <fieldset className="fieldset">
        <legend className="field__label">{t('editProfile.links')}</legend>
        <p className="field__hint">{t('editProfile.linksHint', { max: LINKS_MAX })}</p>
        {links.map((link, index) => (
          <div className="link-row" key={index}>
            <TextField
              label={t('editProfile.linkLabel', { index: index + 1 })}
              name={`links.${index}.label`}
              data-field={`links.${index}.label`}
              value={link.label}
              error={errors[`links.${index}.label`]}
              onChange={(event) => setLink(index, { label: event.target.value })}
            />
            <TextField
              label={t('editProfile.linkUrl', { index: index + 1 })}
              name={`links.${index}.url`}
              type="url"
              inputMode="url"
              placeholder="https://"
              data-field={`links.${index}.url`}
              value={link.url}
              error={errors[`links.${index}.url`]}
              onChange={(event) => setLink(index, { url: event.target.value })}
            />
            <button
              className="button button--ghost"
              type="button"
              onClick={() => {
                setLinks((rows) => rows.filter((_, i) => i !== index));
                setErrors((previous) =>
                  Object.fromEntries(
                    Object.entries(previous).filter(([key]) => !key.startsWith('links.')),
                  ),
                );
              }}
            >
              {t('editProfile.removeLink', { index: index + 1 })}
            </button>
          </div>
        ))}
        {links.length < LINKS_MAX ? (
          <button
            className="button button--ghost"
            type="button"
            onClick={() => setLinks((rows) => [...rows, { label: '', url: '' }])}
          >
            {t('editProfile.addLink')}
          </button>
        ) : null}
      </fieldset>

      <button className="button button--primary" type="submit" disabled={update.isPending}>
        {update.isPending ? t('editProfile.saving') : t('editProfile.save')}
      </button>
    </form>
  );
}
