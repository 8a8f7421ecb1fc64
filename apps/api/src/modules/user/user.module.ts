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
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
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
  // UserController and PeopleController first: their literal routes must win over `:id`.
  controllers: [
    UserController,
    PeopleController,
    AvatarController,
    ProfileController,
    SocialController,
  ],
  providers: [
    AccountFollowups,
    UserService,
    AvatarService,
    ProfileService,
    PeopleService,
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
