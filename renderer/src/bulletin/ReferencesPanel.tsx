/**
 * A draft's live references: each figure that changed since the analyst accepted it (old → new, with
 * 接受), and each one whose figure was deleted (broken: issuing and export refuse until it is removed),
 * named by the paragraph it is in.
 */
import { Alert, Button, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { blockPlace, type BulletinContent, type FigureSnapshotRef } from '../../../shared/bulletin';
import type { ReferencePlace, ReferenceReport } from '../../../shared/bulletin-store';
import { movedOnly } from '../../../shared/bulletin-ref';
import { bulletinPlaceWords } from '../../../shared/errors';
import { formatFigure } from '../../../shared/format';
import type { Lang } from '../../../shared/i18n';

/** The first words of the block a reference sits in, so the person finds it. */
function blockExcerpt(content: BulletinContent, place: ReferencePlace, lang: Lang): string {
  const block = content.blocks[place.block];
  if (!block) return '';
  if (block.type === 'paragraph') {
    const words = block.content.map((i) => (i.type === 'text' ? i.text : formatFigure(i.accepted, lang))).join('');
    return words.length > 40 ? `${words.slice(0, 40)}…` : words;
  }
  return block.type === 'table' || block.type === 'chart' ? block.caption : '';
}

const figureName = (ref: FigureSnapshotRef, figureId: number, lang: Lang): string => (ref.label ? (lang === 'en' ? ref.label.en : ref.label.zh) : `#${figureId}`);

export interface ReferencesPanelProps {
  report: ReferenceReport;
  content: BulletinContent;
  lang: Lang;
  onAccept: (figureId: number) => void;
  busy: boolean;
}

export function ReferencesPanel({ report, content, lang, onAccept, busy }: ReferencesPanelProps): React.JSX.Element {
  const { t } = useTranslation();
  // As the issue numbers its blocks (第1节第2段), not by the block's index, which counted the headings and tables before it.
  const where = (place: ReferencePlace): string => {
    const at = blockPlace(content.blocks, place.block);
    const words = at ? bulletinPlaceWords(at, lang) : String(place.block + 1);
    const said = lang === 'en' ? words.charAt(0).toUpperCase() + words.slice(1) : words;
    return place.cell !== null ? t('bulletins.refs.inTable', { place: said, cell: place.cell + 1 }) : t('bulletins.refs.inParagraph', { place: said });
  };
  return (
    <section aria-labelledby="bulletin-refs-heading">
      <Typography.Title level={2} id="bulletin-refs-heading" style={{ fontSize: 18 }}>
        {t('bulletins.refs.heading')}
      </Typography.Title>
      {report.changed.length === 0 && report.broken.length === 0 ? <Typography.Text type="secondary">{t('bulletins.refs.allCurrent')}</Typography.Text> : null}
      {report.broken.length > 0 ? (
        <Alert
          role="alert"
          type="error"
          showIcon
          title={t('bulletins.refs.brokenTitle', { count: report.broken.length })}
          description={
            <List
              size="small"
              dataSource={report.broken}
              renderItem={(r) => (
                <List.Item>
                  {t('bulletins.refs.brokenItem', { where: where(r.place), figure: figureName(r.accepted, r.figureId, lang), value: formatFigure(r.accepted, lang), excerpt: blockExcerpt(content, r.place, lang) })}
                </List.Item>
              )}
            />
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {report.changed.length > 0 ? (
        <List
          bordered
          size="small"
          header={<strong>{t('bulletins.refs.changedTitle', { count: report.changed.length })}</strong>}
          dataSource={report.changed}
          renderItem={(r) => {
            const before = formatFigure(r.accepted, lang);
            const after = formatFigure(r.current, lang);
            const name = figureName(r.accepted, r.figureId, lang);
            // A figure moved to another industry, metric or city: what it is about changed, perhaps not its value.
            const moved = JSON.stringify(r.accepted.about ?? null) !== JSON.stringify(r.current.about ?? null) && r.accepted.about !== undefined ? figureName(r.current, r.figureId, lang) : null;
            return (
              <List.Item
                actions={[
                  <Button key="accept" size="small" type="primary" disabled={busy} aria-label={t('bulletins.refs.acceptLabel', { figure: name, value: after })} onClick={() => onAccept(r.figureId)}>
                    {t('bulletins.refs.accept')}
                  </Button>,
                ]}
              >
                <div>
                  <div>
                    {where(r.place)} · {moved !== null && moved !== name ? <del>{name}</del> : name}
                    {moved !== null && moved !== name ? (
                      <>
                        {' → '}
                        <strong>{moved}</strong>
                      </>
                    ) : null}
                  </div>
                  {/* The value line only where the value changed: a figure moved to another industry prints as before. */}
                  {movedOnly(r.accepted, r.current) ? null : (
                    <div>
                      <del>{before}</del> → <strong>{after}</strong>
                    </div>
                  )}
                  <Typography.Text type="secondary">{blockExcerpt(content, r.place, lang)}</Typography.Text>
                </div>
              </List.Item>
            );
          }}
        />
      ) : null}
    </section>
  );
}
