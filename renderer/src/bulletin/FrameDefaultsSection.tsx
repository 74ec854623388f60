/** Settings ▸ 简报: the frame every new draft starts from (报头 name, 编印单位, marking, 报送/抄送 lists, 共印N份). */
import { Alert, Button, Card, Form, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulletinFrame } from '../../../shared/bulletin';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { LoadState } from '../components/LoadState';
import { errorText } from '../session';
import { useCall } from '../useCall';
import { FrameFields } from './FrameFields';

export function FrameDefaultsSection({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const [loaded, retry] = useCall(() => getApi().getBulletinFrameDefaults({}), []);
  return (
    <section aria-labelledby="bulletin-frame-heading" style={{ marginTop: 24, maxWidth: 900 }}>
      <Typography.Title level={2} id="bulletin-frame-heading" style={{ fontSize: 20 }}>
        {t('bulletins.settings.heading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('bulletins.settings.intro')}</Typography.Paragraph>
      <LoadState loaded={loaded} lang={lang} retry={retry}>
        {(frame) => <DefaultsForm initial={frame} lang={lang} />}
      </LoadState>
    </section>
  );
}

function DefaultsForm({ initial, lang }: { initial: BulletinFrame; lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const [frame, setFrame] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const dirty = JSON.stringify(frame) !== JSON.stringify(saved);
  const save = async (): Promise<void> => {
    setBusy(true);
    try {
      const stored = await getApi().updateBulletinFrameDefaults(frame);
      setSaved(stored);
      setFrame(stored);
      setNotice({ type: 'success', text: t('bulletins.settings.saved') });
    } catch (error) {
      setNotice({ type: 'error', text: errorText(error, lang) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small">
      <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
        <FrameFields
          idPrefix="frame-defaults"
          value={frame}
          onChange={(next) => {
            setFrame(next);
            setNotice(null);
          }}
        />
        <Button type="primary" onClick={() => void save()} loading={busy} disabled={!dirty || frame.name.trim() === ''}>
          {t('bulletins.settings.save')}
        </Button>
      </Form>
      {notice ? <Alert role={notice.type === 'error' ? 'alert' : 'status'} type={notice.type} showIcon title={notice.text} style={{ marginTop: 12 }} /> : null}
    </Card>
  );
}
