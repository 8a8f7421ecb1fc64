// The chat module's public surface: other modules import from here, never from a deeper file.
export * from './chat.events';
export { ChatModule } from './chat.module';
