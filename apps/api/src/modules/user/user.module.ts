import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PresenceStore } from '../../infra/realtime/presence.store';
import { MediaModule } from '../media';
import { AccountFollowups } from './account-followups';
import { AvatarController } from './avatar.controller';
import { AvatarService } from './avatar.service';
import { AccountFollowupEntity } from './entities/account-followup.entity';
import { UserBlockEntity } from './entities/user-block.entity';
import { UserFollowEntity } from './entities/user-follow.entity';
import { UserMuteEntity } from './entities/user-mute.entity';
import { UserEntity } from './entities/user.entity';
import { PresenceService } from './presence.service';
import { ProfileController } from './profile.controller';
import { ProfileService } from './profile.service';
import { UserListsRepository } from './repositories/user-lists.repository';
import { SocialController } from './social.controller';
import { SocialService } from './social.service';
import { SocialGraphSubscriber } from './subscribers/social-graph.subscriber';
import { UserSubscriber } from './subscribers/user.subscriber';
import { UserController } from './user.controller';
import { UserGateway } from './user.gateway';
import { UserService } from './user.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      UserEntity,
      UserFollowEntity,
      UserBlockEntity,
      UserMuteEntity,
      AccountFollowupEntity,
    ]),
    MediaModule,
  ],
  // UserController first: its literal `me` routes must win over `:id`.
  controllers: [UserController, AvatarController, ProfileController, SocialController],
  providers: [
    AccountFollowups,
    UserService,
    AvatarService,
    ProfileService,
    SocialService,
    PresenceService,
    PresenceStore,
    UserListsRepository,
    UserSubscriber,
    SocialGraphSubscriber,
    UserGateway,
  ],
  exports: [UserService, SocialService, AccountFollowups],
})
export class UserModule {}
