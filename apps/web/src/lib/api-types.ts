import type { components, paths } from '@orgo/contracts/http/openapi';

export type { paths };
export type Schemas = components['schemas'];
export type AuthTokens = Schemas['AuthTokensDto'];
export type ChatMessagePage = Schemas['MessagePageDto'];
export type ChatRoom = Schemas['RoomDto'];
export type ChatRoomDetail = Schemas['RoomDetailDto'];
export type ChatRoomPage = Schemas['RoomPageDto'];
export type Me = Schemas['MeDto'];
export type Session = Schemas['SessionDto'];
export type ProfileLink = Schemas['ProfileLinkDto'];
export type PublicProfile = Schemas['PublicProfileDto'];
export type UpdateProfile = Schemas['UpdateProfileDto'];
export type UserListItem = Schemas['UserListItemDto'];
export type UserPage = Schemas['UserPageDto'];
export type ViewerState = Schemas['ViewerStateDto'];
