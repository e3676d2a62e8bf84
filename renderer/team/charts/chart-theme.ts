// Chart colours come from the theme's CSS variables (renderer/styles/theme.css, and the
// series palette in team.css), read when a chart is drawn and again when the OS switches
// between light and dark, so charts follow the theme like the rest of the window.
import { useSyncExternalStore } from 'react';

export interface ChartTheme {
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly surface: string;
  readonly negative: string;
  readonly neutral: string;
  readonly positive: string;
  readonly accent: string;
  /** Response-count bars: behind the score line, quieter than any series. */
  readonly bars: string;
  /** Distinct series colours (breakdowns, root causes), each AA against the surface. */
  readonly palette: readonly string[];
}

const PALETTE_SIZE = 6;

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const value = style.getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}

export function readChartTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  return {
    text: cssVar(style, '--text', '#1b1f27'),
    muted: cssVar(style, '--text-muted', '#4f5866'),
    grid: cssVar(style, '--border', '#d9dde4'),
    surface: cssVar(style, '--surface', '#ffffff'),
    negative: cssVar(style, '--negative', '#b42318'),
    neutral: cssVar(style, '--neutral', '#8a5a00'),
    positive: cssVar(style, '--positive', '#1d6b3a'),
    accent: cssVar(style, '--accent', '#3a4fd8'),
    bars: cssVar(style, '--chart-bars', '#aab2c0'),
    palette: Array.from({ length: PALETTE_SIZE }, (_, i) => cssVar(style, `--chart-${i + 1}`, '#3a4fd8')),
  };
}

const DARK = '(prefers-color-scheme: dark)';

function subscribe(listener: () => void): () => void {
  const query = window.matchMedia(DARK);
  query.addEventListener('change', listener);
  return () => {
    query.removeEventListener('change', listener);
  };
}

/** 'dark' or 'light', re-rendering when the OS theme changes. */
export function useColorScheme(): 'dark' | 'light' {
  return useSyncExternalStore(subscribe, () => (window.matchMedia(DARK).matches ? 'dark' : 'light'));
}
