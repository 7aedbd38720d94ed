/**
 * Template editor: after "Omhoog", "Omlaag" or "Verwijderen" the page reloads at the row that moved
 * (or the row after the removed one) via #item-<key> / #section-<key>. Put the keyboard focus there,
 * so a keyboard user can press the next button without tabbing through the page again.
 * Without JavaScript the browser still scrolls to the row and continues tabbing from it.
 */
function focusTarget(): void {
  const id = decodeURIComponent(window.location.hash.slice(1));
  if (!/^(item|section)-[a-z0-9-]+$/.test(id)) return;
  const row = document.getElementById(id);
  if (!row) return;
  row.focus({ preventScroll: false });
}

focusTarget();
