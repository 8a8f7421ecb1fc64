import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChatModule } from '../chat';
import { UserModule } from '../user';
import { StudyMemberEntity } from './entities/study-member.entity';
import { StudyTagEntity } from './entities/study-tag.entity';
import { StudyEntity } from './entities/study.entity';
import { StudyAccountFollowup } from './study-account.followup';
import { StudyListingService } from './study-listing.service';
import { StudyMembershipService } from './study-membership.service';
import { StudyWritingService } from './study-writing.service';
import { StudyController } from './study.controller';
import { StudyGateway } from './study.gateway';
import { StudyRepository } from './study.repository';

@Module({
  imports: [
    TypeOrmModule.forFeature([StudyEntity, StudyMemberEntity, StudyTagEntity]),
    UserModule,
    ChatModule,
  ],
  controllers: [StudyController],
  providers: [
    StudyAccountFollowup,
    StudyGateway,
    StudyListingService,
    StudyMembershipService,
    StudyRepository,
    StudyWritingService,
  ],
})
export class StudyModule {}
