import { useReducer, useState, type ChangeEvent, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { useSavePost } from '../api/save-post';
import type { PostDetail } from '../api/types';
import {
  POST_IMAGE_MAX_BYTES,
  POST_IMAGE_TYPES,
  POST_IMAGES_MAX,
  uploadPostImage,
} from '../api/upload-post-image';
import { draftsOf, imageDraftsReducer, isUploading, readyImageIds } from '../store/image-drafts';

interface PostEditorProps {
  /** The post being edited; absent for a new post. */
  post?: PostDetail;
  onSaved: (post: PostDetail) => void;
  onCancel: () => void;
}

let draftSeq = 0;

/**
 * Title, text and up to ten photos. Photos upload as soon as they are picked (with progress) and
 * can be reordered or taken out; saving sends the ready ones in order.
 */
export function PostEditor({ post, onSaved, onCancel }: PostEditorProps) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [title, setTitle] = useState(post?.title ?? '');
  const [content, setContent] = useState(post?.content ?? '');
  const [drafts, dispatch] = useReducer(imageDraftsReducer, post?.images ?? [], draftsOf);
  const [pickError, setPickError] = useState<string | null>(null);
  const save = useSavePost(post?.id ?? null);
  const uploading = isUploading(drafts);

  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    setPickError(null);
    const room = POST_IMAGES_MAX - drafts.length;
    if (files.length > room) setPickError(t('post.editor.tooMany', { max: POST_IMAGES_MAX }));
    for (const file of files.slice(0, Math.max(0, room))) {
      if (!POST_IMAGE_TYPES.includes(file.type)) {
        setPickError(t('post.editor.imageType', { name: file.name }));
        continue;
      }
      if (file.size > POST_IMAGE_MAX_BYTES) {
        setPickError(t('post.editor.imageTooLarge', { name: file.name }));
        continue;
      }
      const key = `new-${++draftSeq}`;
      dispatch({ type: 'added', key, previewUrl: URL.createObjectURL(file) });
      uploadPostImage(file, (progress) => dispatch({ type: 'progress', key, progress }))
        .then((image) => dispatch({ type: 'uploaded', key, image }))
        .catch((err: unknown) => dispatch({ type: 'failed', key, error: errorMessage(err) }));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (uploading) return;
    save.mutate({ title, content, imageIds: readyImageIds(drafts) }, { onSuccess: onSaved });
  };

  return (
    <form className="post-editor card stack" onSubmit={submit} noValidate>
      <label className="field">
        <span className="field__label">{t('post.editor.title')}</span>
        <input
          className="field__input"
          value={title}
          maxLength={100}
          required
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <div className="field">
        <label className="field__label" htmlFor="post-editor-content">
          {t('post.editor.content')}
        </label>
        <textarea
          id="post-editor-content"
          className="field__input post-editor__content"
          value={content}
          maxLength={20000}
          rows={12}
          required
          aria-describedby="post-editor-content-hint"
          onChange={(e) => setContent(e.target.value)}
        />
        <span className="field__hint muted" id="post-editor-content-hint">
          {t('post.editor.contentHint')}
        </span>
      </div>
      <fieldset className="post-editor__images">
        <legend>{t('post.editor.images', { count: drafts.length, max: POST_IMAGES_MAX })}</legend>
        <ol className="post-editor__thumbs">
          {drafts.map((draft, i) => (
            <li key={draft.key} className={`post-editor__thumb is-${draft.status}`}>
              <img src={draft.previewUrl} alt={t('post.editor.imageAlt', { index: i + 1 })} />
              {draft.status === 'uploading' ? (
                <progress max={1} value={draft.progress}>
                  {t('post.editor.uploading', { percent: Math.round(draft.progress * 100) })}
                </progress>
              ) : null}
              {draft.status === 'failed' ? (
                <span className="post-editor__error" role="alert">
                  {t('post.editor.uploadFailed')}: {draft.error}
                </span>
              ) : null}
              <span className="post-editor__thumb-actions">
                <button
                  className="link-button"
                  type="button"
                  disabled={i === 0}
                  onClick={() => dispatch({ type: 'moved', key: draft.key, by: -1 })}
                >
                  {t('post.editor.moveLeft')}
                </button>
                <button
                  className="link-button"
                  type="button"
                  disabled={i === drafts.length - 1}
                  onClick={() => dispatch({ type: 'moved', key: draft.key, by: 1 })}
                >
                  {t('post.editor.moveRight')}
                </button>
                <button
                  className="link-button"
                  type="button"
                  onClick={() => dispatch({ type: 'removed', key: draft.key })}
                >
                  {t('post.editor.remove')}
                </button>
              </span>
            </li>
          ))}
        </ol>
        {drafts.length < POST_IMAGES_MAX ? (
          <label className="button button--ghost post-editor__add">
            {t('post.editor.imagesAdd')}
            <input
              className="visually-hidden"
              type="file"
              accept={POST_IMAGE_TYPES.join(',')}
              multiple
              onChange={pick}
            />
          </label>
        ) : null}
        {pickError ? <FormAlert>{pickError}</FormAlert> : null}
      </fieldset>
      {save.isError ? <FormAlert>{errorMessage(save.error)}</FormAlert> : null}
      {uploading ? <p className="muted">{t('post.editor.waitUploads')}</p> : null}
      <div className="post-editor__buttons">
        <button className="button button--ghost" type="button" onClick={onCancel}>
          {t('post.editor.cancel')}
        </button>
        <button className="button" type="submit" disabled={save.isPending || uploading}>
          {save.isPending
            ? t('post.editor.saving')
            : post
              ? t('post.editor.save')
              : t('post.editor.submit')}
        </button>
      </div>
    </form>
  );
}
