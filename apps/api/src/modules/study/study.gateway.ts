import { Inject, UseFilters } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { studyRoom } from '@orgo/contracts';
import type { Ack, StudyChange, StudyClientEvents, StudyServerEvents } from '@orgo/contracts';
import { OnDomainEvent } from '../../infra/events/on-domain-event.decorator';
import { SocketAckFilter } from '../../infra/realtime/socket-ack.filter';
import {
  refuseUnknownEvents,
  unwatchRoom,
  watchRoom,
  type AppNamespace,
  type AppSocket,
} from '../../infra/realtime/socket-namespace';
import { StudyRefDto } from './dto/study-ref.dto';
import { StudyListingService } from './study-listing.service';
import './study.events';
import type { StudyEventPayload, StudyMemberEventPayload } from './study.events';
import { studyStatus, todayUtc } from './study.policy';

type StudySocket = AppSocket<StudyClientEvents, StudyServerEvents>;

const INBOUND: ReadonlySet<string> = new Set<keyof StudyClientEvents>([
  'study.watch',
  'study.unwatch',
]);

/**
 * `/study`: a socket watches the studies it shows (`study.watch`) and receives their count,
 * member and leader changes as committed study events arrive.
 */
@WebSocketGateway({ namespace: '/study' })
@UseFilters(SocketAckFilter)
export class StudyGateway implements OnGatewayConnection {
  @WebSocketServer()
  private readonly ns: AppNamespace<StudyClientEvents, StudyServerEvents>;

  constructor(@Inject(StudyListingService) private readonly listing: StudyListingService) {}

  handleConnection(socket: StudySocket): void {
    refuseUnknownEvents(socket, INBOUND);
  }

  @SubscribeMessage('study.watch')
  watch(
    @ConnectedSocket() socket: StudySocket,
    @MessageBody() dto: StudyRefDto,
  ): Promise<Ack<{ studyId: string }>> {
    const { studyId } = dto;
    return watchRoom(socket, studyRoom(studyId), { studyId }, () =>
      this.listing.assertExists(studyId),
    );
  }

  @SubscribeMessage('study.unwatch')
  unwatch(
    @ConnectedSocket() socket: StudySocket,
    @MessageBody() dto: StudyRefDto,
  ): Promise<Ack<{ studyId: string }>> {
    return unwatchRoom(socket, studyRoom(dto.studyId), { studyId: dto.studyId });
  }

  @OnDomainEvent('study.updated')
  updated(e: StudyEventPayload): void {
    this.ns.to(studyRoom(e.studyId)).emit('study.updated', change(e));
  }

  @OnDomainEvent('study.deleted')
  deleted(e: StudyEventPayload): void {
    this.ns.to(studyRoom(e.studyId)).emit('study.deleted', { studyId: e.studyId });
  }

  @OnDomainEvent('study.member.joined')
  joined(e: StudyMemberEventPayload): void {
    this.ns.to(studyRoom(e.studyId)).emit('member.joined', { ...change(e), userId: e.userId });
  }

  @OnDomainEvent('study.member.left')
  left(e: StudyMemberEventPayload): void {
    this.ns.to(studyRoom(e.studyId)).emit('member.left', { ...change(e), userId: e.userId });
  }
}

function change(e: StudyEventPayload): StudyChange {
  return {
    studyId: e.studyId,
    memberCount: e.memberCount,
    maxMembers: e.maxMembers,
    status: studyStatus(e, todayUtc()),
    leaderId: e.leaderId,
  };
}
