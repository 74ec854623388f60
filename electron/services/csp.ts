/**
 * The Content-Security-Policy of the app's page: nothing from any remote origin. Styles allow
 * inline because Ant Design injects its CSS-in-JS at run time; scripts never do. Workers (pdf.js's,
 * for the briefing preview) fall under script-src 'self': only the app's own files. No frames: the
 * preview is drawn in the page, so frame-src is 'none' (it allowed blob: for Chromium's PDF viewer).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
