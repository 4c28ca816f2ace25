/**
 * GraphiQL 4's own markup fails three axe rules (checked by tests/e2e): its CodeMirror
 * textareas have no label, its tabs are `role="tab"` items that contain buttons (nested
 * interactive controls), and its editor scroll areas cannot be reached by keyboard. Until
 * upstream fixes them, this repairs the DOM after every render: labels on the textareas, the
 * tab role moved onto the tab's own button, the scroll areas made focusable. Idempotent (a
 * pass that finds nothing to change changes nothing), so the observer cannot loop.
 */
function set(el: Element, name: string, value: string | null) {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

function repair(root: HTMLElement) {
  root.querySelectorAll('.graphiql-query-editor textarea').forEach((t) => set(t, 'aria-label', 'Operation (GraphQL)'));
  root
    .querySelectorAll('.graphiql-editor-tool .graphiql-editor')
    .forEach((ed, i) => ed.querySelectorAll('textarea').forEach((t) => set(t, 'aria-label', i === 0 ? 'Variables (JSON)' : 'Headers (JSON)')));
  root.querySelectorAll('.result-window textarea').forEach((t) => set(t, 'aria-label', 'Response (JSON)'));
  // Each tab holds two buttons (switch, close), which a role="tab" may not: the tabs become a
  // list of buttons, the active one marked with aria-current.
  root.querySelectorAll('.graphiql-tab').forEach((tab) => {
    const active = tab.classList.contains('graphiql-tab-active');
    set(tab.parentElement ?? tab, 'role', 'list');
    set(tab, 'role', 'listitem');
    set(tab, 'aria-selected', null);
    const button = tab.querySelector('.graphiql-tab-button');
    if (button) set(button, 'aria-current', active ? 'true' : null);
  });
  root.querySelectorAll('.CodeMirror-scroll').forEach((s) => set(s, 'tabindex', '0'));
}

/** Repairs `root` now and whenever GraphiQL re-renders; returns the function that stops it. */
export function repairGraphiQLAccessibility(root: HTMLElement): () => void {
  repair(root);
  const observer = new MutationObserver(() => repair(root));
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'aria-selected', 'role'] });
  return () => observer.disconnect();
}
