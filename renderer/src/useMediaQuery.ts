/** Whether a CSS media query holds now, following the operating system as it changes (theme, motion). */
import { useEffect, useState } from 'react';

export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    const onChange = (): void => setMatches(media.matches);
    onChange();
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

/**
 * The person asked the system for less motion (Windows: "Animation effects" off; macOS: "Reduce
 * motion"; also common on remote desktops): drawers, dialogs, menus, messages and charts then appear
 * in place, without sliding, zooming or fading in.
 */
export const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';
