/** Adding or editing an industry (cluster or future industry): a button that opens a form in a dialog. */
import { App, Button, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CallError } from '../../../shared/client';
import { CATEGORIES, EntityInput, TIERS, type EntitySummary } from '../../../shared/domain';
import { getApi } from '../api';
import { useSession } from '../session';
import { hrefFor } from '../useRoute';
import { differs, useConfirmDiscard } from './confirmDiscard';

interface Values {
  id: string;
  nameZh: string;
  nameEn: string;
  category: EntityInput['category'];
  tier: EntityInput['tier'] | '';
  sortOrder: number;
}

export function EntityFormButton({ mode, entity }: { mode: 'create' | 'update'; entity?: EntitySummary & { changedAt?: string } }): React.JSX.Element {
  const { t } = useTranslation();
  const { changed, showError, lang } = useSession();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const confirmDiscard = useConfirmDiscard();
  const initialValues: Values = {
    id: entity?.id ?? '',
    nameZh: entity?.name.zh ?? '',
    nameEn: entity?.name.en ?? '',
    category: entity?.category ?? 'future',
    tier: entity?.tier ?? '',
    sortOrder: entity?.sortOrder ?? 100,
  };
  const invalid = (key: string): string => t(`entityForm.invalid.${key}`);
  const shape = EntityInput.shape;

  const save = async (): Promise<void> => {
    // The form shows what is wrong next to each field; nothing more to do when it refuses.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const input: EntityInput = {
      id: v.id.trim(),
      name: { zh: v.nameZh.trim(), en: v.nameEn.trim() },
      category: v.category,
      tier: v.tier === '' ? null : v.tier,
      sortOrder: v.sortOrder,
    };
    try {
      const saved = await getApi().saveEntity({ mode, entity: input, ...(mode === 'update' && entity?.changedAt ? { seen: entity.changedAt } : {}) });
      changed();
      setOpen(false);
      void message.success(t('entityForm.savedWhat', { name: lang === 'en' ? saved.name.en : saved.name.zh }));
      if (mode === 'create') window.location.hash = hrefFor({ name: 'entity', id: saved.id });
    } catch (error) {
      // Changed by someone else since the form was filled: said, and the page loads the latest beside
      // the values typed here (a second save then writes them over it).
      if (error instanceof CallError && error.code === 'CHANGED_ELSEWHERE') changed();
      if (error instanceof CallError && error.code === 'INVALID_INPUT') {
        const where = String(error.details?.where ?? '').replace(/^saveEntity\.entity\./, '');
        const field = where.startsWith('name.zh') ? 'nameZh' : where.startsWith('name.en') ? 'nameEn' : where;
        if (['id', 'nameZh', 'nameEn', 'category', 'sortOrder'].includes(field)) {
          form.setFields([{ name: field as keyof Values, errors: [invalid(field)] }]);
          return;
        }
      }
      showError(error);
    }
  };

  const title = mode === 'create' ? t('entityForm.titleNew') : t('entityForm.titleEdit');
  return (
    <>
      <Button onClick={() => setOpen(true)}>{mode === 'create' ? t('workbench.addEntity') : t('entityForm.edit')}</Button>
      <Modal open={open} title={title} onOk={() => void save()} onCancel={() => confirmDiscard(differs(form.getFieldsValue(), initialValues), () => setOpen(false))} okText={t('entityForm.save')} cancelText={t('figureForm.cancel')} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          aria-label={title}
          initialValues={initialValues}
        >
          <Form.Item name="id" label={t('entityForm.id')} extra={t('entityForm.idHelp')} rules={[{ validator: (_, v) => (shape.id.safeParse(String(v ?? '').trim()).success ? Promise.resolve() : Promise.reject(new Error(invalid('id')))) }]}>
            <Input disabled={mode === 'update'} />
          </Form.Item>
          <Form.Item name="nameZh" label={t('entityForm.nameZh')} rules={[{ required: true, whitespace: true, max: 200, message: invalid('nameZh') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label={t('entityForm.nameEn')} rules={[{ required: true, whitespace: true, max: 300, message: invalid('nameEn') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="category" label={t('entityForm.category')}>
            <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
          </Form.Item>
          <Form.Item name="tier" label={t('entityForm.tier')}>
            <Select options={[{ value: '', label: t('entityForm.noTier') }, ...TIERS.map((x) => ({ value: x, label: t(`tier.${x}`) }))]} />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('entityForm.sortOrder')} rules={[{ required: true, type: 'integer', min: 0, message: invalid('sortOrder') }]}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
