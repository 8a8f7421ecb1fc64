import { useState } from 'react';
import { FormAlert } from '@/components/form-alert';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { useBlocks } from '../api/get-blocks';
import { useUnblockUser } from '../api/unblock-user';
import { UserList } from './user-list';

export function BlockedList() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const blocks = useBlocks();
  const unblock = useUnblockUser();
  // The row leaves the list once the refetch lands; its name stays for the confirmation.
  const [unblockedName, setUnblockedName] = useState<string | null>(null);

  return (
    <div className="stack">
      <FormAlert>{unblock.error ? errorMessage(unblock.error) : null}</FormAlert>
      <FormAlert tone="success">
        {unblock.isSuccess && unblockedName
          ? t('social.unblocked', { nickname: unblockedName })
          : null}
      </FormAlert>
      <UserList
        query={blocks}
        label={t('social.blocksTitle')}
        emptyText={t('social.blocksEmpty')}
        renderAction={(item) => (
          <button
            className="button button--ghost"
            type="button"
            aria-label={t('social.unblockLabel', { nickname: item.nickname })}
            disabled={unblock.isPending && unblock.variables === item.id}
            onClick={() => {
              setUnblockedName(item.nickname);
              unblock.mutate(item.id);
            }}
          >
            {t('social.unblock')}
          </button>
        )}
      />
    </div>
  );
}
