/** Where the 简报's body is edited: the rich-text editor (renderer/src/bulletin/editor/, branch i10-editor) once merged. */
import { Typography } from 'antd';
import type { BulletinBlock } from '../../../shared/bulletin';
import type { ReferenceReport } from '../../../shared/bulletin-store';

export interface BodyEditorProps {
  blocks: BulletinBlock[];
  lang: 'zh' | 'en' | 'bilingual';
  onChange: (blocks: BulletinBlock[]) => void;
  readOnly?: boolean;
  references?: ReferenceReport;
  onAccept?: (figureId: number) => void;
  label: string;
}

export function BodyEditor({ blocks, label }: BodyEditorProps): React.JSX.Element {
  return (
    <section aria-label={label}>
      <Typography.Text type="secondary">{blocks.length}</Typography.Text>
    </section>
  );
}
