/**
 * 导出PDF / 导出Word for one issue (issued or draft): the app asks where to save, then says where the
 * file went; a refusal (a draft's broken reference) names the paragraph, in the person's language.
 */
import { Alert, Button, Checkbox, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulletinFormat } from '../../../shared/bulletin-store';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { errorText } from '../session';

export interface ExportBarProps {
  id: number;
  lang: Lang;
  /** Runs first (a draft saves what was typed); a thrown error stops the export and is shown. */
  before?: () => Promise<void>;
  disabled?: boolean;
}

type Notice = { type: 'success' | 'info' | 'error'; text: string };

export function ExportBar({ id, lang, before, disabled = false }: ExportBarProps): React.JSX.Element {
  const { t } = useTranslation();
  const [openAfter, setOpenAfter] = useState(false);
  const [busy, setBusy] = useState<BulletinFormat | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const run = async (format: BulletinFormat): Promise<void> => {
    setBusy(format);
    setNotice(null);
    try {
      await before?.();
      const result = await getApi().exportBulletin({ id, format, openAfter });
      setNotice(result.path ? { type: 'success', text: t('bulletins.export.done', { path: result.path }) } : { type: 'info', text: t('bulletins.export.cancelled') });
    } catch (e) {
      setNotice({ type: 'error', text: errorText(e, lang) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <div>
      <Space wrap>
        <Button onClick={() => void run('pdf')} loading={busy === 'pdf'} disabled={disabled || busy !== null}>
          {t('bulletins.export.pdf')}
        </Button>
        <Button onClick={() => void run('docx')} loading={busy === 'docx'} disabled={disabled || busy !== null}>
          {t('bulletins.export.docx')}
        </Button>
        <Checkbox checked={openAfter} onChange={(e) => setOpenAfter(e.target.checked)}>
          {t('bulletins.export.openAfter')}
        </Checkbox>
      </Space>
      {notice ? <Alert role={notice.type === 'error' ? 'alert' : 'status'} type={notice.type} showIcon title={notice.text} style={{ marginTop: 12 }} /> : null}
    </div>
  );
}
