/** Refused cells of an import (the workbook's or a statistical table's): sheet, row, column and why, in the person's language. */
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError, type ErrorPayload } from '../../../shared/errors';
import type { Lang } from '../../../shared/i18n';

export function RefusedCells({ errors, lang, label }: { errors: ErrorPayload[]; lang: Lang; label: string }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Table<ErrorPayload & { key: number }>
      aria-label={label}
      size="small"
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      dataSource={errors.map((e, key) => ({ ...e, key }))}
      columns={[
        { title: t('importer.col.sheet'), key: 'sheet', render: (_, e) => e.details?.sheet ?? '' },
        { title: t('importer.col.row'), key: 'row', render: (_, e) => e.details?.row ?? '' },
        { title: t('importer.col.column'), key: 'column', render: (_, e) => e.details?.column ?? '' },
        { title: t('importer.col.reason'), key: 'reason', render: (_, e) => describeError(e, lang) },
      ]}
    />
  );
}
