import { Alert, Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/errors';
import type { Lang } from '../../../shared/i18n';
import type { Loaded } from '../useCall';

/** Shows loading and errors for a screen's data, and renders the screen once it is there. */
export function LoadState<T>(props: { loaded: Loaded<T>; lang: Lang; retry: () => void; children: (value: T) => React.ReactNode }): React.JSX.Element {
  const { t } = useTranslation();
  const { loaded } = props;
  if (loaded.state === 'loading') return <Spin aria-label={t('app.loading')} />;
  if (loaded.state === 'error') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('app.errorTitle')}
        description={describeError(loaded.error, props.lang)}
        action={<Button onClick={props.retry}>{t('app.retry')}</Button>}
      />
    );
  }
  return <>{props.children(loaded.value)}</>;
}
