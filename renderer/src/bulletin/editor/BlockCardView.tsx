/**
 * A chart, table or quotation in the editor: a card saying what it will print (kind, metric,
 * industries, caption; the table's rows; the source and passage), with Edit (also a double click)
 * and Remove. Backspace and Delete remove a selected card as they remove any selected node.
 */
import { Button, Card, Space, Typography, theme } from 'antd';
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { type BulletinBlock } from '../../../../shared/bulletin';
import { movedOnly, printedValue } from '../../../../shared/bulletin-ref';
import { colonOf } from '../../../../shared/format';
import type { Lang } from '../../../../shared/i18n';
import { useSession } from '../../session';
import { useViewContext, type EditorViewContext } from './context';
import { blockOfNode } from './convert';
import type { BlockAtomName } from './nodes';

export function BlockCardView({ node, selected, getPos, deleteNode }: ReactNodeViewProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const view = useViewContext();
  const kind = node.type.name as BlockAtomName;
  const block = blockOfNode({ type: kind, attrs: node.attrs });
  const what = block ? t(`bulletinEditor.${block.type}`) : '';
  const edit = (): void => {
    const pos = getPos();
    if (!view.readOnly && typeof pos === 'number') view.edit(kind, pos);
  };
  const title = block ? cardTitle(block, view, t, i18n.language === 'en' ? 'en' : 'zh-CN') : t('bulletinEditor.deleted');
  return (
    <NodeViewWrapper contentEditable={false} onDoubleClick={edit} style={{ margin: '8px 0' }}>
      <Card
        size="small"
        role="group"
        aria-label={title}
        title={title}
        style={{ outline: selected ? `2px solid ${token.colorPrimary}` : undefined, borderColor: block ? undefined : token.colorError }}
        extra={
          view.readOnly ? null : (
            <Space size={4}>
              <Button size="small" onClick={edit} aria-label={t('bulletinEditor.editNamed', { what })}>
                {t('bulletinEditor.edit')}
              </Button>
              <Button size="small" danger onClick={() => deleteNode()} aria-label={t('bulletinEditor.removeNamed', { what })}>
                {t('bulletinEditor.remove')}
              </Button>
            </Space>
          )
        }
      >
        {block ? <CardBody block={block} view={view} /> : null}
      </Card>
    </NodeViewWrapper>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

/** "表格：部分集群产值" / "Table: Output of some clusters": the kind, capitalised where the language has capitals, and the colon of the app's language. */
function cardTitle(block: BulletinBlock, view: EditorViewContext, t: T, ui: Lang): string {
  const colon = colonOf(ui);
  const kind = (key: string): string => {
    const word = t(key);
    return word.charAt(0).toUpperCase() + word.slice(1);
  };
  const caption = 'caption' in block ? block.caption || t('bulletinEditor.noCaption') : '';
  if (block.type === 'chart') return `${kind(`bulletinEditor.chartKind.${block.chart.kind}`)}${colon}${caption}`;
  if (block.type === 'table') return `${kind('bulletinEditor.table')}${colon}${caption}`;
  if (block.type === 'quote') {
    const source = view.sources.get(block.sourceId);
    return `${kind('bulletinEditor.quote')}${colon}${source ? source.title : t('bulletinEditor.unknownSource', { id: block.sourceId })}`;
  }
  return '';
}

function CardBody({ block, view }: { block: BulletinBlock; view: EditorViewContext }): React.JSX.Element | null {
  const { t, i18n } = useTranslation();
  const { catalog } = useSession();
  const ui = i18n.language === 'en' ? 'en' : 'zh-CN';
  if (block.type === 'chart') {
    if (block.chart.kind === 'tiers') return <Typography.Text type="secondary">{t('bulletinEditor.chartKind.tiers')}</Typography.Text>;
    const names = block.chart.entityIds.map((id) => view.entities.get(id)?.name[ui === 'en' ? 'en' : 'zh'] ?? id);
    return <Typography.Text>{t('bulletinEditor.chartSummary', { metric: catalog.metricName(block.chart.metric, ui), entities: names.join(ui === 'en' ? ', ' : '、') })}</Typography.Text>;
  }
  if (block.type === 'table') {
    return (
      <ul style={{ margin: 0, paddingLeft: 20 }} aria-label={t('bulletinEditor.rows', { count: block.figureIds.length })}>
        {block.figureIds.map((id, i) => {
          const ref = block.accepted[i];
          const label = ref?.label ? `${ref.label[ui === 'en' ? 'en' : 'zh']} ${ref.period}` : t('bulletinEditor.figureUnknown', { id });
          const current = view.live.changed.get(id);
          return (
            <li key={`${id}-${i}`}>
              {label}
              {colonOf(ui)}
              {ref ? printedValue(current ?? ref, view.lang) : ''}
              {current && ref
                ? `【${t('bulletinEditor.updated')} · ${movedOnly(ref, current) ? t('bulletinEditor.updatedAbout', { label: current.label[ui === 'en' ? 'en' : 'zh'] }) : t('bulletinEditor.updatedFrom', { value: printedValue(ref, view.lang) })}】`
                : ''}
              {view.live.broken.has(id) ? `【${t('bulletinEditor.deleted')}】` : ''}
              {current && view.onAccept && !view.readOnly ? (
                <Button size="small" type="link" aria-label={t('bulletinEditor.acceptNamed', { label })} onClick={() => view.onAccept?.(id)}>
                  {t('bulletinEditor.accept')}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
    );
  }
  if (block.type === 'quote') return <blockquote style={{ margin: 0, paddingLeft: 8, borderLeft: '3px solid', whiteSpace: 'pre-wrap' }}>{block.text}</blockquote>;
  return null;
}
