import { useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ConfirmGroup } from '@/components/confirm-group';
import { FormAlert } from '@/components/form-alert';
import { hrefs, paths } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { isApiError } from '@/lib/api-error';
import { useStudy } from '../api/get-study';
import { useDeleteStudy } from '../api/delete-study';
import { useJoinStudy } from '../api/join-study';
import { useLeaveStudy } from '../api/leave-study';
import { useTransferLeadership } from '../api/transfer-leadership';
import type { StudyDetail, StudyMember } from '../api/types';
import { useLiveStudy } from '../realtime/use-live-study';
import { StatusBadge, TagLinks } from './study-card';

interface StudyDetailViewProps {
  studyId: string;
  meId: string | null;
  /** The follow control of a member, composed by the route (the user feature owns following). */
  renderMemberAction?: (member: StudyMember, study: StudyDetail) => ReactNode;
}

/** Fields, tags, join/leave, the room link for members, the leader's actions and the members. */
export function StudyDetailView({ studyId, meId, renderMemberAction }: StudyDetailViewProps) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const query = useStudy(studyId);
  useLiveStudy(studyId, meId !== null);

  if (query.isPending)
    return (
      <p className="muted" role="status">
        …
      </p>
    );
  if (query.isError) {
    const isGone = isApiError(query.error) && query.error.code === 'STUDY_NOT_FOUND';
    return (
      <div className="card stack stack--tight" role="alert">
        <p>{isGone ? t('study.notFound') : t('study.loadFailed')}</p>
        {isGone ? null : <p className="muted">{errorMessage(query.error)}</p>}
        <Link className="button" to={paths.studies}>
          {t('study.backToList')}
        </Link>
      </div>
    );
  }
  const study = query.data;
  return (
    <div className="stack">
      <section className="card stack stack--tight study-detail">
        <div className="study-card__head">
          <StatusBadge status={study.status} />
          <span className="muted">{t(`study.mode.${study.mode}`)}</span>
          {study.myMembership === 'leader' ? (
            <span className="badge">{t('study.detail.youLead')}</span>
          ) : study.myMembership === 'member' ? (
            <span className="badge">{t('study.detail.you')}</span>
          ) : null}
        </div>
        <p className="study-detail__description">{study.description}</p>
        <dl className="study-detail__facts">
          <dt>{t('study.detail.period')}</dt>
          <dd>{t('study.card.period', { start: study.startDate, end: study.endDate })}</dd>
          {study.location ? (
            <>
              <dt>{t('study.detail.location')}</dt>
              <dd>{study.location}</dd>
            </>
          ) : null}
          <dt>{t('study.detail.capacity')}</dt>
          <dd>{t('study.card.members', { count: study.memberCount, max: study.maxMembers })}</dd>
          <dt>{t('study.detail.leader')}</dt>
          <dd>
            <Link to={hrefs.profile(study.leader.id)}>{study.leader.nickname}</Link>
          </dd>
          <dt>{t('study.detail.tags')}</dt>
          <dd>
            <TagLinks tags={study.tags} />
          </dd>
        </dl>
        <MembershipActions study={study} meId={meId} />
      </section>
      <MembersSection study={study} meId={meId} renderMemberAction={renderMemberAction} />
    </div>
  );
}

function MembershipActions({ study, meId }: { study: StudyDetail; meId: string | null }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const location = useLocation();
  const navigate = useNavigate();
  const join = useJoinStudy(study.id);
  const leave = useLeaveStudy(study.id);
  const remove = useDeleteStudy(study.id);
  const [confirming, setConfirming] = useState<'leave' | 'delete' | null>(null);
  const error = join.error ?? leave.error ?? remove.error;

  if (meId === null)
    return (
      <Link className="button button--primary" to={hrefs.login(location.pathname)}>
        {t('study.detail.loginToJoin')}
      </Link>
    );
  const isIn = study.myMembership !== 'none';
  const canJoin =
    !isIn &&
    (study.status === 'recruiting' || study.status === 'in_progress') &&
    study.memberCount < study.maxMembers;

  return (
    <div className="stack stack--tight">
      <div className="study-detail__actions">
        {isIn ? (
          <Link className="button button--primary" to={hrefs.chatRoom(study.roomId)}>
            {t('study.detail.openRoom')}
          </Link>
        ) : canJoin ? (
          <button
            className="button button--primary"
            type="button"
            disabled={join.isPending}
            onClick={() => join.mutate()}
          >
            {join.isPending ? t('study.detail.joining') : t('study.detail.join')}
          </button>
        ) : (
          <p className="muted">{t('study.detail.closed')}</p>
        )}
        {study.myMembership === 'member' && confirming !== 'leave' ? (
          <button className="button" type="button" onClick={() => setConfirming('leave')}>
            {t('study.detail.leave')}
          </button>
        ) : null}
        {study.myMembership === 'leader' ? (
          <>
            <Link className="button" to={hrefs.studyEdit(study.id)}>
              {t('study.detail.edit')}
            </Link>
            {confirming !== 'delete' ? (
              <button className="button" type="button" onClick={() => setConfirming('delete')}>
                {t('study.detail.delete')}
              </button>
            ) : null}
          </>
        ) : null}
      </div>
      {confirming === 'leave' ? (
        <ConfirmGroup
          question={t('study.detail.leaveConfirm')}
          actionLabel={leave.isPending ? t('study.detail.leaving') : t('study.detail.leave')}
          cancelLabel={t('study.detail.cancel')}
          isPending={leave.isPending}
          onConfirm={() => leave.mutate(undefined, { onSettled: () => setConfirming(null) })}
          onCancel={() => setConfirming(null)}
        />
      ) : null}
      {confirming === 'delete' ? (
        <ConfirmGroup
          question={t('study.detail.deleteConfirm')}
          actionLabel={remove.isPending ? t('study.detail.deleting') : t('study.detail.delete')}
          cancelLabel={t('study.detail.cancel')}
          isPending={remove.isPending}
          onConfirm={() =>
            remove.mutate(undefined, { onSuccess: () => void navigate(paths.studies) })
          }
          onCancel={() => setConfirming(null)}
        />
      ) : null}
      <FormAlert>{error ? errorMessage(error) : null}</FormAlert>
    </div>
  );
}

function MembersSection({
  study,
  meId,
  renderMemberAction,
}: {
  study: StudyDetail;
  meId: string | null;
  renderMemberAction?: (member: StudyMember, study: StudyDetail) => ReactNode;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const transfer = useTransferLeadership(study.id);
  const [handingTo, setHandingTo] = useState<StudyMember | null>(null);
  const isLeader = study.myMembership === 'leader';

  return (
    <section className="card stack stack--tight" aria-labelledby="study-members-title">
      <h2 className="card__title" id="study-members-title">
        {t('study.members.title', { count: study.members.length })}
      </h2>
      <ul className="member-list">
        {study.members.map((member) => (
          <li key={member.user.id} className="member-list__item study-member">
            <Link to={hrefs.profile(member.user.id)}>{member.user.nickname}</Link>
            {member.isLeader ? <span className="muted"> ({t('study.members.leader')})</span> : null}
            {member.user.id !== meId && renderMemberAction
              ? renderMemberAction(member, study)
              : null}
            {isLeader && !member.isLeader ? (
              <button
                className="button button--ghost"
                type="button"
                onClick={() => setHandingTo(member)}
              >
                {t('study.members.makeLeader', { nickname: member.user.nickname })}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {handingTo ? (
        <ConfirmGroup
          question={t('study.members.makeLeaderConfirm', { nickname: handingTo.user.nickname })}
          actionLabel={t('study.members.makeLeaderAction')}
          cancelLabel={t('study.detail.cancel')}
          isPending={transfer.isPending}
          onConfirm={() =>
            transfer.mutate(handingTo.user.id, { onSettled: () => setHandingTo(null) })
          }
          onCancel={() => setHandingTo(null)}
        />
      ) : null}
      {transfer.isError ? <FormAlert>{errorMessage(transfer.error)}</FormAlert> : null}
    </section>
  );
}
