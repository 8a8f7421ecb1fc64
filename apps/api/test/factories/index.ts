// The e2e factories: users (verified or not), sessions, sockets and rooms, made through the API.
export * from './rooms';
export * from './sockets';
export * from './users';
