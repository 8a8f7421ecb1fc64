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
import type { Namespace, Socket } from 'socket.io';
import { OnDomainEvent } from '../../infra/events/on-domain-event.decorator';
import { SocketAckFilter } from '../../infra/realtime/socket-ack.filter';
import type { SocketData } from '../../infra/realtime/socket-auth';
import { StudyRefDto } from './dto/study-ref.dto';
import './study.events';
import type { StudyEventPayload, StudyMemberEventPayload } from './study.events';
import { StudyErrors } from './study.errors';
import { studyStatus, todayUtc } from './study.policy';
import { StudyService } from './study.service';

type StudySocket = Socket<StudyClientEvents, StudyServerEvents, Record<string, never>, SocketData>;
type StudyNamespace = Namespace<
  StudyClientEvents,
  StudyServerEvents,
  Record<string, never>,
  SocketData
>;

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
  private readonly ns: StudyNamespace;

  constructor(@Inject(StudyService) private readonly studies: StudyService) {}

  handleConnection(socket: StudySocket): void {
    socket.use(([event, ...args], next) => {
      if (INBOUND.has(String(event))) return next();
      const ack = args[args.length - 1];
      if (typeof ack === 'function')
        (ack as (res: Ack<never>) => void)({
          ok: false,
          error: { code: 'REALTIME_EVENT_UNKNOWN', message: `Unknown event "${String(event)}".` },
        });
    });
  }

  @SubscribeMessage('study.watch')
  async watch(
    @ConnectedSocket() socket: StudySocket,
    @MessageBody() dto: StudyRefDto,
  ): Promise<Ack<{ studyId: string }>> {
    if (!(await this.studies.exists(dto.studyId))) throw StudyErrors.notFound();
    await socket.join(studyRoom(dto.studyId));
    return { ok: true, data: { studyId: dto.studyId } };
  }

  @SubscribeMessage('study.unwatch')
  async unwatch(
    @ConnectedSocket() socket: StudySocket,
    @MessageBody() dto: StudyRefDto,
  ): Promise<Ack<{ studyId: string }>> {
    await socket.leave(studyRoom(dto.studyId));
    return { ok: true, data: { studyId: dto.studyId } };
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
