// The study module's public surface: other modules import from here, never from a deeper file.
export * from './study.events';
export { StudyModule } from './study.module';
