export const authKeys = {
  all: ['auth'] as const,
  providers: () => [...authKeys.all, 'providers'] as const,
  sessions: () => [...authKeys.all, 'sessions'] as const,
};
