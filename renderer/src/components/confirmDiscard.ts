/**
 * Closing a form with changes in it (Esc, ×, Cancel, a click outside) asks before the changes are
 * thrown away; an untouched form just closes.
 */
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export function useConfirmDiscard(): (dirty: boolean, close: () => void) => void {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  return useCallback(
    (dirty, close) => {
      if (!dirty) {
        close();
        return;
      }
      void modal.confirm({
        title: t('unsaved.title'),
        content: t('unsaved.text'),
        okText: t('unsaved.discard'),
        okButtonProps: { danger: true },
        cancelText: t('unsaved.keep'),
        // The keyboard starts on 继续编辑: Esc then Enter threw the edit away.
        autoFocusButton: 'cancel',
        onOk: close,
      });
    },
    [modal, t],
  );
}

/** Whether what a form holds now differs from what it started with. */
export function differs(now: object, initial: object): boolean {
  const norm = (v: unknown): unknown => (v === undefined || v === null ? '' : typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, norm(x)])) : String(v));
  const a = norm(now) as Record<string, unknown>;
  const b = norm(initial) as Record<string, unknown>;
  return Object.keys({ ...a, ...b }).some((k) => JSON.stringify(a[k] ?? '') !== JSON.stringify(b[k] ?? ''));
}
