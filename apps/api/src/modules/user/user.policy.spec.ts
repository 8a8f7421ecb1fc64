import {
  canBlockOrMute,
  canSeePresence,
  canSeeProfile,
  canStartDirectMessage,
  followDecision,
  NO_RELATIONSHIP,
  Relationship,
} from './user.policy';

const rel = (overrides: Partial<Relationship> = {}): Relationship => ({
  ...NO_RELATIONSHIP,
  ...overrides,
});

describe('user policy', () => {
  it('hides profiles across a block in either direction, never from oneself', () => {
    expect(canSeeProfile(rel())).toBe(true);
    expect(canSeeProfile(rel({ isFollowing: true, followsMe: true }))).toBe(true);
    expect(canSeeProfile(rel({ isBlocked: true }))).toBe(false);
    expect(canSeeProfile(rel({ blocksMe: true }))).toBe(false);
    expect(canSeeProfile(rel({ isSelf: true }))).toBe(true);
  });

  it('refuses self-follow, hides a block by the other side, names my own block', () => {
    expect(followDecision(rel())).toBe('allowed');
    expect(followDecision(rel({ isFollowing: true }))).toBe('allowed');
    expect(followDecision(rel({ isSelf: true }))).toBe('self');
    expect(followDecision(rel({ blocksMe: true }))).toBe('hidden');
    expect(followDecision(rel({ isBlocked: true }))).toBe('blocked');
    expect(followDecision(rel({ isBlocked: true, blocksMe: true }))).toBe('hidden');
  });

  it('lets anyone but oneself be blocked or muted, even someone who blocked me', () => {
    expect(canBlockOrMute(rel())).toBe(true);
    expect(canBlockOrMute(rel({ blocksMe: true }))).toBe(true);
    expect(canBlockOrMute(rel({ isSelf: true }))).toBe(false);
  });

  it('shows presence to oneself and to followers only, never across a block', () => {
    expect(canSeePresence(rel({ isSelf: true }))).toBe(true);
    expect(canSeePresence(rel({ isFollowing: true, followsMe: true }))).toBe(true);
    expect(canSeePresence(rel({ isFollowing: true }))).toBe(false);
    expect(canSeePresence(rel())).toBe(false);
    expect(canSeePresence(rel({ followsMe: true }))).toBe(false);
    expect(canSeePresence(rel({ isFollowing: true, followsMe: true, blocksMe: true }))).toBe(false);
    expect(canSeePresence(rel({ isFollowing: true, followsMe: true, isBlocked: true }))).toBe(
      false,
    );
    expect(canSeePresence(NO_RELATIONSHIP)).toBe(false);
  });

  it('allows a direct message only to someone I follow, without a block', () => {
    expect(canStartDirectMessage(rel({ isFollowing: true }))).toBe(true);
    expect(canStartDirectMessage(rel({ followsMe: true }))).toBe(false);
    expect(canStartDirectMessage(rel({ isFollowing: true, blocksMe: true }))).toBe(false);
    expect(canStartDirectMessage(rel({ isSelf: true, isFollowing: true }))).toBe(false);
  });
});
