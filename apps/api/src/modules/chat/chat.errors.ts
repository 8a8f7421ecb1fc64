import { AppError } from '../../infra/http/app-error';

export const ChatErrors = {
  directBlocked: () =>
    new AppError('CHAT_DIRECT_BLOCKED', 403, 'You cannot send messages in this conversation.'),
  directNotAllowed: () =>
    new AppError(
      'CHAT_DIRECT_NOT_ALLOWED',
      403,
      'You can start a conversation only with someone you follow.',
    ),
  directSelf: () =>
    new AppError('CHAT_DIRECT_SELF', 400, 'You cannot start a conversation with yourself.'),
  memberNotFound: () =>
    new AppError('CHAT_MEMBER_NOT_FOUND', 404, 'This user is not a member of the room.'),
  messageClientIdReused: () =>
    new AppError(
      'CHAT_MESSAGE_CLIENT_ID_REUSED',
      409,
      'This clientMessageId already belongs to another message. Use a new one.',
    ),
  imageNotFound: () =>
    new AppError(
      'CHAT_IMAGE_NOT_FOUND',
      404,
      'Image not found. Upload it to this room first; each image goes in one message.',
    ),
  // Content Postgres cannot store (a data exception): the sender's input, never a server fault.
  messageInvalid: () =>
    new AppError('COMMON_VALIDATION_FAILED', 400, 'The message cannot be stored as sent.', [
      { field: 'text', code: 'invalid', message: 'text contains characters that cannot be stored' },
    ]),
  imageOtherRoom: () =>
    new AppError(
      'CHAT_IMAGE_OTHER_ROOM',
      409,
      'This image was uploaded to another room. Upload it to this room to send it here.',
    ),
  inviteNotAllowed: () =>
    new AppError('CHAT_INVITE_NOT_ALLOWED', 403, 'You can add to a group only people you follow.'),
  messageNotFound: () => new AppError('CHAT_MESSAGE_NOT_FOUND', 404, 'Message not found.'),
  messageNotOwn: () =>
    new AppError('CHAT_MESSAGE_NOT_OWN', 403, 'You can change only your own messages.'),
  pageCursorConflict: () =>
    new AppError(
      'COMMON_VALIDATION_FAILED',
      400,
      'Use at most one of after_seq, before_seq, around and around_date.',
    ),
  roomFull: () => new AppError('CHAT_ROOM_FULL', 409, 'This room has reached its member limit.'),
  roomManaged: () =>
    new AppError(
      'CHAT_ROOM_MANAGED',
      409,
      'This room belongs to a study: its members, name and owner change through the study.',
    ),
  // A room the caller is not a member of answers exactly like a missing one.
  roomNotFound: () => new AppError('CHAT_ROOM_NOT_FOUND', 404, 'Chat room not found.'),
  roomNotGroup: () =>
    new AppError('CHAT_ROOM_NOT_GROUP', 409, 'Only group rooms can be renamed, joined or left.'),
  roomOwnerOnly: () =>
    new AppError('CHAT_ROOM_OWNER_ONLY', 403, 'Only the owner of the room can do this.'),
  userNotFound: () => new AppError('CHAT_USER_NOT_FOUND', 404, 'User not found.'),
};
