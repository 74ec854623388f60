/**
 * Whether the page is dark, as React state: a chart drawn from `document.documentElement.dataset.theme`
 * read it before the app had set it after a reload (a dark page's chart drew near-black words on black),
 * and was not drawn again when the theme changed.
 */
import { createContext, useContext } from 'react';

export const DarkTheme = createContext(false);

export function useDarkTheme(): boolean {
  return useContext(DarkTheme);
}
