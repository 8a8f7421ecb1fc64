/** Error codes of profiles, follows, blocks and mutes. */
export const UserErrorCodes = [
  'USER_BLOCK_SELF',
  'USER_FOLLOW_BLOCKED',
  'USER_FOLLOW_SELF',
  'USER_MUTE_SELF',
  'USER_NICKNAME_TAKEN',
] as const;
