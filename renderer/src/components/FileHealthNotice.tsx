/**
 * Once the app has opened, asks the main process to check the data file (quick_check, in the
 * background of the page's first render). A damaged file is shown at the top of every screen with
 * the way out: restore the newest good backup in Settings ▸ Backups. Checked again after a restore.
 */
import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../api';
import { hrefFor } from '../useRoute';

/** Sent on window by the backups section after a restore. */
export const FILE_RESTORED = 'cluster-brief:file-restored';

export function FileHealthNotice(): React.JSX.Element | null {
  const { t } = useTranslation();
  const [damaged, setDamaged] = useState(false);
  useEffect(() => {
    let live = true;
    const check = (): void => {
      getApi()
        .checkFileHealth({})
        .then(
          (health) => live && setDamaged(health.state === 'damaged'),
          // A file that cannot even be read says so through every other call.
          () => undefined,
        );
    };
    check();
    window.addEventListener(FILE_RESTORED, check);
    return () => {
      live = false;
      window.removeEventListener(FILE_RESTORED, check);
    };
  }, []);
  if (!damaged) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      message={t('backups.damagedTitle')}
      description={t('backups.damagedText')}
      action={
        <Button href={hrefFor({ name: 'settings' })} danger>
          {t('backups.goToBackups')}
        </Button>
      }
    />
  );
}
