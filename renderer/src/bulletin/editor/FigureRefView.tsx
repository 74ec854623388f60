/**
 * A figure reference inside a sentence: the value as the issue prints it (qualifier, number, unit in
 * the language) with a small source marker; 数据已更新 with the new value and 接受 when the
 * figure changed since accepted; 数据已删除, styled as an error, when it was deleted. The marks are
 * words, not colour only, and the whole reference has an accessible name.
 */
import { Button, Tooltip, theme } from 'antd';
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { FigureSnapshotRef } from '../../../../shared/bulletin';
import { movedOnly, printedValue } from '../../../../shared/bulletin-ref';
import { useViewContext } from './context';

export function FigureRefView({ node, selected }: ReactNodeViewProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const { lang, live, onAccept, readOnly } = useViewContext();
  const figureId = Number(node.attrs.figureId);
  const parsed = FigureSnapshotRef.safeParse(node.attrs.accepted);
  const accepted = parsed.success ? parsed.data : null;
  const current = live.changed.get(figureId);
  const broken = live.broken.has(figureId) || accepted === null;
  const label = accepted?.label ? `${accepted.label[i18n.language === 'en' ? 'en' : 'zh']} ${accepted.period}` : t('bulletinEditor.figureUnknown', { id: figureId });
  const shown = current ?? accepted;
  const value = shown ? printedValue(shown, lang) : '';
  const name = [t('bulletinEditor.figureName', { label, value }), current ? t('bulletinEditor.updated') : '', broken ? t('bulletinEditor.deleted') : ''].filter(Boolean).join('，');
  const source = shown?.source;
  // The text keeps the body colour (4.5:1 in both themes); the state shows in the words, the tint and the rule.
  const rule = broken ? token.colorError : current ? token.colorWarning : token.colorPrimary;
  return (
    <NodeViewWrapper
      as="span"
      role="group"
      aria-label={name}
      data-figure-id={figureId}
      style={{
        color: token.colorText,
        borderBottom: `2px ${broken ? 'dashed' : 'solid'} ${rule}`,
        background: broken ? token.colorErrorBg : current ? token.colorWarningBg : token.colorPrimaryBg,
        outline: selected ? `2px solid ${token.colorPrimary}` : undefined,
        borderRadius: 2,
        padding: '0 2px',
        textDecoration: broken ? 'line-through' : undefined,
      }}
    >
      <span aria-hidden>{value}</span>
      <Tooltip title={source ? t('bulletinEditor.sourceOf', { title: source.title }) : t('bulletinEditor.noSource')}>
        <sup aria-hidden style={{ fontSize: '0.7em', marginLeft: 1 }}>
          {t('bulletinEditor.source')}
        </sup>
      </Tooltip>
      {current && accepted ? (
        <span aria-hidden style={{ fontSize: '0.8em', marginLeft: 4 }}>
          【{t('bulletinEditor.updated')} · {movedOnly(accepted, current) ? t('bulletinEditor.updatedAbout', { label: current.label[i18n.language === 'en' ? 'en' : 'zh'] }) : t('bulletinEditor.updatedFrom', { value: printedValue(accepted, lang) })}】
        </span>
      ) : null}
      {broken ? (
        <span aria-hidden style={{ fontSize: '0.8em', marginLeft: 4 }}>
          【{t('bulletinEditor.deleted')}】
        </span>
      ) : null}
      {current && onAccept && !readOnly ? (
        <Button size="small" type="link" style={{ height: 'auto', padding: '0 2px' }} aria-label={t('bulletinEditor.acceptNamed', { label })} onClick={() => onAccept(figureId)}>
          {t('bulletinEditor.accept')}
        </Button>
      ) : null}
    </NodeViewWrapper>
  );
}
