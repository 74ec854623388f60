/** The language a 简报 is written in: 中文, 英文 or 中英双语, as a labelled radio group. */
import { Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { BulletinContent } from '../../../shared/bulletin';

type DocLang = BulletinContent['lang'];
const LANGS = BulletinContent.shape.lang.options;

export function LangChoice({ labelledBy, value, onChange }: { labelledBy: string; value: DocLang; onChange: (lang: DocLang) => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Radio.Group aria-labelledby={labelledBy} value={value} onChange={(e) => onChange(e.target.value as DocLang)}>
      {LANGS.map((l) => (
        <Radio key={l} value={l}>
          {t(`bulletins.langs.${l}`)}
        </Radio>
      ))}
    </Radio.Group>
  );
}
