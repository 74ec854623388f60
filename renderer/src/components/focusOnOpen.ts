/**
 * A dialog's field that takes the focus once the dialog is open. `autoFocus` alone is not enough for a
 * dialog opened after the page (Ctrl+K's search, a check's note): shown without motion (the system set
 * to reduce motion), antd's focus trap put the focus on the dialog's close button instead, so the first
 * keys typed went nowhere. Pass `ref` to the field and `afterOpenChange` to the Modal.
 */
import { useCallback, useRef } from 'react';

export function useFocusOnOpen<T extends { focus: () => void }>(): { ref: React.RefObject<T | null>; afterOpenChange: (open: boolean) => void } {
  const ref = useRef<T>(null);
  const afterOpenChange = useCallback((open: boolean) => {
    if (open) ref.current?.focus();
  }, []);
  return { ref, afterOpenChange };
}
