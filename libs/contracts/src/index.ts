export * from './errors';
export * from './realtime/rooms';
export * from './realtime/user.socket';
