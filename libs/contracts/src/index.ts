export * from './asyncapi';
export * from './errors';
export * from './realtime/chat.socket';
export * from './realtime/post.socket';
export * from './realtime/rooms';
export * from './realtime/study.socket';
export * from './realtime/user.socket';
