/** A figure of 智能机器人 for 2024 as the figure form sends it, with the fields a test cares about changed. */
import type { FigureInput } from '../../shared/domain';

export const robotsFigure = (over: Partial<FigureInput>): FigureInput => ({
  scope: 'entity',
  entityId: 'smart-robots',
  metric: 'output_value',
  value: 10,
  unit: '100m_yuan',
  qualifier: 'exact',
  period: '2024',
  sourceId: null,
  sourceQuote: null,
  note: null,
  ...over,
});
