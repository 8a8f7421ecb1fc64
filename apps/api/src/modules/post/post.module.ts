import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MediaModule } from '../media';
import { UserModule } from '../user';
import { PostCommentEntity } from './entities/post-comment.entity';
import { PostImageEntity } from './entities/post-image.entity';
import { PostInboxEntity } from './entities/post-inbox.entity';
import {
  PostBookmarkEntity,
  PostLikeEntity,
  PostViewEntity,
} from './entities/post-reaction.entity';
import { PostEntity } from './entities/post.entity';
import { PostAccountFollowup } from './post-account.followup';
import { PostCommentService } from './post-comment.service';
import { PostFeedService } from './post-feed.service';
import { PostInboxFollows } from './post-inbox';
import { PostReactionsService } from './post-reactions.service';
import { PostReadRepository } from './post-read.repository';
import { PostWritingService } from './post-writing.service';
import { PostController } from './post.controller';
import { PostGateway } from './post.gateway';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      PostBookmarkEntity,
      PostCommentEntity,
      PostEntity,
      PostImageEntity,
      PostInboxEntity,
      PostLikeEntity,
      PostViewEntity,
    ]),
    UserModule,
    MediaModule,
  ],
  controllers: [PostController],
  providers: [
    PostAccountFollowup,
    PostCommentService,
    PostFeedService,
    PostGateway,
    PostInboxFollows,
    PostReactionsService,
    PostReadRepository,
    PostWritingService,
  ],
})
export class PostModule {}
