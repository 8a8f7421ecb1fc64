// The e2e factories: users (verified or not), sessions, sockets, rooms and studies, made through the API.
export * from './rooms';
export * from './sockets';
export * from './studies';
export * from './users';
