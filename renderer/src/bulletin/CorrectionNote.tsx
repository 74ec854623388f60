/** "本期是对2026年第3期《…》的更正": the corrected issue's 期号 and title, loaded by its id, with a link to it. */
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/i18n';
import { getApi } from '../api';
import { useCall } from '../useCall';
import { hrefFor } from '../useRoute';
import { issueWords } from './issueWords';

export function CorrectionNote({ of, lang }: { of: number; lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const [loaded] = useCall(() => getApi().getBulletin({ id: of }), [of]);
  const which = loaded.state === 'ready' ? (loaded.value.issue ? `${issueWords(loaded.value.issue, lang)}《${loaded.value.title}》` : loaded.value.title) : `#${of}`;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={
        <span>
          {t('bulletins.correctionOf', { which })} <a href={hrefFor({ name: 'bulletin', id: of })} style={{ textDecoration: 'underline' }}>
            {t('bulletins.openCorrected')}
          </a>
        </span>
      }
    />
  );
}

