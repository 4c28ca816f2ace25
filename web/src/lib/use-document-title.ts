import { useEffect } from 'react';

export const APP_NAME = 'Medical codes';

/**
 * Sets the tab's title to "<where> · Medical codes" (the app's name alone for null);
 * undefined leaves the title to a component inside this one.
 */
export function useDocumentTitle(where: string | null | undefined): void {
  useEffect(() => {
    if (where === undefined) return;
    document.title = where ? `${where} · ${APP_NAME}` : APP_NAME;
  }, [where]);
}
