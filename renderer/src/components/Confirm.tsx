/**
 * A confirmation in a popover before an action (删除…, 仍要导出): the keyboard lands on its Cancel
 * button the moment it opens, and goes back to the button that opened it when it closes — Enter on 删除 opened it but left the focus behind, seven Tabs away
 * through the page — so Enter there cancels and Tab reaches the action. Destructive actions get the
 * danger button. The popover never runs past a narrow window's edge.
 */
import { Popconfirm } from 'antd';
import { useId, useRef, type ReactNode } from 'react';

export function Confirm({
  title,
  okText,
  cancelText,
  onConfirm,
  danger = true,
  disabled,
  placement,
  children,
}: {
  title: ReactNode;
  okText: string;
  cancelText: string;
  onConfirm: () => void;
  danger?: boolean;
  disabled?: boolean;
  placement?: 'top' | 'bottomRight';
  children: ReactNode;
}): React.JSX.Element {
  // The Cancel button, found by a class of its own once the popover is on the page (antd renders it in a portal,
  // after the open; autoFocus on it is not honoured).
  const cancel = `confirm-cancel-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  // The control that opened it gets the focus back when it closes (Esc, 取消), so the next Tab goes on from there:
  // the focus fell to the page's start.
  const opener = useRef<HTMLElement | null>(null);
  const focusCancel = (open: boolean): void => {
    if (!open) {
      const back = opener.current;
      opener.current = null;
      if (back?.isConnected) requestAnimationFrame(() => back.focus());
      return;
    }
    opener.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    const tryFocus = (left: number): void => {
      const button = document.querySelector<HTMLButtonElement>(`.${cancel}`);
      if (button) button.focus();
      else if (left > 0) requestAnimationFrame(() => tryFocus(left - 1));
    };
    requestAnimationFrame(() => tryFocus(30));
  };
  return (
    <Popconfirm
      title={title}
      okText={okText}
      cancelText={cancelText}
      onConfirm={onConfirm}
      okButtonProps={{ danger }}
      cancelButtonProps={{ className: cancel }}
      onOpenChange={focusCancel}
      {...(disabled !== undefined ? { disabled } : {})}
      {...(placement ? { placement } : {})}
      styles={{ root: { maxWidth: 'min(360px, calc(100vw - 32px))' } }}
    >
      {children}
    </Popconfirm>
  );
}
