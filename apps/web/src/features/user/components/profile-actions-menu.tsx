import { useId, useRef, useState } from 'react';
import { FormAlert } from '@/components/form-alert';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import type { ViewerState } from '@/lib/api-types';
import { useBlockUser } from '../api/block-user';
import { useMuteUser } from '../api/mute-user';
import { useUnmuteUser } from '../api/unmute-user';

interface ProfileActionsMenuProps {
  user: { id: string; nickname: string };
  viewer: ViewerState;
  onBlocked: () => void;
}

/** "More" disclosure with mute and block; blocking asks first because it ends follows. */
export function ProfileActionsMenu({ user, viewer, onBlocked }: ProfileActionsMenuProps) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [isOpen, setIsOpen] = useState(false);
  const [isConfirmingBlock, setIsConfirmingBlock] = useState(false);
  const block = useBlockUser();
  const mute = useMuteUser();
  const unmute = useUnmuteUser();

  const close = () => {
    setIsOpen(false);
    setIsConfirmingBlock(false);
    toggleRef.current?.focus();
  };
  const error = block.error ?? mute.error ?? unmute.error;
  const status = mute.isSuccess
    ? t('social.muted', { nickname: user.nickname })
    : unmute.isSuccess
      ? t('social.unmuted', { nickname: user.nickname })
      : null;

  return (
    <div
      className="actions-menu"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && isOpen) close();
      }}
    >
      <button
        ref={toggleRef}
        className="button button--ghost"
        type="button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        aria-label={t('social.moreLabel', { nickname: user.nickname })}
        onClick={() => (isOpen ? close() : setIsOpen(true))}
      >
        {t('social.more')}
      </button>
      <div className="actions-menu__panel card" id={panelId} hidden={!isOpen}>
        {isConfirmingBlock ? (
          <div className="stack stack--tight">
            <p>{t('social.blockConfirm', { nickname: user.nickname })}</p>
            <div className="row">
              <button
                className="button button--danger"
                type="button"
                disabled={block.isPending}
                onClick={() => block.mutate(user.id, { onSuccess: onBlocked })}
              >
                {t('social.blockConfirmButton')}
              </button>
              <button className="button button--ghost" type="button" onClick={close}>
                {t('social.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <ul className="actions-menu__list">
            <li>
              <button
                className="button button--ghost button--block"
                type="button"
                disabled={mute.isPending || unmute.isPending}
                onClick={() => {
                  mute.reset();
                  unmute.reset();
                  if (viewer.isMuted) unmute.mutate(user.id);
                  else mute.mutate(user.id);
                }}
              >
                {viewer.isMuted ? t('social.unmute') : t('social.mute')}
              </button>
            </li>
            <li>
              <button
                className="button button--ghost button--block actions-menu__danger"
                type="button"
                onClick={() => setIsConfirmingBlock(true)}
              >
                {t('social.block')}
              </button>
            </li>
          </ul>
        )}
      </div>
      <FormAlert>{error ? errorMessage(error) : null}</FormAlert>
      <FormAlert tone="success">{status}</FormAlert>
    </div>
  );
}
