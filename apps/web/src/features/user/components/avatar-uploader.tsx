import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { FormAlert } from '@/components/form-alert';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { isAbortError } from '@/lib/upload';
import { useDeleteAvatar } from '../api/delete-avatar';
import { useMe } from '../api/get-me';
import { useUpdateAvatar } from '../api/update-avatar';

/** Mirrors the server's rules so obvious mistakes never leave the browser; the server decides. */
export const AVATAR_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
export const AVATAR_MAX_BYTES = 10 * 1024 * 1024;

type Notice = 'cancelled' | 'removed' | 'uploaded' | null;

/** The signed-in user's avatar: preview, upload with progress, cancel, replace and remove. */
export function AvatarUploader() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const me = useMe();
  const upload = useUpdateAvatar();
  const remove = useDeleteAvatar();
  const [preview, setPreview] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [rejected, setRejected] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const abortRef = useRef<AbortController | null>(null);

  useEffect(() => () => abortRef.current?.abort(), []);
  useEffect(() => {
    if (!preview) return;
    return () => URL.revokeObjectURL(preview);
  }, [preview]);

  const isUploading = progress !== null;
  const current = me.data?.avatarUrl ?? null;
  const shown = preview ?? (current ? `${current}?size=thumb` : null);

  const onSelect = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file || isUploading) return;
    upload.reset();
    remove.reset();
    setNotice(null);
    if (!AVATAR_TYPES.includes(file.type))
      return setRejected(t('errorCode.MEDIA_TYPE_UNSUPPORTED'));
    if (file.size > AVATAR_MAX_BYTES) return setRejected(t('errorCode.MEDIA_TOO_LARGE'));
    setRejected(null);

    const controller = new AbortController();
    abortRef.current = controller;
    setPreview(URL.createObjectURL(file));
    setProgress(0);
    upload.mutate(
      { file, onProgress: setProgress, signal: controller.signal },
      {
        onSuccess: () => setNotice('uploaded'),
        onError: (error) => {
          if (isAbortError(error)) setNotice('cancelled');
        },
        onSettled: () => {
          abortRef.current = null;
          setProgress(null);
          setPreview(null);
        },
      },
    );
  };

  const onRemove = () => {
    upload.reset();
    setRejected(null);
    setNotice(null);
    remove.mutate(undefined, { onSuccess: () => setNotice('removed') });
  };

  const failure =
    rejected ??
    (upload.error && !isAbortError(upload.error) ? errorMessage(upload.error) : null) ??
    (remove.error ? errorMessage(remove.error) : null);
  const percent = progress === null ? 0 : Math.round(progress * 100);

  return (
    <section className="card avatar-uploader" aria-labelledby="avatar-uploader-title">
      <h2 className="card__title" id="avatar-uploader-title">
        {t('avatar.title')}
      </h2>
      <div className="avatar-uploader__body">
        {shown ? (
          <img className="avatar avatar--large" src={shown} alt={t('avatar.alt')} />
        ) : (
          <div
            className="avatar avatar--large avatar--empty"
            role="img"
            aria-label={t('avatar.none')}
          >
            {me.data?.nickname.slice(0, 1)}
          </div>
        )}
        <div className="stack stack--tight">
          <p className="muted">{t('avatar.hint')}</p>
          <div className="row">
            <label
              className={
                isUploading ? 'button button--primary is-disabled' : 'button button--primary'
              }
            >
              {current ? t('avatar.replace') : t('avatar.choose')}
              <input
                className="visually-hidden"
                type="file"
                accept={AVATAR_TYPES.join(',')}
                disabled={isUploading}
                onChange={onSelect}
              />
            </label>
            {isUploading ? (
              <button
                className="button button--ghost"
                type="button"
                onClick={() => abortRef.current?.abort()}
              >
                {t('avatar.cancel')}
              </button>
            ) : current ? (
              <button
                className="button button--ghost"
                type="button"
                disabled={remove.isPending}
                onClick={onRemove}
              >
                {t('avatar.remove')}
              </button>
            ) : null}
          </div>
          {isUploading ? (
            <div className="upload-progress">
              <progress max={100} value={percent} aria-label={t('avatar.progress')} />
              <span aria-hidden="true">{t('avatar.progressValue', { percent })}</span>
            </div>
          ) : null}
          <FormAlert>{failure}</FormAlert>
          <FormAlert tone="success">{!failure && notice ? t(`avatar.${notice}`) : null}</FormAlert>
        </div>
      </div>
    </section>
  );
}
