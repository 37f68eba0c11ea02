import { useCallback, useEffect, useState } from 'react';

/**
 * The content width of an element, followed as it changes (window resize, a dragged drawer edge), for
 * charts that draw in pixels: they lay out ticks and captions for the width they get instead of being
 * cut off. `fallback` until measured (and where layout has no size, as in jsdom).
 */
export function useWidth(fallback: number): [(el: HTMLElement | null) => void, number] {
  const [el, setEl] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState(0);
  const ref = useCallback((node: HTMLElement | null) => setEl(node), []);
  useEffect(() => {
    if (!el) {
      return undefined;
    }
    const measure = () => setWidth(Math.floor(el.clientWidth));
    measure();
    // Grafana's Drawer follows its own size with ResizeObserver too; older engines get the window's resize.
    if (typeof ResizeObserver === 'function') {
      const observer = new ResizeObserver(measure);
      observer.observe(el);
      return () => observer.disconnect();
    }
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [el]);
  return [ref, width > 0 ? width : fallback];
}
