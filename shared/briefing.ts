/**
 * Briefings: what a person asks for (template, entities, language, title block, marking) and the
 * saved definitions that let them run the same briefing again. Runs anywhere.
 */
import { z } from 'zod';
import { EntityId, IsoDateTime, Qualifier, RowId, Tier, Unit } from './domain';
import { personText } from './text';
import { PageDrawing } from './page-drawing';

export const BriefingTemplate = z.enum(['one-page', 'full', 'fact-sheet']);
export type BriefingTemplate = z.infer<typeof BriefingTemplate>;
export const BRIEFING_TEMPLATES = BriefingTemplate.options;

/** zh: Chinese; en: English; bilingual: Chinese text with the English names beside the Chinese ones. */
export const BriefingLang = z.enum(['zh', 'en', 'bilingual']);
export type BriefingLang = z.infer<typeof BriefingLang>;
export const BRIEFING_LANGS = BriefingLang.options;

const Line = (max: number) => personText({ max, required: false, oneLine: true });

/** Everything a briefing is made from besides the data file. Empty entityIds = every entity. */
export const BriefingRequest = z
  .object({
    template: BriefingTemplate,
    entityIds: z.array(EntityId).max(200),
    lang: BriefingLang,
    title: Line(120),
    subtitle: Line(200),
    author: Line(120),
    marking: Line(60),
  })
  .strict()
  .refine((r) => r.template !== 'fact-sheet' || r.entityIds.length === 1, {
    message: 'a fact sheet is about exactly one entity',
    path: ['entityIds'],
  });
export type BriefingRequest = z.infer<typeof BriefingRequest>;

export const BriefingDefinition = z.object({
  id: RowId,
  name: z.string().min(1).max(120),
  request: BriefingRequest,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type BriefingDefinition = z.infer<typeof BriefingDefinition>;

/** Saving: a new definition (no id) or an update of one (with id). */
export const BriefingDefinitionInput = z
  .object({
    id: RowId.optional(),
    name: personText({ max: 120, oneLine: true }),
    request: BriefingRequest,
  })
  .strict();
export type BriefingDefinitionInput = z.infer<typeof BriefingDefinitionInput>;

/** A rendered briefing for the in-app preview: the PDF file's bytes, base64-encoded. */
export const BriefingPreview = z.object({
  pdfBase64: z.string(),
  bytes: z.number().int().nonnegative(),
  pages: z.number().int().positive(),
  /** Page 1 ready to draw, without reading the PDF (shared/page-drawing.ts); absent when it could not be taken. */
  firstPage: PageDrawing.optional(),
});
export type BriefingPreview = z.infer<typeof BriefingPreview>;

export const BriefingExportResult = z.object({
  /** Null when the person cancelled the save dialog: nothing was written. */
  path: z.string().nullable(),
  bytes: z.number().int().nonnegative(),
  opened: z.boolean(),
});
export type BriefingExportResult = z.infer<typeof BriefingExportResult>;

/** The file name offered in the save dialog, e.g. "briefing-full-zh-2026-11-28.pdf". */
export function suggestedBriefingFileName(request: Pick<BriefingRequest, 'template' | 'lang' | 'entityIds'>, date: string, extension: 'pdf' | 'docx' = 'pdf'): string {
  const about = request.template === 'fact-sheet' ? `-${request.entityIds[0] ?? ''}` : '';
  return `briefing-${request.template}${about}-${request.lang}-${date}.${extension}`;
}

/** An industry whose latest output figure falls outside its output tier: the briefing prints the figure. */
export const TierDisagreement = z.object({
  entityId: EntityId,
  name: z.object({ zh: z.string(), en: z.string() }),
  tier: Tier,
  /** The tier the figure falls in; null below every tier. */
  figureTier: Tier.nullable(),
  figureId: RowId,
  value: z.number(),
  unit: Unit,
  qualifier: Qualifier,
  period: z.string(),
});
export type TierDisagreement = z.infer<typeof TierDisagreement>;

/** What the builder warns about before a briefing is exported. */
export const BriefingWarnings = z.object({ tierDisagreements: z.array(TierDisagreement) });
export type BriefingWarnings = z.infer<typeof BriefingWarnings>;
