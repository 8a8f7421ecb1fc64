import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { I18nProvider } from '@/i18n/i18n-provider';
import type { Language } from '@/i18n/translate';

interface Options extends Omit<RenderOptions, 'wrapper'> {
  language?: Language;
  route?: string;
}

/** Renders with the app's providers (no sockets); a fresh QueryClient per test, no retries. */
export function renderWithProviders(
  ui: ReactElement,
  { language = 'ko', route = '/', ...options }: Options = {},
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <I18nProvider initialLanguage={language}>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>
  );
  return { queryClient, ...render(ui, { wrapper: Wrapper, ...options }) };
}
