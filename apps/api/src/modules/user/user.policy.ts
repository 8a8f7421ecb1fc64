/** How the viewer and another user stand with each other; every flag is from the viewer's side. */
export interface Relationship {
  isSelf: boolean;
  /** The viewer follows the user. */
  isFollowing: boolean;
  /** The user follows the viewer. */
  followsMe: boolean;
  /** The viewer blocked the user. */
  isBlocked: boolean;
  /** The user blocked the viewer; never shown to the viewer. */
  blocksMe: boolean;
  /** The viewer muted the user. */
  isMuted: boolean;
}

/** An anonymous viewer stands in no relationship with anyone. */
export const NO_RELATIONSHIP: Relationship = {
  isSelf: false,
  isFollowing: false,
  followsMe: false,
  isBlocked: false,
  blocksMe: false,
  isMuted: false,
};

export type FollowDecision = 'allowed' | 'self' | 'blocked' | 'hidden';

/** A block in either direction hides the two users from each other entirely. */
export function canSeeProfile(rel: Relationship): boolean {
  return rel.isSelf || (!rel.isBlocked && !rel.blocksMe);
}

/** `hidden` answers like a missing user so a block is never revealed to the blocked side. */
export function followDecision(rel: Relationship): FollowDecision {
  if (rel.isSelf) return 'self';
  if (rel.blocksMe) return 'hidden';
  if (rel.isBlocked) return 'blocked';
  return 'allowed';
}

/** Blocking and muting need only another user; blocking back someone who blocked me is allowed. */
export function canBlockOrMute(rel: Relationship): boolean {
  return !rel.isSelf;
}

/**
 * Presence is shared only between mutual followers (following needs no consent, following back
 * is the consent), and never across a block.
 */
export function canSeePresence(rel: Relationship): boolean {
  if (rel.isSelf) return true;
  return rel.isFollowing && rel.followsMe && !rel.isBlocked && !rel.blocksMe;
}

/** Chat (later): direct messages only to someone the sender follows, with no block either way. */
export function canStartDirectMessage(rel: Relationship): boolean {
  return !rel.isSelf && rel.isFollowing && !rel.isBlocked && !rel.blocksMe;
}
