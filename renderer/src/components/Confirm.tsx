/**
 * A confirmation in a popover before an action (删除…, 仍要导出): the keyboard lands on its Cancel
 * button the moment it opens — Enter on 删除 opened it but left the focus behind, seven Tabs away
 * through the page — so Enter there cancels and Tab reaches the action. Destructive actions get the
 * danger button. The popover never runs past a narrow window's edge.
 */
import { Popconfirm } from 'antd';
import { useId, type ReactNode } from 'react';

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
  const focusCancel = (open: boolean): void => {
    if (!open) return;
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
