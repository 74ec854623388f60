/**
 * Probes the Content-Security-Policy from inside a page, the way an injected script would try:
 * an inline <script>, eval (a string timer), a request to a remote origin. Shared by the harness test
 * (Chromium, runs everywhere) and the real-Electron test.
 */
import type { Page } from '@playwright/test';

export interface CspProbe {
  inline: { directive: string; ran: boolean };
  eval: { blocked: string; ran: boolean };
  remoteFetch: string;
}

export async function probeCsp(page: Page): Promise<CspProbe> {
  const inline = await page.evaluate(
    () =>
      new Promise<{ directive: string; ran: boolean }>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve({ directive: e.effectiveDirective, ran: 'inlineRan' in window }), { once: true });
        setTimeout(() => resolve({ directive: 'none (no violation reported)', ran: 'inlineRan' in window }), 2000);
        const script = document.createElement('script');
        script.textContent = 'window.inlineRan = true;';
        document.body.appendChild(script);
      }),
  );
  // Code evaluated by Playwright itself comes through DevTools, which the policy lets eval; a string
  // handed to setTimeout is compiled by the page, as an injected script's eval would be.
  const evalProbe = await page.evaluate(
    () =>
      new Promise<{ blocked: string; ran: boolean }>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => setTimeout(() => resolve({ blocked: e.blockedURI, ran: 'evalRan' in window }), 50), { once: true });
        setTimeout(() => resolve({ blocked: 'nothing (no violation reported)', ran: 'evalRan' in window }), 2000);
        (setTimeout as unknown as (code: string, ms: number) => void)('window.evalRan = true;', 0);
      }),
  );
  const remoteFetch = await page.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'fetched',
      (e: Error) => e.name,
    ),
  );
  return { inline, eval: evalProbe, remoteFetch };
}

/** What a page under the app's policy reports. */
export const REFUSED = { inline: { directive: 'script-src-elem', ran: false }, eval: { blocked: 'eval', ran: false }, remoteFetch: 'TypeError' };
