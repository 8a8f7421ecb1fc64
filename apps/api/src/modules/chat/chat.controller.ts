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
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOperation,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { JwtAuthGuard } from '../../infra/auth/jwt-auth.guard';
import { CurrentPrincipal, type Principal } from '../../infra/auth/principal';
import { RequireVerifiedEmail } from '../../infra/auth/verified-email.guard';
import { singleFileUpload } from '../../infra/http/multipart';
import { ImageUploadDto } from '../media';
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
  @ApiOperation({
    summary: 'Upload an image for a message in this room',
    description:
      'One multipart part named `file`, checked like an avatar (JPEG/PNG/WebP/GIF by content, ≤ 10 MB, ≤ 33 MP, re-encoded without metadata). Then send `message.send` (or `POST …/messages`) with `imageId`. Only room members; only the uploader can send it, once.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImageUploadDto })
  @ApiCreatedResponse({ type: ChatImageDto })
  uploadImage(
    @CurrentPrincipal() me: Principal,
    @Param('roomId', uuid) roomId: string,
    @Req() req: Request,
  ): Promise<ChatImageDto> {
    const file = singleFileUpload(req, { field: 'file', ...this.images.uploadLimits });
    return this.images.uploadImage(me.userId, roomId, file);
  }

  @Post('direct')
  @RequireVerifiedEmail()
  @ApiCreatedResponse({ type: RoomDto, description: 'Created.' })
  @ApiOkResponse({ type: RoomDto, description: 'The existing room of this pair.' })
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
  createGroup(
    @CurrentPrincipal() me: Principal,
    @Body() dto: CreateGroupRoomDto,
  ): Promise<RoomDto> {
    return this.rooms.createGroup(me.userId, dto);
  }

  @Get()
  @ApiOkResponse({ type: RoomPageDto })
  list(@CurrentPrincipal() me: Principal, @Query() query: ListRoomsQueryDto): Promise<RoomPageDto> {
    return this.rooms.listRooms(me.userId, query);
  }

  @Get(':roomId')
  @ApiOkResponse({ type: RoomDetailDto })
  get(
    @CurrentPrincipal() me: Principal,
    @Param('roomId', uuid) roomId: string,
  ): Promise<RoomDetailDto> {
    return this.rooms.getRoom(me.userId, roomId);
  }

  @Patch(':roomId')
  @ApiOkResponse({ type: RoomDto })
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
  leave(@CurrentPrincipal() me: Principal, @Param('roomId', uuid) roomId: string): Promise<void> {
    return this.rooms.leaveRoom(me.userId, roomId);
  }

  @Get(':roomId/messages')
  @ApiOkResponse({ type: MessagePageDto })
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
  react(@CurrentPrincipal() me: Principal, @Param() p: ReactionParamsDto): Promise<void> {
    return this.chatMessages.addReaction(me.userId, p.roomId, p.messageId, p.emoji);
  }

  @Delete(':roomId/messages/:messageId/reactions/:emoji')
  @HttpCode(204)
  @ApiNoContentResponse()
  unreact(@CurrentPrincipal() me: Principal, @Param() p: ReactionParamsDto): Promise<void> {
    return this.chatMessages.removeReaction(me.userId, p.roomId, p.messageId, p.emoji);
  }

  @Post(':roomId/read')
  @HttpCode(200)
  @ApiOkResponse({ type: ReadStateDto })
  read(
    @CurrentPrincipal() me: Principal,
    @Param('roomId', uuid) roomId: string,
    @Body() dto: ReadRoomDto,
  ): Promise<ReadStateDto> {
    return this.reads.markRead(me.userId, roomId, dto.seq);
  }
}
