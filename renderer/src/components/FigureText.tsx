import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Figure, Source } from '../../../shared/domain';
import { formatFigure } from '../../../shared/format';
import type { Lang } from '../../../shared/i18n';
import { useSession } from '../session';

/** A figure's value as people read it: qualifier, number and unit together. */
export function FigureValue({ figure, lang }: { figure: Figure; lang: Lang }): React.JSX.Element {
  const { catalog } = useSession();
  return <span className="figure-value">{formatFigure(figure, lang, catalog.metric(figure.metric)?.unitLabel ?? null)}</span>;
}

/** Where a figure (or any sourced statement: a plan's goal) comes from: title, publisher, date, and the sentence it was read from. */
export function FigureSource({ figure, sources }: { figure: Pick<Figure, 'sourceId' | 'sourceQuote'>; sources: Source[] }): React.JSX.Element {
  const { t } = useTranslation();
  const source = sources.find((s) => s.id === figure.sourceId);
  if (!source) return <Typography.Text type="warning">{t('figure.noSource')}</Typography.Text>;
  return (
    <div>
      <div>
        <cite>{source.title}</cite> · {source.publisher}
        {source.publishedOn ? ` · ${source.publishedOn}` : ''}
      </div>
      {figure.sourceQuote ? (
        <blockquote aria-label={t('figure.quote')} style={{ margin: '4px 0 0', paddingLeft: 8, borderLeft: '3px solid #d0d7de', opacity: 0.78 }}>
          {figure.sourceQuote}
        </blockquote>
      ) : null}
    </div>
  );
}

/** The source folded away under a "来源 / Source" toggle, for cards where the value comes first. */
export function FoldedSource(props: { figure: Pick<Figure, 'sourceId' | 'sourceQuote'>; sources: Source[] }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <details>
      <summary>{t('figure.source')}</summary>
      <FigureSource {...props} />
    </details>
  );
}
