// The user module's public surface: other modules import from here, never from a deeper file.
export { AccountFollowups } from './account-followups';
export type { AccountDeletion, AccountFollowupHandler } from './account-followups';
export { MeDto, toMeDto } from './dto/me.dto';
export { avatarUrl, toUserSummary, UserSummaryDto } from './dto/user-summary.dto';
export { UserEntity } from './entities/user.entity';
export { IsNickname, NICKNAME_MAX, NICKNAME_MIN } from './nickname';
export { SocialService } from './social.service';
export * from './user.events';
export { UserModule } from './user.module';
export { UserService } from './user.service';
