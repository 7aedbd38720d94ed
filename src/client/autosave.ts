/**
 * Autosave for the questionnaire's section form (progressive enhancement; the form works without it).
 * Every change is posted as JSON to the form's data-autosave URL within a second, one request per item
 * at a time (answers carry a revision for optimistic concurrency). Failed saves stay queued and are
 * retried with backoff; leaving the page with unsaved changes asks first. Each save carries the value the
 * field had before (its base), so only a change of the same field by someone else is refused (409): then
 * both values are shown and the editor chooses. A signed-out session (401/403 with `reauth`) keeps every
 * change queued and retries once the user has signed in again. Texts come from the form's data-label-*;
 * the norm statuses (SWV and national) from their holders' data-label-*, as the server rendered them.
 */

import { classifySaveResponse, refusalText, type SaveAnswerBody } from './save-outcome.js';

type Field = 'value' | 'ambition' | 'parentText' | 'limits';
interface Conflict {
  theirs: { value: unknown; words: string; revision: number; who: string | null; when: string };
  yours: { value: unknown; words: string };
}
interface SaveResponse extends SaveAnswerBody {
  ok: boolean;
  revision?: number;
  normStatus?: string;
  nationalNormStatus?: string;
  sectionProgress?: { sectionKey: string; answered: number; required: number; status: string; belowNormItemKeys: string[]; cannotJudgeItemKeys?: string[] } | null;
  final?: boolean;
  conflict?: Conflict;
}

/** The partners option "Geen van deze" (an explicit empty selection); see item-field.tsx. */
const NONE_OF_THESE = '_geen';

const DEBOUNCE_MS = 600;
const MAX_BACKOFF_MS = 30_000;

const form = document.querySelector<HTMLFormElement>('form[data-autosave]');
if (form) enhance(form);

function enhance(form: HTMLFormElement): void {
  const endpoint = form.dataset['autosave']!;
  let csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
  const label = (name: string, params: Record<string, string | number> = {}) =>
    (form.getAttribute(`data-label-${name}`) ?? '').replace(/\{(\w+)\}/g, (m, key: string) => (key in params ? String(params[key]) : m));

  /** Per item: the fields waiting to be saved, whether a request is in flight, the retry timer. */
  interface ItemQueue {
    element: HTMLElement;
    pending: Map<Field, unknown>;
    inFlight: boolean;
    timer: number | undefined;
    failures: number;
    /** The last value sent per field (saved or in flight), as JSON. */
    sent: Map<Field, string>;
    /** Per field, the stored value this editor's change is based on (from the page, then from each save). */
    bases: Map<Field, unknown>;
    /** Waiting for the user to sign in again (another tab). */
    signedOut: boolean;
  }
  const queues = new Map<string, ItemQueue>();

  const queueFor = (element: HTMLElement): ItemQueue => {
    const key = element.dataset['itemKey']!;
    let queue = queues.get(key);
    if (!queue) queues.set(key, (queue = { element, pending: new Map(), inFlight: false, timer: undefined, failures: 0, sent: new Map(), bases: readBases(element), signedOut: false }));
    return queue;
  };

  const setBase = (queue: ItemQueue, field: Field, value: unknown) => {
    queue.bases.set(field, value);
    writeBases(queue.element, queue.bases);
  };

  /** After signing in again elsewhere the session has a new CSRF token: read it from a fresh copy of this page. */
  const refreshCsrf = async () => {
    try {
      const page = await fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
      const html = await page.text();
      const token = new DOMParser().parseFromString(html, 'text/html').querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content;
      if (token) csrf = token;
    } catch {
      // Still offline: the next retry tries again.
    }
  };
  // Coming back from the tab where the user signed in: retry at once.
  window.addEventListener('focus', () => {
    for (const queue of queues.values()) if (queue.signedOut) schedule(queue, 0);
  });

  const hasUnsaved = () => [...queues.values()].some((q) => q.pending.size > 0 || q.inFlight);
  /** Reflected on the form, so people's tools (and tests) can see when everything is saved. */
  const reflect = () => {
    const value = hasUnsaved() ? 'true' : 'false';
    if (form.dataset['unsaved'] !== value) form.dataset['unsaved'] = value;
  };
  form.dataset['unsaved'] = 'false';

  window.addEventListener('beforeunload', (event) => {
    if (!hasUnsaved()) return;
    event.preventDefault();
    event.returnValue = '';
  });

  const onEdit = (event: Event, delay: number) => {
    const target = event.target as HTMLElement;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)) return;
    if (target.type === 'hidden') return;
    updateCounter(target);
    const item = target.closest<HTMLElement>('[data-item-key]');
    const fieldElement = target.closest<HTMLElement>('[data-field]');
    if (!item || !fieldElement) return;
    const field = fieldElement.dataset['field'] as Field;
    if (target instanceof HTMLInputElement && target.type === 'checkbox' && fieldElement.dataset['kind'] === 'multi' && event.type === 'change') {
      // "Geen van deze" and the partners exclude each other.
      for (const other of fieldElement.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
        if (other !== target && target.checked && (target.value === NONE_OF_THESE || other.value === NONE_OF_THESE)) other.checked = false;
      }
    }
    const queue = queueFor(item);
    const value = readField(item, field);
    // "change" after "input" on a text field carries the same value: nothing new to save.
    if (!queue.pending.has(field) && queue.sent.get(field) === JSON.stringify(value)) return;
    queue.pending.set(field, value);
    setState(item, label('saving'));
    reflect();
    schedule(queue, delay);
  };
  form.addEventListener('input', (event) => {
    const target = event.target as HTMLInputElement;
    // Radios and checkboxes save at once on "change"; typing waits for a pause.
    if (target.type === 'radio' || target.type === 'checkbox') return;
    onEdit(event, DEBOUNCE_MS);
  });
  form.addEventListener('change', (event) => onEdit(event, 0));
  // With JavaScript the form still posts on Enter or the button; make sure pending saves go first.
  form.addEventListener('submit', (event) => {
    // Saves that keep failing fall back to the ordinary form post.
    if (!hasUnsaved() || [...queues.values()].some((q) => q.failures > 0)) return;
    event.preventDefault();
    for (const queue of queues.values()) schedule(queue, 0);
  });

  function schedule(queue: ItemQueue, delay: number): void {
    window.clearTimeout(queue.timer);
    queue.timer = window.setTimeout(() => void flush(queue).finally(reflect), delay);
  }

  async function flush(queue: ItemQueue): Promise<void> {
    if (queue.inFlight || queue.pending.size === 0) return;
    const [field, value] = queue.pending.entries().next().value as [Field, unknown];
    queue.pending.delete(field);
    queue.inFlight = true;
    queue.sent.set(field, JSON.stringify(value));
    const item = queue.element;
    let response: Response | undefined;
    let body: SaveResponse | undefined;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, Accept: 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ itemKey: item.dataset['itemKey'], field, value, baseRevision: Number(item.dataset['revision'] ?? '0'), baseValue: queue.bases.get(field) ?? null }),
      });
      body = (await response.json()) as SaveResponse;
    } catch {
      body = undefined;
    }
    queue.inFlight = false;

    const outcome = classifySaveResponse(response ? response.status : null, body);
    if (outcome === 'saved' && body) {
      queue.failures = 0;
      queue.signedOut = false;
      setBase(queue, field, value);
      setRevision(item, body.revision ?? 0);
      clearError(item);
      if (body.normStatus) showNormStatus(item, 'norm-status', body.normStatus);
      if (body.nationalNormStatus) showNormStatus(item, 'national-norm-status', body.nationalNormStatus);
      if (body.sectionProgress) showProgress(body.sectionProgress);
      if (queue.pending.size > 0) return flush(queue);
      setState(item, label('saved'));
      return;
    }
    queue.sent.delete(field);
    if (outcome === 'conflict' && body?.conflict) {
      showConflict(queue, field, value, body.conflict);
      // The item's other changes do not wait for this choice.
      if (queue.pending.size > 0) schedule(queue, 0);
      return;
    }
    if (outcome === 'reauth') {
      // Signed out (or the session's token changed): keep the change and try again after signing in.
      if (!queue.pending.has(field)) queue.pending.set(field, value);
      queue.signedOut = true;
      queue.failures += 1;
      setState(item, label('reauth'));
      await refreshCsrf();
      schedule(queue, Math.min(MAX_BACKOFF_MS, 2000 * 2 ** Math.min(queue.failures - 1, 4)));
      return;
    }
    if (outcome === 'refused') {
      // The server refused this value (4xx): sending it again gets the same answer, so stop and say what to do;
      // what was typed stays on screen, with the message on its field.
      showError(item, field, refusalText(body, label('refused')));
      setState(item, '');
      if (queue.pending.size > 0) return flush(queue);
      return;
    }
    // Network or server trouble: keep the change (unless a newer one for the field is queued) and retry.
    if (!queue.pending.has(field)) queue.pending.set(field, value);
    queue.failures += 1;
    setState(item, label('failed'));
    schedule(queue, Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(queue.failures - 1, 5)));
  }

  function showConflict(queue: ItemQueue, field: Field, mine: unknown, conflict: Conflict): void {
    const item = queue.element;
    setState(item, '');
    const slot = item.querySelector<HTMLElement>('[data-conflict-slot]');
    if (!slot) return;
    slot.replaceChildren();
    const box = element('div', 'utrecht-alert utrecht-alert--warning q-conflict');
    box.setAttribute('role', 'alert');
    const title = element('p', 'utrecht-paragraph');
    title.append(element('strong', '', label('conflict-title')));
    box.append(title, element('p', 'utrecht-paragraph', label('conflict-body', { who: conflict.theirs.who ?? label('someone-else'), when: conflict.theirs.when })));
    const list = element('ul', 'utrecht-unordered-list');
    list.append(element('li', '', label('theirs', { value: conflict.theirs.words })), element('li', '', label('yours', { value: conflict.yours.words })));
    box.append(list);
    const actions = element('p', 'q-conflict__actions');
    const useMine = element('button', 'utrecht-button utrecht-button--primary-action', label('use-mine')) as HTMLButtonElement;
    useMine.type = 'button';
    const keepTheirs = element('button', 'utrecht-button utrecht-button--secondary-action', label('keep-theirs')) as HTMLButtonElement;
    keepTheirs.type = 'button';
    actions.append(useMine, document.createTextNode(' '), keepTheirs);
    box.append(actions);
    slot.append(box);
    useMine.addEventListener('click', () => {
      slot.replaceChildren();
      setRevision(item, conflict.theirs.revision);
      setBase(queue, field, conflict.theirs.value);
      if (!queue.pending.has(field)) queue.pending.set(field, mine);
      setState(item, label('saving'));
      schedule(queue, 0);
    });
    keepTheirs.addEventListener('click', () => {
      slot.replaceChildren();
      setRevision(item, conflict.theirs.revision);
      setBase(queue, field, conflict.theirs.value);
      queue.pending.delete(field);
      queue.sent.set(field, JSON.stringify(conflict.theirs.value));
      writeField(item, field, conflict.theirs.value);
      // Other changes of this item may still be waiting: "Opgeslagen" only when nothing is.
      if (queue.pending.size > 0 || queue.inFlight) {
        setState(item, label('saving'));
        schedule(queue, 0);
      } else setState(item, label('saved'));
      reflect();
    });
    useMine.focus();
  }

  /** The status against the SWV's norm (`norm-status`) or the national norm, in the words the holder carries. */
  function showNormStatus(item: HTMLElement, holderAttribute: 'norm-status' | 'national-norm-status', status: string): void {
    const holder = item.querySelector<HTMLElement>(`[data-${holderAttribute}]`);
    if (!holder) return;
    const text = holder.getAttribute(`data-label-${status}`);
    const tones: Record<string, string> = { meets: 'success', below: 'danger', ambition: 'info', unanswered: 'neutral', 'cannot-judge': 'warning' };
    holder.replaceChildren();
    if (text) holder.append(element('span', `status-tag status-tag--${tones[status] ?? 'neutral'}`, text));
  }

  function showProgress(progress: NonNullable<SaveResponse['sectionProgress']>): void {
    const holder = document.querySelector<HTMLElement>(`[data-section-progress="${CSS.escape(progress.sectionKey)}"]`);
    const count = holder?.querySelector<HTMLElement>('[data-progress-count]');
    if (count && progress.required > 0) count.textContent = label('progress', { answered: progress.answered, required: progress.required });
    const status = holder?.querySelector<HTMLElement>('[data-progress-status]');
    if (status) {
      const tones: Record<string, string> = { not_started: 'neutral', in_progress: 'info', complete: 'success' };
      status.textContent = label(`status-${progress.status.replace('_', '-')}`);
      status.className = `status-tag status-tag--${tones[progress.status] ?? 'neutral'}`;
    }
    const list = document.querySelector<HTMLElement>('[data-below-norm-list]');
    if (list) {
      list.replaceChildren(
        ...progress.belowNormItemKeys.map((key) => {
          const li = element('li');
          li.dataset['belowNormItem'] = key;
          const link = element('a', 'utrecht-link', document.getElementById(`item-${key}`)?.querySelector('.q-item__title')?.textContent?.trim() ?? key) as HTMLAnchorElement;
          link.href = `#item-${key}`;
          li.append(link);
          return li;
        }),
      );
      const empty = document.querySelector<HTMLElement>('[data-below-norm-empty]');
      // "All meet the norm" only when nothing is below it and nothing is "Kan niet beoordelen".
      if (empty) empty.hidden = progress.belowNormItemKeys.length > 0 || (progress.cannotJudgeItemKeys ?? []).length > 0;
    }
    const summary = document.querySelector<HTMLElement>('[data-section-summary-count]');
    if (summary && progress.required > 0 && form.dataset['sectionKey'] === progress.sectionKey) {
      summary.textContent = label('progress-text', { answered: progress.answered, required: progress.required, percent: Math.floor((progress.answered / progress.required) * 100) });
    }
  }

  for (const control of form.querySelectorAll<HTMLTextAreaElement>('textarea[data-counter]')) updateCounter(control);
  form.dataset['autosaveReady'] = 'true';
}

function readField(item: HTMLElement, field: Field): unknown {
  const scope = item.querySelector<HTMLElement>(`[data-field="${field}"]`) ?? item;
  if (field === 'ambition') {
    const toggle = scope.querySelector<HTMLInputElement>('[data-ambition-toggle]');
    if (!toggle?.checked) return null;
    const selects = scope.querySelectorAll<HTMLSelectElement>('select');
    const ambition: Record<string, string> = {};
    for (const select of selects) {
      const name = select.name.endsWith('.ambitionTarget') ? 'target' : 'schoolYear';
      if (select.value) ambition[name] = select.value;
    }
    return ambition;
  }
  if (scope.matches('fieldset')) {
    const inputs = [...scope.querySelectorAll<HTMLInputElement>('input')];
    if (scope.dataset['kind'] === 'multi') {
      const chosen = inputs.filter((input) => input.checked).map((input) => input.value);
      if (chosen.includes(NONE_OF_THESE)) return [];
      return chosen.length > 0 ? chosen : null;
    }
    return inputs.find((input) => input.checked)?.value ?? null;
  }
  const control = scope.matches('input, textarea') ? (scope as HTMLInputElement) : scope.querySelector<HTMLInputElement>('input, textarea');
  return control ? control.value : null;
}

/** Puts a stored value back into the controls ("keep their answer"). */
function writeField(item: HTMLElement, field: Field, value: unknown): void {
  const scope = item.querySelector<HTMLElement>(`[data-field="${field}"]`);
  if (!scope) return;
  if (field === 'ambition') {
    const ambition = (value ?? null) as { target?: string; schoolYear?: string } | null;
    const toggle = scope.querySelector<HTMLInputElement>('[data-ambition-toggle]');
    if (toggle) toggle.checked = ambition !== null;
    for (const select of scope.querySelectorAll<HTMLSelectElement>('select')) {
      select.value = (select.name.endsWith('.ambitionTarget') ? ambition?.target : ambition?.schoolYear) ?? '';
    }
    return;
  }
  if (scope.matches('fieldset')) {
    const chosen = Array.isArray(value) ? (value.length === 0 ? [NONE_OF_THESE] : value.map(String)) : value === true ? ['ja'] : value === false ? ['nee'] : value === null ? [] : [String(value)];
    for (const input of scope.querySelectorAll<HTMLInputElement>('input')) input.checked = chosen.includes(input.value);
    return;
  }
  const control = scope.matches('input, textarea') ? (scope as HTMLInputElement) : scope.querySelector<HTMLInputElement>('input, textarea');
  if (control) {
    control.value = value === null || value === undefined ? '' : String(value);
    updateCounter(control);
  }
}

/** The bases of an item's fields from the page (`<key>.base`, JSON of the answer the page was rendered from). */
function readBases(item: HTMLElement): Map<Field, unknown> {
  const bases = new Map<Field, unknown>();
  const input = item.querySelector<HTMLInputElement>('input[data-base-input]');
  if (!input) return bases;
  try {
    const parsed = JSON.parse(input.value) as { value?: unknown; ambition?: unknown; parentText?: unknown };
    bases.set('value', parsed.value ?? null);
    bases.set('limits', parsed.value ?? null);
    bases.set('ambition', parsed.ambition ?? null);
    bases.set('parentText', parsed.parentText ?? null);
  } catch {
    // No usable base: the server then checks the revision.
  }
  return bases;
}

/** Keeps the posted base in step, so a later "Opslaan" (form post) is based on what was saved. */
function writeBases(item: HTMLElement, bases: Map<Field, unknown>): void {
  const input = item.querySelector<HTMLInputElement>('input[data-base-input]');
  if (!input) return;
  const isLimits = item.dataset['itemKey']?.startsWith('limits:');
  input.value = JSON.stringify({ value: (isLimits ? bases.get('limits') : bases.get('value')) ?? null, ambition: bases.get('ambition') ?? null, parentText: bases.get('parentText') ?? null });
}

function setRevision(item: HTMLElement, revision: number): void {
  item.dataset['revision'] = String(revision);
  const hidden = item.querySelector<HTMLInputElement>('input[data-revision-input]');
  if (hidden) hidden.value = String(revision);
}

function setState(item: HTMLElement, text: string): void {
  const state = item.querySelector<HTMLElement>('[data-save-state]');
  if (state && state.textContent !== text) state.textContent = text;
}

/** The server's refusal on the field itself (above its control, as the no-JavaScript save shows it), not at the item's end. */
function showError(item: HTMLElement, field: string, message: string): void {
  clearError(item);
  const error = element('div', 'utrecht-form-field-error-message q-autosave-error', message);
  error.dataset['autosaveError'] = '';
  error.id = `${item.id}-${field}-autosave-error`;
  const scope = item.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`);
  if (!scope) {
    item.querySelector('[data-save-state]')?.before(error);
    return;
  }
  if (scope instanceof HTMLFieldSetElement) {
    const legend = scope.querySelector('legend');
    if (legend) legend.after(error);
    else scope.prepend(error);
  } else if (scope instanceof HTMLInputElement || scope instanceof HTMLTextAreaElement) {
    scope.before(error);
    scope.setAttribute('aria-invalid', 'true');
    scope.dataset['autosaveInvalid'] = scope.getAttribute('aria-describedby') ?? '';
    scope.setAttribute('aria-describedby', `${error.id} ${scope.dataset['autosaveInvalid']}`.trim());
  } else scope.prepend(error);
}

function clearError(item: HTMLElement): void {
  item.querySelector('[data-autosave-error]')?.remove();
  for (const control of item.querySelectorAll<HTMLElement>('[data-autosave-invalid]')) {
    const describedBy = control.dataset['autosaveInvalid'] ?? '';
    if (describedBy) control.setAttribute('aria-describedby', describedBy);
    else control.removeAttribute('aria-describedby');
    control.removeAttribute('aria-invalid');
    delete control.dataset['autosaveInvalid'];
  }
}

function updateCounter(control: Element): void {
  const id = control.getAttribute('data-counter');
  const counter = id ? document.getElementById(id) : null;
  if (!counter || !(control instanceof HTMLTextAreaElement)) return;
  const max = Number(counter.dataset['max']);
  const length = control.value.length;
  const template = length <= max ? counter.dataset['labelLeft'] : counter.dataset['labelOver'];
  counter.textContent = (template ?? '').replace('{left}', String(max - length)).replace('{over}', String(length - max)).replace('{max}', String(max));
}

function element(tag: string, className = '', text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
