/** The 简报 channels (issue 10): drafts, live references, 签发, 更正, the archive, the frame defaults. */
import type { HandlerContext, Handlers } from '../handlers';
import { acceptFigure, issueDraft, saveDraft, saveNewDraft, startCorrection } from './actions';
import { archiveYears, listIssued, searchBulletins } from './archive';
import { exportBulletin, exportBulletinTo } from './export';
import { previewAnswer } from '../briefing/render';
import { blankContent, frameDefaults, updateFrameDefaults } from './frame';
import { nextIssue } from './issue';
import { referenceReport } from './references';
import { getBulletin, listDrafts } from './store';

type BulletinChannels =
  | 'listBulletinDrafts'
  | 'getBulletin'
  | 'createBulletinDraft'
  | 'updateBulletinDraft'
  | 'issueBulletin'
  | 'nextBulletinIssue'
  | 'correctBulletin'
  | 'bulletinReferences'
  | 'acceptBulletinReference'
  | 'listIssuedBulletins'
  | 'searchBulletins'
  | 'newBulletinContent'
  | 'getBulletinFrameDefaults'
  | 'updateBulletinFrameDefaults'
  | 'exportBulletin'
  | 'previewBulletin';

/** `write` wraps a channel that writes (refused once the file is known damaged: handlers.ts). */
export function bulletinHandlers(ctx: HandlerContext, write: <I, O>(fn: (input: I) => O) => (input: I) => O): Pick<Handlers, BulletinChannels> {
  const { db } = ctx;
  return {
    listBulletinDrafts: () => listDrafts(db),
    getBulletin: ({ id }) => getBulletin(db, id),
    createBulletinDraft: write(({ content }) => saveNewDraft(db, content)),
    updateBulletinDraft: write(({ id, content, seen }) => saveDraft(db, id, content, seen)),
    issueBulletin: write(({ id, supplement, withTotal }) => issueDraft(db, id, { supplement, withTotal })),
    nextBulletinIssue: ({ supplement, withTotal }) => nextIssue(db, { supplement, withTotal }),
    correctBulletin: write(({ id }) => startCorrection(db, id)),
    bulletinReferences: ({ id }) => referenceReport(db, id),
    acceptBulletinReference: write(({ id, figureId }) => acceptFigure(db, id, figureId)),
    listIssuedBulletins: ({ year }) => ({ years: archiveYears(db), items: listIssued(db, year) }),
    searchBulletins: ({ query, issuedOnly }) => searchBulletins(db, query, issuedOnly),
    newBulletinContent: ({ title, lang }) => blankContent(db, title, lang),
    getBulletinFrameDefaults: ({ lang }) => frameDefaults(db, lang),
    updateBulletinFrameDefaults: write(({ lang, ...frame }) => updateFrameDefaults(db, frame, lang)),
    exportBulletin: ({ id, format, openAfter }) => exportBulletinTo(db, ctx.host, id, format, openAfter),
    previewBulletin: async ({ id }) => {
      const { bytes, pages, firstPage } = await exportBulletin(db, id, 'pdf', new Date(), { firstPage: true });
      return previewAnswer({ pdf: bytes, pages: pages ?? 1, ...(firstPage ? { firstPage } : {}) });
    },
  };
}
