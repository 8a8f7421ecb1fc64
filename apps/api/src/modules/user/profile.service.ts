import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, QueryFailedError, Repository } from 'typeorm';
import { MeDto, toMeDto } from './dto/me.dto';
import { PublicProfileDto } from './dto/public-profile.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { toUserSummary } from './dto/user-summary.dto';
import { UserEntity } from './entities/user.entity';
import { PresenceService } from './presence.service';
import { SocialService } from './social.service';
import { UserErrors } from './user.errors';
import { canSeeProfile } from './user.policy';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class ProfileService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(SocialService) private readonly social: SocialService,
    @Inject(PresenceService) private readonly presence: PresenceService,
  ) {}

  /** Changes only the fields sent; a nickname someone else holds is a 409. */
  async updateMe(userId: string, dto: UpdateProfileDto): Promise<MeDto> {
    const user = await this.users.findOne({ where: { id: userId, deletedAt: IsNull() } });
    if (!user) throw UserErrors.notFound();
    if (dto.nickname !== undefined && dto.nickname !== user.nickname) {
      const taken = await this.users.exists({ where: { nickname: dto.nickname } });
      if (taken) throw UserErrors.nicknameTaken();
      user.nickname = dto.nickname;
    }
    if (dto.about !== undefined) user.about = dto.about;
    if (dto.links !== undefined) user.links = dto.links.map(({ label, url }) => ({ label, url }));
    try {
      return toMeDto(await this.users.save(user));
    } catch (err) {
      // Two users racing for one nickname: the unique index decides.
      if (
        err instanceof QueryFailedError &&
        (err.driverError as { code?: string }).code === UNIQUE_VIOLATION
      )
        throw UserErrors.nicknameTaken();
      throw err;
    }
  }

  /** Anyone may look, anonymous too; a block either way answers exactly like a missing user. */
  async publicProfile(viewerId: string | null, userId: string): Promise<PublicProfileDto> {
    const rel = await this.social.relationship(viewerId, userId);
    if (!rel || !canSeeProfile(rel)) throw UserErrors.notFound();
    const user = await this.users.findOne({ where: { id: userId, deletedAt: IsNull() } });
    if (!user) throw UserErrors.notFound();
    const [counts, presence] = await Promise.all([
      this.social.counts(userId),
      this.presence.forProfile(userId, rel),
    ]);
    return {
      ...toUserSummary(user),
      about: user.about,
      links: user.links.map(({ label, url }) => ({ label, url })),
      createdAt: user.createdAt.toISOString(),
      counts,
      viewer: {
        isSelf: rel.isSelf,
        isFollowing: rel.isFollowing,
        followsMe: rel.followsMe,
        isBlocked: rel.isBlocked,
        isMuted: rel.isMuted,
      },
      presence,
    };
  }
}
