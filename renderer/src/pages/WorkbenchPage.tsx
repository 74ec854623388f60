/** The analyst's workbench: every figure in one table, with filters, search, and a side panel to edit. */
import { Button, Checkbox, Input, Select, Space, Typography } from 'antd';
import { colonOf } from '../../../shared/format';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, CityCode, TIERS } from '../../../shared/domain';
import { routeParam } from '../useRoute';
import type { Lang } from '../../../shared/i18n';
import type { FigureListRow } from '../../../shared/workbench';
import { getApi } from '../api';
import { EntityFormButton } from '../components/EntityForm';
import { FigureDrawer, type DrawerTarget } from '../components/FigureDrawer';
import { FigureTable, rowName, type TableFilter } from '../components/FigureTable';
import { useSession } from '../session';

export function WorkbenchPage({ lang }: { lang: Lang }): React.JSX.Element {
  const { t } = useTranslation();
  const { dataVersion, metrics, cities, catalog } = useSession();
  // Opened from a city found by the search: filtered by that city.
  const [filter, setFilter] = useState<TableFilter>(() => {
    const city = CityCode.safeParse(routeParam('city'));
    const q = routeParam('q')?.trim().slice(0, 200);
    return { ...(city.success ? { cityCode: city.data } : {}), ...(q ? { q } : {}) };
  });
  // Opened from the search's "see them all": its words in the box.
  const [typed, setTyped] = useState(() => routeParam('q')?.slice(0, 200) ?? '');
  const [count, setCount] = useState<number | null>(null);
  const [periods, setPeriods] = useState<string[]>([]);
  // Opened from a figure found by the search: its edit panel, at once.
  const [drawer, setDrawer] = useState<DrawerTarget | null>(() => {
    const id = Number(routeParam('figure'));
    return Number.isSafeInteger(id) && id > 0 ? { id, name: routeParam('name') ?? '' } : null;
  });
  const closeDrawer = (): void => {
    setDrawer(null);
    // Closed, it stays closed after a reload: the figure's query leaves the address (no hashchange, nothing reloads).
    if (routeParam('figure') !== undefined) window.history.replaceState(null, '', '#/workbench');
  };

  useEffect(() => {
    getApi().getFigureFacets({}).then((f) => setPeriods(f.periods), () => undefined);
  }, [dataVersion]);

  // Search as the person types, a moment after they stop.
  useEffect(() => {
    const timer = setTimeout(() => setFilter((f) => (f.q === (typed.trim() || undefined) ? f : { ...f, q: typed.trim() || undefined })), 200);
    return () => clearTimeout(timer);
  }, [typed]);

  const set = <K extends keyof TableFilter>(key: K, value: TableFilter[K] | undefined | null): void =>
    setFilter((f) => {
      const next = { ...f };
      if (value === undefined || value === null || value === false) delete next[key];
      else next[key] = value;
      return next;
    });
  const all = t('workbench.all');
  const edit = (row: FigureListRow): void => setDrawer({ id: row.id, name: `${rowName(row, lang, t)} · ${catalog.metricName(row.metric, lang)} · ${row.period}` });

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 26, margin: 0 }}>
          {t('workbench.heading')}
        </Typography.Title>
        <Space>
          <Button type="primary" onClick={() => setDrawer({ id: null })}>
            {t('workbench.addFigure')}
          </Button>
          <EntityFormButton mode="create" />
        </Space>
      </Space>
      <div role="search" style={{ margin: '16px 0 8px' }}>
        <Input.Search allowClear placeholder={t('workbench.searchPlaceholder')} aria-label={t('workbench.search')} value={typed} onChange={(e) => setTyped(e.target.value)} onSearch={(v) => setTyped(v)} style={{ maxWidth: 560 }} />
      </div>
      <section aria-label={t('workbench.filters')} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 12 }}>
        <FilterSelect
          lang={lang}
          label={t('workbench.level')}
          all={all}
          width={170}
          value={filter.level}
          onChange={(v) => set('level', v as TableFilter['level'])}
          options={[
            { value: 'entity', label: t('workbench.levelEntity') },
            { value: 'province', label: t('workbench.levelProvince') },
          ]}
        />
        <FilterSelect
          lang={lang}
          label={t('workbench.category')}
          all={all}
          width={200}
          value={filter.category}
          onChange={(v) => set('category', v as TableFilter['category'])}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        />
        <FilterSelect
          lang={lang}
          label={t('workbench.tier')}
          all={all}
          width={170}
          value={filter.tier}
          onChange={(v) => set('tier', v as TableFilter['tier'])}
          options={TIERS.map((x) => ({ value: x, label: t(`tier.${x}`) }))}
        />
        <FilterSelect
          lang={lang}
          label={t('workbench.metric')}
          all={all}
          width={180}
          value={filter.metric}
          onChange={(v) => set('metric', v as TableFilter['metric'])}
          options={metrics.map((m) => ({ value: m.id, label: catalog.metricName(m.id, lang) }))}
        />
        <FilterSelect
          lang={lang}
          label={t('catalog.city')}
          all={t('catalog.anyCity')}
          width={170}
          value={filter.cityCode}
          onChange={(v) => set('cityCode', v)}
          options={cities.map((c) => ({ value: c.code, label: catalog.cityName(c.code, lang) ?? c.code }))}
        />
        <FilterSelect lang={lang} label={t('workbench.period')} all={all} width={140} value={filter.period} onChange={(v) => set('period', v)} options={periods.map((p) => ({ value: p, label: p }))} />
        <Checkbox checked={filter.openAnnotations ?? false} onChange={(e) => set('openAnnotations', e.target.checked)}>
          {t('workbench.openAnnotations')}
        </Checkbox>
        <Checkbox checked={filter.noSource ?? false} onChange={(e) => set('noSource', e.target.checked)}>
          {t('workbench.noSource')}
        </Checkbox>
        <Checkbox checked={filter.deleted ?? false} onChange={(e) => set('deleted', e.target.checked)}>
          {t('workbench.showDeleted')}
        </Checkbox>
        <Button
          style={{ whiteSpace: 'nowrap', flex: 'none' }}
          onClick={() => {
            setFilter({});
            setTyped('');
          }}
        >
          {t('workbench.clear')}
        </Button>
      </section>
      <p role="status" style={{ margin: '0 0 8px' }}>
        {count === null ? '' : t('workbench.count', { count })}
      </p>
      <FigureTable filter={filter} lang={lang} onEdit={edit} onCount={setCount} />
      <FigureDrawer target={drawer} lang={lang} onClose={closeDrawer} />
    </>
  );
}

/** One filter: a choice of values, or "all" (no filter). */
function FilterSelect(props: {
  lang: Lang;
  label: string;
  all: string;
  width: number;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  options: { value: string; label: string }[];
}): React.JSX.Element {
  return (
    <Select
      aria-label={props.label}
      style={{ width: props.width }}
      value={props.value ?? ''}
      onChange={(v: string) => props.onChange(v === '' ? undefined : v)}
      options={[{ value: '', label: `${props.label}${colonOf(props.lang)}${props.all}` }, ...props.options]}
    />
  );
}
