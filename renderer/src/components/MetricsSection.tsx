/**
 * Settings ▸ 指标 / Metrics (issue 12): the metric catalog as a table (name in both languages, kind,
 * unit, sign rule, how many figures use it), a form to add or edit one (with the common metrics
 * offered as suggestions, no values), and delete, refused by main while figures use it. Every save
 * and delete is one undoable change.
 */
import { App as AntApp, Button, Checkbox, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { Confirm } from './Confirm';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/i18n';
import { METRIC_KINDS, METRIC_SUGGESTIONS, MetricInput, type MetricEntry, type MetricKind } from '../../../shared/metrics';
import { getApi } from '../api';
import { useSession } from '../session';

interface Values {
  nameZh: string;
  nameEn: string;
  kind: MetricKind;
  unitZh: string;
  unitEn: string;
  mayBeNegative: boolean;
  description: string;
}

const BLANK: Values = { nameZh: '', nameEn: '', kind: 'money', unitZh: '', unitEn: '', mayBeNegative: false, description: '' };

function valuesOf(m: Pick<MetricEntry, 'name' | 'kind' | 'unitLabel' | 'mayBeNegative' | 'description'>): Values {
  return { nameZh: m.name.zh, nameEn: m.name.en, kind: m.kind, unitZh: m.unitLabel?.zh ?? '', unitEn: m.unitLabel?.en ?? '', mayBeNegative: m.mayBeNegative, description: m.description };
}

function toInput(v: Values): MetricInput {
  return {
    name: { zh: v.nameZh.trim(), en: v.nameEn.trim() },
    kind: v.kind,
    unitLabel: v.kind === 'other' ? { zh: v.unitZh.trim(), en: v.unitEn.trim() } : null,
    mayBeNegative: v.mayBeNegative,
    description: v.description.trim(),
  };
}

export function MetricsSection({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { metrics, changed, showError } = useSession();
  /** null: closed; 'new': adding; a metric: editing it. */
  const [editing, setEditing] = useState<MetricEntry | 'new' | null>(null);
  const side = lang === 'en' ? 'en' : 'zh';
  const other = lang === 'en' ? 'zh' : 'en';

  const remove = async (m: MetricEntry): Promise<void> => {
    try {
      await getApi().deleteMetric({ id: m.id });
      void message.success(t('catalog.deleted', { name: m.name[side] }));
      changed();
    } catch (error) {
      showError(error);
    }
  };

  const unitOf = (m: MetricEntry): string => (m.kind === 'other' && m.unitLabel ? m.unitLabel[side] : m.kind === 'money' ? t('unit.100m_yuan') : m.kind === 'percent' ? '%' : t('workbook.unit.count'));

  return (
    <section aria-labelledby="metrics-heading" style={{ marginTop: 24, maxWidth: 1000 }}>
      <Typography.Title level={2} id="metrics-heading" style={{ fontSize: 20 }}>
        {t('catalog.heading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('catalog.intro')}</Typography.Paragraph>
      <Button type="primary" onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
        {t('catalog.add')}
      </Button>
      <Table<MetricEntry>
        aria-label={t('catalog.table')}
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={metrics}
        columns={[
          {
            title: t('catalog.col.name'),
            key: 'name',
            render: (_, m) => (
              <Space direction="vertical" size={0}>
                <span>
                  {m.name[side]} {m.builtin ? <Tag>{t('catalog.builtin')}</Tag> : null}
                </span>
                <Typography.Text type="secondary" lang={other === 'zh' ? 'zh-CN' : 'en'} style={{ fontSize: 12 }}>
                  {m.name[other]}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('catalog.col.kind'), key: 'kind', render: (_, m) => t(`catalog.kinds.${m.kind}`) },
          { title: t('catalog.col.unit'), key: 'unit', render: (_, m) => unitOf(m) },
          { title: t('catalog.col.negative'), key: 'negative', render: (_, m) => t(m.mayBeNegative ? 'catalog.yes' : 'catalog.no') },
          { title: t('catalog.col.use'), key: 'use', render: (_, m) => (m.figureCount > 0 ? t('catalog.inUse', { count: m.figureCount }) : t('catalog.unused')) },
          {
            title: t('catalog.col.actions'),
            key: 'actions',
            render: (_, m) => (
              <Space>
                <Button size="small" aria-label={`${t('catalog.edit')} ${m.name[side]}`} onClick={() => setEditing(m)}>
                  {t('catalog.edit')}
                </Button>
                {m.builtin ? null : (
                  <Confirm title={t('catalog.deleteConfirm', { name: m.name[side] })} onConfirm={() => void remove(m)} okText={t('catalog.delete')} cancelText={t('catalog.cancel')}>
                    <Button size="small" danger aria-label={`${t('catalog.delete')} ${m.name[side]}`}>
                      {t('catalog.delete')}
                    </Button>
                  </Confirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing ? (
        <MetricForm
          lang={lang}
          editing={editing === 'new' ? null : editing}
          taken={new Set(metrics.map((m) => m.name.zh))}
          onClose={() => setEditing(null)}
          onSaved={(name) => {
            setEditing(null);
            void message.success(t('catalog.saved', { name }));
            changed();
          }}
        />
      ) : null}
    </section>
  );
}

function MetricForm(props: { lang: Lang; editing: MetricEntry | null; taken: Set<string>; onClose: () => void; onSaved: (name: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const { showError } = useSession();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);
  const { editing, lang } = props;
  const side = lang === 'en' ? 'en' : 'zh';
  const title = editing ? t('catalog.editTitle', { name: editing.name[side] }) : t('catalog.add');
  const shape = MetricInput.shape;

  const save = async (v: Values): Promise<void> => {
    setSaving(true);
    try {
      const saved = await getApi().saveMetric({ ...(editing ? { id: editing.id } : {}), metric: toInput(v) });
      props.onSaved(saved.name[side]);
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };

  const check = (ok: (v: string) => boolean, key: string) => ({ validator: (_: unknown, v: unknown) => (ok(String(v ?? '')) ? Promise.resolve() : Promise.reject(new Error(t(key)))) });
  const suggestions = METRIC_SUGGESTIONS.filter((s) => !props.taken.has(s.name.zh));

  return (
    <Modal open title={title} onCancel={props.onClose} footer={null} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={editing ? valuesOf(editing) : BLANK} onFinish={(v) => void save(v)} aria-label={title}>
        {!editing && suggestions.length > 0 ? (
          <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
            <legend style={{ fontSize: 13, marginBottom: 6, border: 0 }}>{t('catalog.suggestions')}</legend>
            <Space wrap>
              {suggestions.map((s) => (
                <Button key={s.id} size="small" aria-label={t('catalog.useSuggestion', { name: s.name[side] })} onClick={() => form.setFieldsValue(valuesOf(s))}>
                  {s.name[side]}
                </Button>
              ))}
            </Space>
          </fieldset>
        ) : null}
        <Form.Item name="nameZh" label={t('catalog.nameZh')} rules={[check((v) => shape.name.shape.zh.safeParse(v).success, 'catalog.invalid.nameZh')]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('catalog.nameEn')} rules={[check((v) => shape.name.shape.en.safeParse(v).success, 'catalog.invalid.nameEn')]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('catalog.kind')}>
          <Select disabled={editing?.builtin === true} options={METRIC_KINDS.map((k) => ({ value: k, label: t(`catalog.kinds.${k}`) }))} />
        </Form.Item>
        {kind === 'other' ? (
          <Space align="start" style={{ display: 'flex' }}>
            <Form.Item name="unitZh" label={t('catalog.unitLabelZh')} rules={[check((v) => v.trim().length >= 1 && v.length <= 20, 'catalog.invalid.unitLabel')]}>
              <Input />
            </Form.Item>
            <Form.Item name="unitEn" label={t('catalog.unitLabelEn')} rules={[check((v) => v.trim().length >= 1 && v.length <= 40, 'catalog.invalid.unitLabel')]}>
              <Input />
            </Form.Item>
          </Space>
        ) : null}
        <Form.Item name="mayBeNegative" valuePropName="checked">
          <Checkbox>{t('catalog.mayBeNegative')}</Checkbox>
        </Form.Item>
        <Form.Item name="description" label={t('catalog.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('catalog.save')}
          </Button>
          <Button onClick={props.onClose}>{t('catalog.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
