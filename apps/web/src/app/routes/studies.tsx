import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { Page } from '@/components/page';
import { hrefs, paths } from '@/config/paths';
import { useAuth } from '@/features/auth/hooks/use-auth';
import { useStudy } from '@/features/study/api/get-study';
import { studyKeys } from '@/features/study/api/study-keys';
import { useCreateStudy } from '@/features/study/api/create-study';
import { useUpdateStudy } from '@/features/study/api/update-study';
import type { StudyMember } from '@/features/study/api/types';
import { MyStudies } from '@/features/study/components/my-studies';
import { StudyDetailView } from '@/features/study/components/study-detail';
import { StudyForm } from '@/features/study/components/study-form';
import { StudyList } from '@/features/study/components/study-list';
import { emptyStudyForm, formFromStudy, todayUtc } from '@/features/study/lib/study-form';
import { useFollowUser } from '@/features/user/api/follow-user';
import { useUnfollowUser } from '@/features/user/api/unfollow-user';
import { useT } from '@/i18n/i18n-provider';

function useMeId(): string | null {
  const auth = useAuth();
  return auth.status === 'authenticated' ? auth.user.id : null;
}

export function StudiesRoute() {
  const t = useT();
  const meId = useMeId();
  return (
    <Page title={t('study.title')} description={t('study.description')}>
      {meId ? (
        <div className="study-toolbar">
          <Link className="button button--primary" to={paths.studyNew}>
            {t('study.create')}
          </Link>
          <Link className="button" to={paths.studiesMine}>
            {t('study.mine')}
          </Link>
        </div>
      ) : null}
      <StudyList />
    </Page>
  );
}

export function MyStudiesRoute() {
  const t = useT();
  return (
    <Page title={t('study.mine')}>
      <MyStudies />
    </Page>
  );
}

export function NewStudyRoute() {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateStudy();
  return (
    <Page title={t('study.form.createTitle')} isNarrow>
      <StudyForm
        initial={emptyStudyForm(todayUtc())}
        memberCount={null}
        isPending={create.isPending}
        error={create.error}
        onSubmit={(input) =>
          create.mutate(input, { onSuccess: (study) => void navigate(hrefs.study(study.id)) })
        }
        onCancel={() => void navigate(paths.studies)}
      />
    </Page>
  );
}

export function EditStudyRoute() {
  const { studyId = '' } = useParams();
  const t = useT();
  const navigate = useNavigate();
  const study = useStudy(studyId);
  const update = useUpdateStudy(studyId);
  return (
    <Page title={t('study.form.editTitle')} isNarrow>
      {study.data ? (
        <StudyForm
          initial={formFromStudy(study.data)}
          memberCount={study.data.memberCount}
          isPending={update.isPending}
          error={update.error}
          onSubmit={(input) =>
            update.mutate(input, { onSuccess: () => void navigate(hrefs.study(studyId)) })
          }
          onCancel={() => void navigate(hrefs.study(studyId))}
        />
      ) : study.isError ? (
        <p role="alert">{t('study.notFound')}</p>
      ) : (
        <p className="muted" role="status">
          …
        </p>
      )}
    </Page>
  );
}

export function StudyRoute() {
  const { studyId = '' } = useParams();
  const meId = useMeId();
  const study = useStudy(studyId);
  const t = useT();
  return (
    <Page title={study.data?.title ?? t('study.title')}>
      <StudyDetailView
        key={studyId}
        studyId={studyId}
        meId={meId}
        renderMemberAction={
          meId ? (member) => <MemberFollow member={member} studyId={studyId} /> : undefined
        }
      />
    </Page>
  );
}

/** Follow buttons on the members, from the user feature; the study detail refreshes after. */
function MemberFollow({ member, studyId }: { member: StudyMember; studyId: string }) {
  const t = useT();
  const queryClient = useQueryClient();
  const follow = useFollowUser();
  const unfollow = useUnfollowUser();
  const isPending = follow.isPending || unfollow.isPending;
  const settle = {
    onSettled: () => queryClient.invalidateQueries({ queryKey: studyKeys.detail(studyId) }),
  };
  return (
    <button
      className={member.isFollowing ? 'button button--ghost' : 'button button--primary'}
      type="button"
      aria-pressed={member.isFollowing}
      aria-label={t('social.followLabel', { nickname: member.user.nickname })}
      disabled={isPending}
      onClick={() =>
        member.isFollowing
          ? unfollow.mutate(member.user.id, settle)
          : follow.mutate(member.user.id, settle)
      }
    >
      {member.isFollowing ? t('social.following') : t('social.follow')}
    </button>
  );
}
