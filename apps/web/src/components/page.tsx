import { useEffect, type ReactNode } from 'react';
import { useT } from '@/i18n/i18n-provider';
import { setPageTitle } from '@/lib/document-title';

interface PageProps {
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  /** Narrow single-column layout for forms. */
  isNarrow?: boolean;
}

/** Every route renders one: it owns the document title and the h1 that route changes focus. */
export function Page({ title, description, children, isNarrow = false }: PageProps) {
  const t = useT();
  const appName = t('app.name');

  useEffect(() => {
    setPageTitle(`${title} · ${appName}`);
  }, [title, appName]);

  return (
    <div className={isNarrow ? 'page page--narrow' : 'page'}>
      <header className="page__header">
        <h1 className="page__title" tabIndex={-1}>
          {title}
        </h1>
        {description ? <p className="page__description">{description}</p> : null}
      </header>
      {children}
    </div>
  );
}
