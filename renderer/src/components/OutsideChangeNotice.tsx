/**
 * Another program changed the data file (the command line's import, a restore from it, a colleague's
 * copy of the app on a shared drive): the screens still show what they read before, without a sign.
 * The window asks the main process every few seconds, and when it comes back to the front, whether
 * another connection has committed (SQLite's data_version); if so it says so at the top of every
 * screen and shows the file as it is now on request — never by itself, so that a form being filled in
 * keeps what was typed (a save over the other change is refused and says so).
 */
import { Alert, Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../api';
import { useSession } from '../session';
import { FILE_RESTORED } from './FileHealthNotice';

/** How often the window asks while it is shown. */
const EVERY_MS = 3000;

export function OutsideChangeNotice(): React.JSX.Element | null {
  const { t } = useTranslation();
  const { changed, dataVersion } = useSession();
  const seen = useRef<number | null>(null);
  const [outside, setOutside] = useState(false);

  useEffect(() => {
    let live = true;
    const ask = (reset: boolean): void => {
      getApi()
        .getFileVersion({})
        .then(
          ({ version }) => {
            if (!live) return;
            if (reset || seen.current === null) seen.current = version;
            else if (version !== seen.current) setOutside(true);
          },
          () => undefined,
        );
    };
    // Everything this window shows was read after its own last write or refresh: the version then is the one seen.
    ask(true);
    const timer = setInterval(() => document.visibilityState === 'visible' && ask(false), EVERY_MS);
    const onFocus = (): void => ask(false);
    const onRestored = (): void => ask(true);
    window.addEventListener('focus', onFocus);
    window.addEventListener(FILE_RESTORED, onRestored);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      window.removeEventListener(FILE_RESTORED, onRestored);
    };
  }, [dataVersion]);

  if (!outside) return null;
  return (
    <Alert
      type="info"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={t('app.outsideChange')}
      action={
        <Button
          type="primary"
          onClick={() => {
            setOutside(false);
            // Every screen reads again; the version then becomes the one seen.
            changed();
          }}>
          {t('app.outsideChangeShow')}
        </Button>
      }
    />
  );
}
