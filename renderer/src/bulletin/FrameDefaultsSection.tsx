/**
 * Settings ▸ 简报: the frame every new draft starts from (报头 name, 编印单位, marking, 报送/抄送 lists,
 * 共印N份) — one for Chinese and bilingual issues, one for English issues (whose head is English).
 */
import { Alert, Button, Card, Form, Radio, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulletinFrame, FrameLang } from '../../../shared/bulletin';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { LoadState } from '../components/LoadState';
import { errorText } from '../session';
import { useCall } from '../useCall';
import { FrameFields } from './FrameFields';

export function FrameDefaultsSection({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const [which, setWhich] = useState<FrameLang>('zh');
  // What was typed in each set and not saved yet, kept while the other set is shown (switching threw it away).
  const typed = useRef<Partial<Record<FrameLang, BulletinFrame>>>({});
  // Tagged with the defaults they are: the form waits for the chosen ones (the call keeps the last value while it reloads).
  const [loaded, retry] = useCall(async () => ({ which, frame: await getApi().getBulletinFrameDefaults({ lang: which }) }), [which]);
  return (
    <section aria-labelledby="bulletin-frame-heading" style={{ marginTop: 24, maxWidth: 900 }}>
      <Typography.Title level={2} id="bulletin-frame-heading" style={{ fontSize: 20 }}>
        {t('bulletins.settings.heading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('bulletins.settings.intro')}</Typography.Paragraph>
      <Radio.Group
        aria-label={t('bulletins.settings.which')}
        optionType="button"
        value={which}
        onChange={(e) => setWhich(e.target.value as FrameLang)}
        options={[
          { value: 'zh', label: t('bulletins.settings.forZh') },
          { value: 'en', label: t('bulletins.settings.forEn') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <LoadState loaded={loaded} lang={lang} retry={retry}>
        {(got) =>
          got.which === which ? (
            <DefaultsForm key={which} initial={got.frame} typed={typed.current[which]} onTyped={(frame) => (typed.current[which] = frame)} which={which} lang={lang} />
          ) : null
        }
      </LoadState>
    </section>
  );
}

function DefaultsForm({
  initial,
  typed,
  onTyped,
  which,
  lang,
}: {
  initial: BulletinFrame;
  /** Unsaved edits of this set from before the other set was shown. */
  typed: BulletinFrame | undefined;
  onTyped: (frame: BulletinFrame | undefined) => void;
  which: FrameLang;
  lang: Lang;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [frame, setFrame] = useState(typed ?? initial);
  const [saved, setSaved] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const dirty = JSON.stringify(frame) !== JSON.stringify(saved);
  const save = async (): Promise<void> => {
    setBusy(true);
    try {
      const stored = await getApi().updateBulletinFrameDefaults({ ...frame, lang: which });
      setSaved(stored);
      setFrame(stored);
      onTyped(undefined);
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
            onTyped(next);
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
