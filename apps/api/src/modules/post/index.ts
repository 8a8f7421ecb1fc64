// The post module's public surface: other modules import from here, never from a deeper file.
export * from './post.events';
export { PostModule } from './post.module';
