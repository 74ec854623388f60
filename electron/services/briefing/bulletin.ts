/**
 * Making a 简报 PDF: the issue's content is checked against its schema, resolved (live for a draft,
 * frozen for an issued bulletin: the caller passes the resolver), built into the document model by
 * the bulletin template, checked for characters no embedded font draws, and written by the PDF writer.
 * The Word writer takes the same model (composeBulletin).
 */
import { BulletinContent } from '../../../shared/bulletin';
import type { BriefingDocument } from '../../../shared/document';
import { AppError } from '../../../shared/errors';
import { issueDetails } from '../../../shared/text';
import type { DB } from '../db/open';
import { liveResolver, type BulletinResolver } from './bulletin-figures';
import { cachedChartSvg } from './charts-svg';
import { toPdfmake } from './pdf';
import { assertDocumentPrintable, localDate, writePdf, type RenderedBriefing } from './render';
import { bulletinDocument, type BulletinIssue } from './templates/bulletin';

/** The content, validated: a bad one is refused with INVALID_INPUT naming the field. */
export function parseBulletin(raw: unknown): BulletinContent {
  const parsed = BulletinContent.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new AppError('INVALID_INPUT', 'invalid bulletin', issueDetails(parsed.error.issues[0], 'bulletin'));
}

/** The document model of an issue; refuses a broken reference (BULLETIN_BROKEN_REFERENCE) or an unprintable character. */
export function composeBulletin(content: unknown, resolver: BulletinResolver, issue: BulletinIssue): BriefingDocument {
  return composeParsedBulletin(parseBulletin(content), resolver, issue);
}

/** The same, for content already checked against its schema (a stored issue, read back through it by store.ts). */
export function composeParsedBulletin(content: BulletinContent, resolver: BulletinResolver, issue: BulletinIssue): BriefingDocument {
  const model = bulletinDocument(content, resolver, issue);
  assertDocumentPrintable(model);
  return model;
}

/**
 * The PDF of an issue. `resolver` gives the figures' values (default: live from `db`); `issue` its
 * 期号 and 印发日期 (default: a draft dated `now`).
 */
export async function renderBulletin(db: DB, content: unknown, resolver: BulletinResolver = liveResolver(db), now: Date = new Date(), issue?: BulletinIssue): Promise<RenderedBriefing> {
  const model = composeBulletin(content, resolver, issue ?? { number: null, date: localDate(now) });
  const { pdf, pages } = await writePdf(toPdfmake(model, cachedChartSvg));
  return { pdf, pages, model };
}
