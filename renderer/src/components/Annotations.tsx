/** Annotations: one item (edit, resolve, reopen, delete), and the panel of one figure or entity with its add form. */
import { App, Badge, Button, Checkbox, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { Confirm } from './Confirm';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation, AnnotationInput } from '../../../shared/domain';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { CallError } from '../../../shared/client';
import { useSession } from '../session';
import { localDateTime } from '../time';
import { authorName, colonOf } from '../../../shared/format';
import { useCall } from '../useCall';
import { LoadState } from './LoadState';

const when = localDateTime;

function useAnnotationActions(): { save: (id: number | undefined, input: AnnotationInput, seen?: string) => Promise<boolean>; remove: (id: number) => Promise<void> } {
  const { changed, showError } = useSession();
  return {
    save: async (id, input, seen) => {
      try {
        await getApi().saveAnnotation({ ...(id === undefined ? {} : { id, ...(seen ? { seen } : {}) }), annotation: input });
        changed();
        return true;
      } catch (error) {
        showError(error);
        // Changed by someone else since it was shown: the latest loads, the typed text stays (kept by its editor).
        if (error instanceof CallError && error.code === 'CHANGED_ELSEWHERE') changed();
        return false;
      }
    },
    remove: async (id) => {
      try {
        await getApi().deleteItem({ targetType: 'annotation', targetId: String(id) });
        changed();
      } catch (error) {
        showError(error);
      }
    },
  };
}

interface EditorValues {
  body: string;
  tags: string[];
  includeInBriefing: boolean;
}

/**
 * What is typed in an annotation editor and not yet saved, by the editor's key ("new figure 19", "edit
 * 7"): kept while the person visits another screen and brought back when they return (leaving the page
 * threw it away without a word). Saving or 取消 forgets it.
 */
const unsaved = new Map<string, EditorValues>();

function AnnotationEditor(props: { draftKey: string; initial: EditorValues; submitLabel: string; onSubmit: (v: EditorValues) => Promise<boolean>; onCancel?: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditorValues>();
  const { draftKey } = props;
  return (
    <Form
      form={form}
      // Its own field ids: an edit open above the add form gave two textareas the id "body", and 批注内容 of one labelled the other.
      name={`annotation-${draftKey.replace(/\W+/g, '-')}`}
      layout="vertical"
      initialValues={unsaved.get(draftKey) ?? props.initial}
      onValuesChange={(_, all) => {
        const now = { ...props.initial, ...all, tags: all.tags ?? [] };
        if (JSON.stringify(now) === JSON.stringify(props.initial)) unsaved.delete(draftKey);
        else unsaved.set(draftKey, now);
      }}
      onFinish={(v) =>
        void props.onSubmit({ ...v, tags: v.tags ?? [] }).then((ok) => {
          if (!ok) return;
          unsaved.delete(draftKey);
          if (props.onCancel) return;
          // Empty again: resetting alone would bring back the kept text the form opened with.
          form.resetFields();
          form.setFieldsValue(props.initial);
        })
      }
    >
      <Form.Item name="body" label={t('annotations.body')} rules={[{ required: true, whitespace: true, message: t('annotations.bodyRequired') }, { max: 20000 }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
      <Form.Item name="tags" label={t('annotations.tags')} extra={t('annotations.tagsHelp')}>
        <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item name="includeInBriefing" valuePropName="checked" extra={t('annotations.briefingRule')}>
        <Checkbox>{t('annotations.includeInBriefing')}</Checkbox>
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {props.submitLabel}
        </Button>
        {props.onCancel ? (
          <Button
            onClick={() => {
              unsaved.delete(draftKey);
              props.onCancel!();
            }}
          >
            {t('annotations.cancel')}
          </Button>
        ) : null}
      </Space>
    </Form>
  );
}

/**
 * One annotation. `onStatusChanged` is told after 标记为已解决 or 重新打开 is saved (the 批注 page then
 * moves the keyboard on: the item may leave its filtered list).
 */
export function AnnotationItem({ annotation: a, label, href, onStatusChanged }: { annotation: Annotation; label?: string; href?: string; onStatusChanged?: (id: number, status: Annotation['status']) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const { save, remove } = useAnnotationActions();
  const { lang } = useSession();
  const { message } = App.useApp();
  // An edit left unsaved when the person went to another screen is open again, with what they typed.
  const [editing, setEditing] = useState(() => unsaved.has(`edit ${a.id}`));
  const input = (patch: Partial<AnnotationInput>): AnnotationInput => ({
    targetType: a.targetType,
    targetId: a.targetId,
    body: a.body,
    tags: a.tags,
    status: a.status,
    includeInBriefing: a.includeInBriefing,
    ...patch,
  });
  const summary = a.body.split('\n')[0]!.slice(0, 40);
  // Said when done, as a save is (a resolved one left the list without a word).
  const setStatus = async (status: Annotation['status']): Promise<void> => {
    if (!(await save(a.id, input({ status }), a.updatedAt))) return;
    void message.success(t(status === 'resolved' ? 'annotations.resolvedDone' : 'annotations.reopenedDone', { what: summary }));
    onStatusChanged?.(a.id, status);
  };
  return (
    <List.Item aria-label={`${t(`annotations.${a.status}`)} · ${summary}`} tabIndex={-1} data-annotation={a.id}>
      <article style={{ width: '100%' }}>
        <Space size={4} wrap>
          <Tag color={a.status === 'open' ? 'orange' : 'green'}>{t(`annotations.${a.status}`)}</Tag>
          {a.includeInBriefing ? (
            // The rule, where the flag is shown: a resolved annotation does not print.
            a.status === 'open' ? <Tag color="blue">{t('annotations.includeInBriefing')}</Tag> : <Tag>{t('annotations.resolvedNotPrinted')}</Tag>
          ) : null}
          {a.tags.map((tag) => (
            <Tag key={tag}>#{tag}</Tag>
          ))}
          <Typography.Text strong>{authorName(a.author, lang)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('annotations.created', { at: when(a.createdAt) })} · {t('annotations.updated', { at: when(a.updatedAt) })}
          </Typography.Text>
        </Space>
        {label ? (
          <div style={{ fontSize: 13, marginTop: 2 }}>
            {t('annotations.target')}{colonOf(lang)}{href ? <a href={href}>{label}</a> : label}
          </div>
        ) : null}
        {editing ? (
          <div style={{ marginTop: 8 }}>
            <AnnotationEditor
              draftKey={`edit ${a.id}`}
              initial={{ body: a.body, tags: a.tags, includeInBriefing: a.includeInBriefing }}
              submitLabel={t('annotations.save')}
              onSubmit={async (v) => {
                const ok = await save(a.id, input(v), a.updatedAt);
                if (ok) setEditing(false);
                return ok;
              }}
              onCancel={() => setEditing(false)}
            />
          </div>
        ) : (
          <>
            <div style={{ whiteSpace: 'pre-wrap', margin: '6px 0' }}>{a.body}</div>
            <Space size={4} wrap>
              <Button size="small" onClick={() => setEditing(true)}>
                {t('annotations.edit')}
              </Button>
              {a.status === 'open' ? (
                <Button size="small" onClick={() => void setStatus('resolved')}>
                  {t('annotations.resolve')}
                </Button>
              ) : (
                <Button size="small" onClick={() => void setStatus('open')}>
                  {t('annotations.reopen')}
                </Button>
              )}
              <Confirm title={t('annotations.delete')} okText={t('annotations.delete')} cancelText={t('figureForm.cancel')} onConfirm={() => void remove(a.id)}>
                <Button size="small" danger>
                  {t('annotations.delete')}
                </Button>
              </Confirm>
            </Space>
          </>
        )}
      </article>
    </List.Item>
  );
}

/** The annotations of one figure or entity, with a form to add one. */
export function AnnotationsPanel({ targetType, targetId, lang }: { targetType: 'figure' | 'entity'; targetId: string; lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { dataVersion } = useSession();
  const { save } = useAnnotationActions();
  const [loaded, retry] = useCall(() => getApi().listAnnotations({ targetType, targetId }), [targetType, targetId, dataVersion]);
  return (
    <div>
      <LoadState loaded={loaded} lang={lang} retry={retry}>
        {(annotations) => {
          const open = annotations.filter((a) => a.status === 'open').length;
          return (
            <section aria-label={t('annotations.list')}>
              <Badge count={open} showZero={false} offset={[10, 0]} title={t('annotations.openBadge', { count: open })}>
                <Typography.Text strong>{t('annotations.list')}</Typography.Text>
              </Badge>
              {annotations.length === 0 ? <Empty description={t('annotations.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : <List dataSource={annotations} renderItem={(a) => <AnnotationItem annotation={a} />} />}
            </section>
          );
        }}
      </LoadState>
      <section aria-label={t('annotations.add')} style={{ marginTop: 16 }}>
        <AnnotationEditor
          draftKey={`new ${targetType} ${targetId}`}
          initial={{ body: '', tags: [], includeInBriefing: false }}
          submitLabel={t('annotations.add')}
          onSubmit={(v) => save(undefined, { targetType, targetId, status: 'open', ...v, body: v.body.trim() })}
        />
      </section>
    </div>
  );
}
