import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChatModule } from '../chat';
import { UserModule } from '../user';
import { StudyMemberEntity } from './entities/study-member.entity';
import { StudyTagEntity } from './entities/study-tag.entity';
import { StudyEntity } from './entities/study.entity';
import { StudyAccountFollowup } from './study-account.followup';
import { StudyController } from './study.controller';
import { StudyGateway } from './study.gateway';
import { StudyRepository } from './study.repository';
import { StudyService } from './study.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([StudyEntity, StudyMemberEntity, StudyTagEntity]),
    UserModule,
    ChatModule,
  ],
  controllers: [StudyController],
  providers: [StudyAccountFollowup, StudyGateway, StudyRepository, StudyService],
})
export class StudyModule {}
