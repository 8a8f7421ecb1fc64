import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JwtAuthGuard } from '../../infra/auth/jwt-auth.guard';
import { CurrentPrincipal, type Principal } from '../../infra/auth/principal';
import { ApiDoc } from '../../infra/http/api-doc';

export class UnreadTotalDto {
  @ApiProperty({
    description:
      'Messages after my read position, not mine and not deleted, over all rooms I am in.',
  })
  total: number;

  @ApiProperty({ description: 'How many of my rooms have at least one unread message.' })
  rooms: number;
}

/** The unread total for the navigation badge and the tab title: one cheap count per call. */
@ApiTags('chat')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('chat/unread')
export class ChatUnreadController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @ApiOkResponse({ type: UnreadTotalDto })
  @ApiDoc({
    summary: 'My unread message total over all my rooms',
    description:
      'For the navigation badge and the tab title; the `/chat` socket keeps it current between calls.',
    errors: [],
  })
  async total(@CurrentPrincipal() me: Principal): Promise<UnreadTotalDto> {
    const [row] = (await this.db.query(
      `SELECT coalesce(sum(n), 0)::int AS total, count(*) FILTER (WHERE n > 0)::int AS rooms
         FROM (SELECT (SELECT count(*) FROM chat_message u
                        WHERE u.room_id = m.room_id AND u.seq > m.last_read_seq
                          AND u.sender_id <> m.user_id AND u.deleted_at IS NULL) AS n
                 FROM chat_member m
                WHERE m.user_id = $1 AND m.left_at IS NULL) per_room`,
      [me.userId],
    )) as { total: number; rooms: number }[];
    return { total: row?.total ?? 0, rooms: row?.rooms ?? 0 };
  }
}
