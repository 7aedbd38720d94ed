/**
 * Documents (batch ZIP): while an export is queued or running, refresh its progress table every
 * few seconds without a page reload. Without JavaScript the "refresh" link does the same.
 */
const TABLE_ID = 'documents-exports';
const INTERVAL_MS = 3000;

function isBusy(root: ParentNode): boolean {
  return root.querySelector('[data-export-status="queued"], [data-export-status="running"]') !== null;
}

async function poll(): Promise<void> {
  const current = document.getElementById(TABLE_ID);
  if (!current || !isBusy(document)) return;
  try {
    const response = await fetch(window.location.pathname, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
    if (response.ok) {
      const next = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById(TABLE_ID);
      if (next) current.replaceWith(document.importNode(next, true));
    }
  } catch {
    // Offline for a moment: try again at the next tick.
  }
  if (isBusy(document)) window.setTimeout(() => void poll(), INTERVAL_MS);
}

window.setTimeout(() => void poll(), INTERVAL_MS);
