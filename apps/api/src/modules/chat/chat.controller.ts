import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { JwtAuthGuard } from '../../infra/auth/jwt-auth.guard';
import { CurrentPrincipal, type Principal } from '../../infra/auth/principal';
import { RequireVerifiedEmail } from '../../infra/auth/verified-email.guard';
import { ApiImageUpload, uploadedImage } from '../media';
import { ChatMediaService } from './chat-media.service';
import { ChatMessagesService } from './chat-messages.service';
import { ChatReadService } from './chat-read.service';
import { ChatRoomsService } from './chat-rooms.service';
import {
  AddMembersDto,
  CreateDirectRoomDto,
  CreateGroupRoomDto,
  RenameRoomDto,
} from './dto/create-room.dto';
import { ListMessagesQueryDto } from './dto/list-messages.dto';
import { ListRoomsQueryDto } from './dto/list-rooms.dto';
import { ChatImageDto, MessageDto, MessagePageDto, ReadStateDto } from './dto/message.dto';
import { EditMessageDto, PostMessageDto } from './dto/post-message.dto';
import { ReactionParamsDto } from './dto/reaction-params.dto';
import { ReadRoomDto } from './dto/read-room.dto';
import { RoomDetailDto, RoomDto, RoomPageDto } from './dto/room.dto';
import { ApiDoc } from '../../infra/http/api-doc';
import { ChatErrors } from './chat.errors';
import { ChatLimits } from './chat-messages.service';

const uuid = new ParseUUIDPipe();

/** REST mirror of the `/chat` socket protocol, for API clients and catch-up fetches. */
@ApiTags('chat')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('chat/rooms')
export class ChatController {
  constructor(
    @Inject(ChatRoomsService) private readonly rooms: ChatRoomsService,
    @Inject(ChatMessagesService) private readonly chatMessages: ChatMessagesService,
    @Inject(ChatReadService) private readonly reads: ChatReadService,
    @Inject(ChatMediaService) private readonly images: ChatMediaService,
  ) {}

  @Post(':roomId/images')
  @RequireVerifiedEmail()
  @ApiCreatedResponse({ type: ChatImageDto })
  @ApiImageUpload({
    summary: 'Upload an image for a message in this room',
    description:
      'One multipart part named `file`, checked like an avatar (JPEG/PNG/WebP/GIF by content, ≤ 10 MB, ≤ 33 MP, re-encoded without metadata). Then send `message.send` (or `POST …/messages`) with `imageId`. Only room members; only the uploader can send it, once.',
    errors: [ChatErrors.roomNotFound],
  })
  uploadImage(
    @CurrentPrincipal() me: Principal,
    @Param('roomId', uuid) roomId: string,
    @Req() req: Request,
  ): Promise<ChatImageDto> {
    const file = uploadedImage(req, this.images.uploadLimits);
    return this.images.uploadImage(me.userId, roomId, file);
  }

  @Post('direct')
  @RequireVerifiedEmail()
  @ApiCreatedResponse({ type: RoomDto, description: 'Created.' })
  @ApiOkResponse({ type: RoomDto, description: 'The existing room of this pair.' })
  @ApiDoc({
    summary: 'Open the direct conversation with a user',
    description:
      'Answers the existing room of this pair (200) or creates it (201). A new conversation needs me to follow the other user.',
    errors: [ChatErrors.directSelf, ChatErrors.directNotAllowed, ChatErrors.userNotFound],
    example: { userId: '3f2c1a9e-8d4b-4c6e-9f1a-2b7c5d8e0a41' },
  })
  async openDirect(
    @CurrentPrincipal() me: Principal,
    @Body() dto: CreateDirectRoomDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RoomDto> {
    const { room, created } = await this.rooms.openDirectRoom(me.userId, dto.userId);
    res.status(created ? 201 : 200);
    return room;
  }

  @Post()
  @RequireVerifiedEmail()
  @ApiCreatedResponse({ type: RoomDto })
  @ApiDoc({
    summary: 'Create a group room',
    description: 'I become its owner; I can add only people I follow.',
    errors: [ChatErrors.userNotFound, ChatErrors.inviteNotAllowed, ChatErrors.roomFull],
    example: {
      name: 'Go study group',
      memberIds: ['3f2c1a9e-8d4b-4c6e-9f1a-2b7c5d8e0a41', '7a1e4b2c-5d3f-4e8a-9b6c-1f0d2e3a4b5c'],
    },
  })
  createGroup(
    @CurrentPrincipal() me: Principal,
    @Body() dto: CreateGroupRoomDto,
  ): Promise<RoomDto> {
    return this.rooms.createGroup(me.userId, dto);
  }

  @Get()
  @ApiOkResponse({ type: RoomPageDto })
  @ApiDoc({
    summary: 'My rooms, most recently active first',
    description:
      'Each with its last message and my unread count; pass `nextCursor` back as `cursor`.',
    errors: [],
  })
  list(@CurrentPrincipal() me: Principal, @Query() query: ListRoomsQueryDto): Promise<RoomPageDto> {
    return this.rooms.listRooms(me.userId, query);
  }

  @Get(':roomId')
  @ApiOkResponse({ type: RoomDetailDto })
  @ApiDoc({
    summary: 'One of my rooms with its members',
    description: 'A room I am not a member of answers 404 like a missing one.',
    errors: [ChatErrors.roomNotFound],
  })
  get(
    @CurrentPrincipal() me: Principal,
    @Param('roomId', uuid) roomId: string,
  ): Promise<RoomDetailDto> {
    return this.rooms.getRoom(me.userId, roomId);
  }

  @Patch(':roomId')
  @ApiOkResponse({ type: RoomDto })
  @ApiDoc({
    summary: 'Rename a group room',
    errors: [ChatErrors.roomNotFound, ChatErrors.roomNotGroup, ChatErrors.roomOwnerOnly],
    example: { name: 'Go study group (spring)' },
  })
  rename(
    @CurrentPrincipal() me: Principal,
    @Param('roomId', uuid) roomId: string,
    @Body() dto: RenameRoomDto,
  ): Promise<RoomDto> {
    return this.rooms.renameRoom(me.userId, roomId, dto.name);
  }

  @Post(':roomId/members')
  @HttpCode(200)
  @ApiOkResponse({ type: RoomDetailDto })
  @ApiDoc({
    summary: 'Add people to a group room',
    description: 'Only the owner; only people I follow.',
    errors: [
      ChatErrors.roomNotFound,
      ChatErrors.roomNotGroup,
      ChatErrors.roomOwnerOnly,
      ChatErrors.userNotFound,
      ChatErrors.inviteNotAllowed,
      ChatErrors.roomFull,
    ],
    example: { userIds: ['3f2c1a9e-8d4b-4c6e-9f1a-2b7c5d8e0a41'] },
  })
  addMembers(
    @CurrentPrincipal() me: Principal,
    @Param('roomId', uuid) roomId: string,
    @Body() dto: AddMembersDto,
  ): Promise<RoomDetailDto> {
    return this.rooms.inviteMembers(me.userId, roomId, dto.userIds);
  }

  @Delete(':roomId/members/:userId')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiDoc({
    summary: 'Remove a member from a group room',
    description: 'Only the owner. The removed member gets `room.removed` on `/chat`.',
    errors: [
      ChatErrors.roomNotFound,
      ChatErrors.roomNotGroup,
      ChatErrors.roomOwnerOnly,
      ChatErrors.memberNotFound,
    ],
  })
  removeMember(
    @CurrentPrincipal() me: Principal,
    @Param('roomId', uuid) roomId: string,
    @Param('userId', uuid) userId: string,
  ): Promise<void> {
    return this.rooms.expelMember(me.userId, roomId, userId);
  }

  @Post(':roomId/leave')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiDoc({
    summary: 'Leave a group room',
    description: 'When the owner leaves, the longest-standing member becomes the owner.',
    errors: [ChatErrors.roomNotFound, ChatErrors.roomNotGroup],
  })
  leave(@CurrentPrincipal() me: Principal, @Param('roomId', uuid) roomId: string): Promise<void> {
    return this.rooms.leaveRoom(me.userId, roomId);
  }

  @Get(':roomId/messages')
  @ApiOkResponse({ type: MessagePageDto })
  @ApiDoc({
    summary: 'Messages of a room',
    description:
      'Newest page by default; at most one of `after_seq` (catch-up after a gap in `seq`), `before_seq` (older), `around` or `around_date`.',
    errors: [ChatErrors.roomNotFound, ChatErrors.pageCursorConflict],
  })
  messages(
    @CurrentPrincipal() me: Principal,
    @Param('roomId', uuid) roomId: string,
    @Query() query: ListMessagesQueryDto,
  ): Promise<MessagePageDto> {
    return this.chatMessages.listMessages(me.userId, roomId, query);
  }

  @Post(':roomId/messages')
  @RequireVerifiedEmail()
  @ApiCreatedResponse({ type: MessageDto, description: 'Created.' })
  @ApiOkResponse({ type: MessageDto, description: 'A retried clientMessageId: the original.' })
  @ApiDoc({
    summary: 'Send a message',
    description:
      'The REST twin of `message.send` on `/chat`. A retried `clientMessageId` answers the original (200) instead of a copy. Text 1–4000 characters, optional with `imageId` (from `POST …/images`).',
    errors: [
      ChatErrors.roomNotFound,
      ChatErrors.directBlocked,
      ChatErrors.messageNotFound,
      ChatErrors.imageNotFound,
      ChatErrors.imageOtherRoom,
      ChatErrors.messageClientIdReused,
      ChatErrors.messageInvalid,
    ],
    limits: [ChatLimits.sendPerUser],
    example: {
      clientMessageId: '7a1e4b2c-5d3f-4e8a-9b6c-1f0d2e3a4b5c',
      text: 'Anyone up for a code review tonight?',
    },
  })
  async post(
    @CurrentPrincipal() me: Principal,
    @Param('roomId', uuid) roomId: string,
    @Body() dto: PostMessageDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MessageDto> {
    const { message, created } = await this.chatMessages.postMessage(me.userId, { ...dto, roomId });
    res.status(created ? 201 : 200);
    return message;
  }

  @Patch(':roomId/messages/:messageId')
  @ApiOkResponse({ type: MessageDto })
  @ApiDoc({
    summary: 'Edit my message',
    errors: [ChatErrors.roomNotFound, ChatErrors.messageNotFound, ChatErrors.messageNotOwn],
    example: { text: 'Anyone up for a code review tomorrow?' },
  })
  edit(
    @CurrentPrincipal() me: Principal,
    @Param('roomId', uuid) roomId: string,
    @Param('messageId', uuid) messageId: string,
    @Body() dto: EditMessageDto,
  ): Promise<MessageDto> {
    return this.chatMessages.editMessage(me.userId, roomId, messageId, dto.text);
  }

  @Delete(':roomId/messages/:messageId')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiDoc({
    summary: 'Delete my message',
    description: 'The message keeps its place with `text: null` and `deletedAt` set.',
    errors: [ChatErrors.roomNotFound, ChatErrors.messageNotFound, ChatErrors.messageNotOwn],
  })
  remove(
    @CurrentPrincipal() me: Principal,
    @Param('roomId', uuid) roomId: string,
    @Param('messageId', uuid) messageId: string,
  ): Promise<void> {
    return this.chatMessages.deleteMessage(me.userId, roomId, messageId);
  }

  @Put(':roomId/messages/:messageId/reactions/:emoji')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiDoc({
    summary: 'React to a message with an emoji (idempotent)',
    errors: [ChatErrors.roomNotFound, ChatErrors.messageNotFound],
  })
  react(@CurrentPrincipal() me: Principal, @Param() p: ReactionParamsDto): Promise<void> {
    return this.chatMessages.addReaction(me.userId, p.roomId, p.messageId, p.emoji);
  }

  @Delete(':roomId/messages/:messageId/reactions/:emoji')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiDoc({
    summary: 'Remove my reaction (idempotent)',
    errors: [ChatErrors.roomNotFound],
  })
  unreact(@CurrentPrincipal() me: Principal, @Param() p: ReactionParamsDto): Promise<void> {
    return this.chatMessages.removeReaction(me.userId, p.roomId, p.messageId, p.emoji);
  }

  @Post(':roomId/read')
  @HttpCode(200)
  @ApiOkResponse({ type: ReadStateDto })
  @ApiDoc({
    summary: 'Move my read position forward',
    description: 'Never moves back; answers the position now stored.',
    errors: [ChatErrors.roomNotFound],
    example: { seq: 42 },
  })
  read(
    @CurrentPrincipal() me: Principal,
    @Param('roomId', uuid) roomId: string,
    @Body() dto: ReadRoomDto,
  ): Promise<ReadStateDto> {
    return this.reads.markRead(me.userId, roomId, dto.seq);
  }
}
