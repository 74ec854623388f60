/**
 * The 简报's frame as fields: 报头 name, 编印单位, marking, 编号, 报送/抄送 lists and 共印N份. The same
 * fields edit Settings' defaults and one draft's own frame; the lists offer the names kept in Settings.
 */
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BulletinFrame } from '../../../shared/bulletin';

export interface FrameFieldsProps {
  value: BulletinFrame;
  onChange: (frame: BulletinFrame) => void;
  /** Makes the fields' ids unique on the page. */
  idPrefix: string;
  /** Names offered in the 报送/抄送 lists (Settings' reusable lists). */
  known?: { sendTo: string[]; copyTo: string[] };
  /** 编号 belongs to one issue's copies, not to the defaults. */
  withCopyNumber?: boolean;
  disabled?: boolean;
}

/** A 报送 or 抄送 list: names typed (Enter, or separated by ，、,) or picked from the saved ones. */
function NameList(props: { id: string; value: string[]; known: string[] | undefined; disabled: boolean; onChange: (names: string[]) => void }): React.JSX.Element {
  const options = [...new Set([...(props.known ?? []), ...props.value])].map((n) => ({ value: n, label: n }));
  return (
    <Select
      id={props.id}
      mode="tags"
      value={props.value}
      disabled={props.disabled}
      options={options}
      tokenSeparators={['，', ',', '、']}
      onChange={(names: string[]) => props.onChange(names.map((n) => n.trim()).filter((n) => n !== '').slice(0, 50))}
    />
  );
}

export function FrameFields({ value, onChange, idPrefix, known, withCopyNumber = false, disabled = false }: FrameFieldsProps): React.JSX.Element {
  const { t } = useTranslation();
  const set = <K extends keyof BulletinFrame>(key: K, v: BulletinFrame[K]): void => onChange({ ...value, [key]: v });
  const id = (name: string): string => `${idPrefix}-${name}`;
  const nameMissing = value.name.trim() === '';
  return (
    <>
      <Form.Item label={t('bulletins.frame.name')} htmlFor={id('name')} validateStatus={nameMissing ? 'error' : undefined} help={nameMissing ? t('bulletins.frame.nameRequired') : undefined}>
        <Input id={id('name')} value={value.name} maxLength={60} disabled={disabled} onChange={(e) => set('name', e.target.value)} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label={t('bulletins.frame.unit')} htmlFor={id('unit')}>
            <Input id={id('unit')} value={value.unit} maxLength={100} disabled={disabled} onChange={(e) => set('unit', e.target.value)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={withCopyNumber ? 6 : 12}>
          <Form.Item label={t('bulletins.frame.marking')} htmlFor={id('marking')}>
            <Input id={id('marking')} value={value.marking} maxLength={40} disabled={disabled} placeholder={t('bulletins.frame.markingPlaceholder')} onChange={(e) => set('marking', e.target.value)} />
          </Form.Item>
        </Col>
        {withCopyNumber ? (
          <Col xs={24} md={6}>
            <Form.Item label={t('bulletins.frame.copyNumber')} htmlFor={id('copyNumber')}>
              <Input id={id('copyNumber')} value={value.copyNumber} maxLength={20} disabled={disabled} onChange={(e) => set('copyNumber', e.target.value)} />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
      <Form.Item label={t('bulletins.frame.sendTo')} htmlFor={id('sendTo')} extra={t('bulletins.frame.listHelp')}>
        <NameList id={id('sendTo')} value={value.sendTo} known={known?.sendTo} disabled={disabled} onChange={(names) => set('sendTo', names)} />
      </Form.Item>
      <Form.Item label={t('bulletins.frame.copyTo')} htmlFor={id('copyTo')}>
        <NameList id={id('copyTo')} value={value.copyTo} known={known?.copyTo} disabled={disabled} onChange={(names) => set('copyTo', names)} />
      </Form.Item>
      <Form.Item label={t('bulletins.frame.copies')} htmlFor={id('copies')} extra={t('bulletins.frame.copiesHelp')}>
        <InputNumber id={id('copies')} min={1} max={100000} precision={0} disabled={disabled} value={value.copies} onChange={(n) => set('copies', typeof n === 'number' && n > 0 ? n : null)} />
      </Form.Item>
    </>
  );
}
