/**
 * Ant Design names every icon after its glyph (role="img" aria-label="search", "close-circle",
 * "down") and labels a select's clear button "Clear" and a dialog's × "Close" — in English,
 * whatever the language. The icons here are decorative (the control around them has its own
 * label), so they are hidden from screen readers, and the English button labels are put in the
 * person's language. Applies to everything under <body>, dialogs and dropdowns included, as they
 * appear.
 */
export interface ControlLabels {
  clear: string;
  close: string;
  search: string;
}

/** The name an icon-only button gets from its icon, in the person's language (antd's search button). */
const ICON_BUTTON: Record<string, keyof ControlLabels> = { search: 'search', close: 'close', 'close-circle': 'clear' };

function quiet(root: ParentNode, labels: ControlLabels): void {
  // An icon that is a button's only content names that button: the name moves to the button, translated.
  for (const button of root.querySelectorAll<HTMLElement>('button:not([aria-label]):not([aria-labelledby]), [role="button"]:not([aria-label]):not([aria-labelledby])')) {
    if ((button.textContent ?? '').trim() !== '') continue;
    const key = ICON_BUTTON[button.querySelector('span.anticon')?.getAttribute('aria-label') ?? ''];
    if (key) button.setAttribute('aria-label', labels[key]);
  }
  for (const icon of root.querySelectorAll<HTMLElement>('span.anticon[role="img"]:not([aria-hidden="true"])')) {
    const button = icon.closest('button, [role="button"]');
    // An icon we cannot name keeps its own label rather than leave its button nameless.
    if (button && !button.hasAttribute('aria-label') && !button.hasAttribute('aria-labelledby') && (button.textContent ?? '').trim() === '') continue;
    icon.setAttribute('aria-hidden', 'true');
  }
  const relabel = (selector: string, label: string): void => {
    for (const el of root.querySelectorAll<HTMLElement>(selector)) {
      if (el.getAttribute('aria-label') !== label) el.setAttribute('aria-label', label);
    }
  };
  relabel('.ant-select-clear, .ant-input-clear-icon, .ant-picker-clear', labels.clear);
  relabel('button[aria-label="Close"], button[aria-label="关闭"]', labels.close);
  relabel('button[aria-label="Search"], button[aria-label="搜索"]', labels.search);
}

/** Starts watching `root`; returns the function that stops. Call again with new labels when the language changes. */
export function watchIconLabels(root: HTMLElement, labels: ControlLabels): () => void {
  quiet(root, labels);
  let pending = false;
  const observer = new MutationObserver(() => {
    if (pending) return;
    pending = true;
    // Once per burst of changes, before the next paint.
    queueMicrotask(() => {
      pending = false;
      quiet(root, labels);
    });
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label', 'class'] });
  return () => observer.disconnect();
}
