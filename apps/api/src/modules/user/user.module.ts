import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MediaModule } from '../media/media.module';
import { AvatarController } from './avatar.controller';
import { AvatarService } from './avatar.service';
import { UserEntity } from './entities/user.entity';
import { UserSubscriber } from './subscribers/user.subscriber';
import { UserController } from './user.controller';
import { UserService } from './user.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity]), MediaModule],
  controllers: [UserController, AvatarController],
  providers: [UserService, AvatarService, UserSubscriber],
  exports: [UserService],
})
export class UserModule {}
