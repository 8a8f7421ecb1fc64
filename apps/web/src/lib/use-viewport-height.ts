import { useEffect } from 'react';

/**
 * Keeps `--viewport-height` on the root at the visible viewport's height. On phones the on-screen
 * keyboard shrinks the visual viewport but not always `100dvh` (iOS Safari); full-screen views
 * (a chat room) size themselves with it, so the composer stays above the keyboard.
 */
export function useViewportHeight(): void {
  useEffect(() => {
    const viewport = window.visualViewport;
    if (!viewport) return;
    const root = document.documentElement;
    const update = () => root.style.setProperty('--viewport-height', `${viewport.height}px`);
    update();
    viewport.addEventListener('resize', update);
    return () => {
      viewport.removeEventListener('resize', update);
      root.style.removeProperty('--viewport-height');
    };
  }, []);
}
