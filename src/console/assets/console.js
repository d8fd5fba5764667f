// Lotse staff console: a small single-page app without a build step. Every text from the server
// is put into the page with textContent; only the Telegram preview (HTML rendered and escaped by
// Lotse's own Telegram renderer) is inserted as markup.

const TEXTS = JSON.parse(document.getElementById('texts').textContent);
const app = document.getElementById('app');
const regionSelect = document.getElementById('region');
const state = { me: null, region: null, timers: [] };

function t(key, values = {}) {
  let value = TEXTS;
  for (const part of key.split('.')) value = value?.[part];
  return String(value ?? key).replace(/\{\{(\w+)\}\}/g, (_, name) => String(values[name] ?? ''));
}

/** Creates an element: el('td', { class: 'muted', dir: 'rtl' }, 'text', child, …). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  return node;
}

async function api(path, body) {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json', 'x-csrf-token': state.me?.csrfToken ?? '' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    location.href = '/login';
    throw new Error('logged out');
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error ?? response.statusText);
  return data;
}

function showError(target, error) {
  target.replaceChildren(el('p', { class: 'error', role: 'alert' }, t('common.error', { message: error.message })));
}

const region = () => state.me.regions.find((entry) => entry.slug === state.region);
const languageName = (code) => region()?.languages.find((language) => language.code === code)?.nativeName ?? code;
const dirOf = (code) => region()?.languages.find((language) => language.code === code)?.dir ?? 'ltr';

function languageSelect(id, selected) {
  return el('select', { id }, region().languages.map((language) => el('option', { value: language.code, selected: language.code === selected, lang: language.code }, language.nativeName)));
}

// ---------- Test answers and web chat ----------

function replyBubble(reply, onButton) {
  const bubble = el('div', { class: 'bubble', dir: reply.dir, lang: reply.language });
  for (const block of reply.blocks) {
    if (block.kind === 'title') bubble.append(el('strong', {}, block.text), el('br'));
    else if (block.kind === 'quote') bubble.append(el('blockquote', {}, block.text));
    else if (block.kind === 'note') bubble.append(el('em', { class: 'muted' }, block.text), el('br'));
    else if (block.kind === 'link') bubble.append(el('a', { href: block.url, target: '_blank', rel: 'noopener' }, block.label), el('br'));
    else if (block.kind === 'list') bubble.append(el('ul', {}, block.items.map((item) => el('li', {}, item))));
    else if (block.kind === 'place') bubble.append(el('div', {}, el('strong', {}, '📍 ', block.title), el('br'), block.address, ...block.details.map((detail) => [el('br'), detail])));
    else bubble.append(block.text, el('br'));
  }
  const buttons = (reply.buttons ?? []).flat();
  if (buttons.length > 0 && onButton) bubble.append(el('div', { class: 'buttons' }, buttons.map((button) => el('button', { type: 'button', onclick: () => onButton(button.payload) }, button.label))));
  if (reply.requestLocation && onButton) bubble.append(el('div', { class: 'buttons' }, el('button', { type: 'button', onclick: () => onButton(null, true) }, reply.requestLocation)));
  return bubble;
}

function telegramBubble(rendered) {
  const phone = el('div', { class: 'phone', dir: rendered.dir, lang: rendered.language });
  for (const message of rendered.messages) {
    const bubble = el('div', { class: 'bubble' });
    bubble.innerHTML = message.text; // produced and escaped by Lotse's Telegram renderer
    phone.append(bubble);
    const keyboard = message.reply_markup?.inline_keyboard ?? message.reply_markup?.keyboard;
    if (keyboard) phone.append(el('div', { class: 'buttons' }, keyboard.flat().map((button) => el('button', { type: 'button', class: 'secondary', disabled: true }, button.text))));
  }
  return phone;
}

function whyTable(why) {
  const clauses = why.clauses.map((clause) => `${clause.language}:${clause.label} → ${clause.terms.map((term) => term.term + (term.via === 'exact' ? '' : ` (${term.via})`)).join(' | ') || '∅'}`);
  return el(
    'div',
    { class: 'why' },
    el('p', {}, el('strong', {}, `${t('test.confidence')}: `), el('span', { 'data-testid': 'confidence' }, why.confidence.toFixed(2)), ` (${t('test.threshold')} ${why.threshold}) — `, el('span', { class: why.answered ? 'ok' : 'error' }, why.answered ? t('test.answered') : t('test.notAnswered')), ` · ${why.ms} ms`),
    why.fellBack ? el('p', { class: 'muted' }, t('test.fellBack')) : null,
    el('p', {}, el('strong', {}, `${t('test.searched')}: `), why.searched.join(' → ')),
    el('p', {}, el('strong', {}, `${t('test.normalised')}: `), clauses.map((text) => el('span', { class: 'tag' }, text))),
    why.glossary.length > 0 ? el('p', {}, el('strong', {}, `${t('test.glossary')}: `), why.glossary.map((match) => el('span', { class: 'tag' }, `${match.matched} → ${match.conceptId}`))) : null,
    el(
      'div',
      { class: 'scroll' },
      el(
      'table',
      { 'data-testid': 'hits' },
      el('thead', {}, el('tr', {}, el('th', {}, '#'), el('th', {}, t('test.hits')), el('th', {}, t('test.score')), el('th', {}, t('test.coverage')), el('th', {}, t('test.matched')), el('th', {}, t('test.sentences')))),
      el(
        'tbody',
        {},
        why.hits.map((hit, index) =>
          el(
            'tr',
            {},
            el('td', {}, index + 1),
            el('td', { dir: dirOf(hit.language), lang: hit.language }, hit.title, hit.otherLanguage ? el('span', { class: 'muted' }, ` (${hit.language})`) : null),
            el('td', { class: 'score' }, hit.score.toFixed(3)),
            el('td', {}, `${Math.round(hit.coverage * 100)} %`),
            el('td', {}, hit.matched.join(', ')),
            el('td', { dir: dirOf(hit.language), lang: hit.language }, hit.sentences.map((sentence) => el('div', {}, '» ', sentence))),
          ),
        ),
      ),
    ),
    ),
  );
}

function chatPanel() {
  const log = el('div', { class: 'phone', 'aria-live': 'polite', 'data-testid': 'chat-log' });
  let chatId = sessionStorage.getItem('lotse-chat') ?? crypto.randomUUID();
  sessionStorage.setItem('lotse-chat', chatId);
  const language = languageSelect('chat-language', region().defaultLanguage);
  const input = el('input', { id: 'chat-input', 'aria-label': t('test.message'), autocomplete: 'off' });
  async function send(body) {
    try {
      const { replies } = await api('/api/console/chat', { chatId, language: language.value, ...body });
      for (const reply of replies) log.append(replyBubble(reply, (payload, locate) => (locate ? shareLocation() : send({ payload }))));
      log.scrollTop = log.scrollHeight;
    } catch (error) {
      log.append(el('p', { class: 'error' }, error.message));
    }
  }
  function shareLocation() {
    navigator.geolocation?.getCurrentPosition(
      (position) => send({ location: { lat: position.coords.latitude, lon: position.coords.longitude } }),
      () => log.append(el('p', { class: 'muted' }, 'location unavailable')),
    );
  }
  const form = el(
    'form',
    {
      id: 'chat-form',
      onsubmit: (event) => {
        event.preventDefault();
        const text = input.value.trim();
        if (!text) return;
        log.append(el('div', { class: 'bubble user', dir: 'auto' }, text));
        input.value = '';
        void send({ text });
      },
    },
    el('label', { class: 'inline' }, t('common.language'), ' ', language),
    input,
    el('div', { class: 'buttons' }, el('button', { type: 'submit' }, t('common.send')), el('button', { type: 'button', class: 'secondary', onclick: () => {
      chatId = crypto.randomUUID();
      sessionStorage.setItem('lotse-chat', chatId);
      log.replaceChildren();
      void begin();
    } }, t('test.restart'))),
  );
  // The chat talks about the region chosen in the console.
  async function begin() {
    await api('/api/console/chat', { chatId, language: language.value, payload: `region:${state.region}` });
    await send({ text: '/start' });
  }
  void begin();
  return el('section', { class: 'card' }, el('h2', {}, t('test.chat')), el('p', { class: 'muted' }, t('test.chatIntro')), log, form);
}

function testPage() {
  const output = el('div', { 'data-testid': 'test-output' });
  const question = el('textarea', { id: 'question', required: true, dir: 'auto' });
  const language = languageSelect('test-language', region().defaultLanguage);
  language.addEventListener('change', () => question.setAttribute('dir', dirOf(language.value)));
  const channel = el('select', { id: 'test-channel' }, el('option', { value: 'telegram' }, 'Telegram'), el('option', { value: 'plain' }, 'Text'));
  const form = el(
    'form',
    {
      id: 'test-form',
      onsubmit: async (event) => {
        event.preventDefault();
        output.replaceChildren(el('p', {}, t('common.loading')));
        try {
          const result = await api('/api/console/test', { region: state.region, language: language.value, channel: channel.value, question: question.value });
          const shown = result.replies.map((rendered) => (rendered.channel === 'telegram' ? telegramBubble(rendered) : el('pre', { class: 'bubble', dir: rendered.dir }, rendered.text)));
          output.replaceChildren(el('h3', {}, t('test.asBot')), ...shown, el('h3', {}, t('test.why')), whyTable(result.why));
        } catch (error) {
          showError(output, error);
        }
      },
    },
    el('div', { class: 'columns' }, el('label', {}, t('common.language'), language), el('label', {}, t('common.channel'), channel)),
    el('label', { for: 'question' }, t('test.question')),
    question,
    el('div', { class: 'buttons' }, el('button', { type: 'submit' }, t('test.ask'))),
  );
  return el('div', { class: 'columns' }, el('section', { class: 'card' }, el('h2', {}, t('test.heading')), form, output), chatPanel());
}

// ---------- Unanswered ----------

/** "Did you mean…?" offered and the choices people took, per language (counts only). */
function suggestionsCard() {
  const card = el('section', { class: 'card' }, el('h2', {}, t('suggestions.heading')), el('p', { class: 'muted' }, t('suggestions.intro')));
  const content = el('div', { 'data-testid': 'suggestions' }, t('common.loading'));
  card.append(content);
  void fillSuggestions(content);
  return card;
}

async function fillSuggestions(content) {
  try {
    const rows = await api(`/api/console/suggestions?region=${encodeURIComponent(state.region)}`);
    if (rows.length === 0) content.replaceChildren(el('p', { class: 'muted' }, t('common.none')));
    else {
      const percent = (count, of) => (of > 0 ? `${Math.round((100 * count) / of)} %` : '—');
      content.replaceChildren(
        el(
          'table',
          {},
          el('thead', {}, el('tr', {}, ['language', 'offered', 'first', 'second', 'third', 'none'].map((key) => el('th', {}, t(`suggestions.${key}`))))),
          el(
            'tbody',
            {},
            rows.map((row) =>
              el('tr', {}, el('td', {}, row.language), el('td', { class: 'count' }, row.offered), ...['first', 'second', 'third', 'none'].map((key) => el('td', { class: 'count' }, `${row[key]} (${percent(row[key], row.offered)})`))),
            ),
          ),
        ),
      );
    }
  } catch (error) {
    showError(content, error);
  }
}

async function unansweredPage() {
  const body = el('section', { class: 'card' }, el('h2', {}, t('unanswered.heading')), el('p', { class: 'muted' }, t('unanswered.intro')));
  const table = el('div', { 'data-testid': 'groups' }, t('common.loading'));
  body.append(table);
  async function load() {
    try {
      const groups = await api(`/api/console/unanswered?region=${encodeURIComponent(state.region)}`);
      if (groups.length === 0) return table.replaceChildren(el('p', { class: 'muted' }, t('common.none')));
      table.replaceChildren(
        el(
          'table',
          {},
          el('thead', {}, el('tr', {}, ['examples', 'count', 'languages', 'weeks', 'offered', 'status'].map((key) => el('th', {}, t(`unanswered.${key}`))), el('th', {}, ''))),
          el(
            'tbody',
            {},
            groups.map((group) =>
              el(
                'tr',
                { 'data-group': group.key },
                el('td', {}, group.examples.map((text) => el('div', { dir: 'auto' }, text))),
                el('td', { class: 'count' }, group.count),
                el('td', {}, Object.entries(group.languages).map(([code, count]) => el('span', { class: 'tag' }, `${code} ${count}`))),
                el('td', {}, Object.entries(group.weeks).map(([week, count]) => el('span', { class: 'tag' }, `${week}: ${count}`))),
                el('td', {}, group.offered.map((page) => el('div', { dir: 'auto' }, `${page.title} (${page.count})`))),
                el('td', {}, t(`unanswered.${group.status}`)),
                el(
                  'td',
                  {},
                  el('div', { class: 'buttons' }, (group.status === 'open' ? [['content-added', 'markAdded'], ['ignored', 'markIgnored']] : [['open', 'reopen']]).map(([status, label]) =>
                    el('button', { type: 'button', class: 'secondary', onclick: async () => {
                      await api('/api/console/unanswered/status', { region: state.region, key: group.key, status });
                      void load();
                    } }, t(`unanswered.${label}`)),
                  )),
                ),
              ),
            ),
          ),
        ),
      );
    } catch (error) {
      showError(table, error);
    }
  }
  void load();
  return el('div', {}, body, suggestionsCard());
}

// ---------- Announcements ----------

function progressRow(progress) {
  const { announcement: a, counts } = progress;
  const percent = Math.round(progress.done * 100);
  const cancel = ['scheduled', 'running'].includes(a.state)
    ? el('button', { type: 'button', class: 'secondary', onclick: async () => {
        await api(`/api/console/announcements/${a.id}/cancel`, {});
        void renderPage();
      } }, t('announcements.cancel'))
    : null;
  return el(
    'tr',
    { 'data-announcement': a.id },
    el('td', {}, `#${a.id}`, el('br'), el('span', { class: 'muted' }, new Date(a.scheduledAt).toLocaleString())),
    el('td', {}, a.topic, el('br'), Object.keys(a.texts).map((code) => el('span', { class: 'tag' }, code))),
    el('td', { dir: 'auto' }, Object.values(a.texts)[0]?.slice(0, 120) ?? ''),
    el('td', {}, a.state),
    el(
      'td',
      {},
      el('div', { class: 'bar', role: 'progressbar', 'aria-valuenow': percent, 'aria-valuemin': 0, 'aria-valuemax': 100 }, el('span', { style: `width:${percent}%` })),
      el('span', { class: 'percent' }, `${percent} %`),
      ` · ${t('announcements.sent')} ${counts.sent} · ${t('announcements.failed')} ${counts.failed} · ${t('announcements.pending')} ${counts.pending + counts.sending} · ${t('announcements.skipped')} ${counts.skipped} · ${progress.rate.toFixed(1)} ${t('announcements.rate')}${progress.etaSeconds ? ` · ${t('announcements.eta')} ${progress.etaSeconds}s` : ''}`,
    ),
    el('td', {}, cancel),
  );
}

function announcementsPage() {
  const current = region();
  const topic = el('select', { id: 'topic' }, ['news', 'events', 'courses', 'emergencies'].map((name) => el('option', { value: name }, name)));
  const texts = current.languages.map((language) => ({ code: language.code, field: el('textarea', { 'data-language': language.code, dir: language.dir, lang: language.code }) }));
  const link = el('input', { id: 'link', type: 'url' });
  const at = el('input', { id: 'at', type: 'datetime-local' });
  const fallback = el('select', { id: 'fallback' }, el('option', { value: 'main' }, t('announcements.fallbackMain')), el('option', { value: 'none' }, t('announcements.fallbackNone')));
  const audience = el('div', { 'data-testid': 'audience' });
  const message = el('p', { role: 'status' });
  const collect = () => ({
    region: state.region,
    topic: topic.value,
    texts: Object.fromEntries(texts.filter(({ field }) => field.value.trim()).map(({ code, field }) => [code, field.value])),
    link: link.value || null,
    fallback: fallback.value,
    ...(at.value ? { scheduledAt: new Date(at.value).toISOString() } : {}),
  });
  async function preview() {
    try {
      const result = await api('/api/console/announcements/preview', collect());
      audience.replaceChildren(el('p', {}, el('strong', {}, `${t('announcements.audience')}: `), t('announcements.subscribers', { count: result.total })), el('ul', {}, result.languages.map((row) => el('li', {}, `${languageName(row.language)}: ${row.subscribers} — ${t(`announcements.gets.${row.gets}`)}`))));
    } catch (error) {
      showError(audience, error);
    }
  }
  const history = el('tbody', { 'data-testid': 'history' });
  async function refresh() {
    try {
      const list = (await api('/api/console/announcements')).filter((progress) => progress.announcement.region === state.region);
      history.replaceChildren(...list.map(progressRow));
      if (list.some((progress) => ['scheduled', 'running'].includes(progress.announcement.state))) state.timers.push(setTimeout(refresh, 1000));
    } catch (error) {
      showError(history, error);
    }
  }
  const form = el(
    'form',
    {
      id: 'announce-form',
      onsubmit: async (event) => {
        event.preventDefault();
        try {
          const { id } = await api('/api/console/announcements', collect());
          message.textContent = `#${id} ✓`;
          for (const { field } of texts) field.value = '';
          void refresh();
        } catch (error) {
          message.textContent = t('common.error', { message: error.message });
        }
      },
      oninput: () => {
        clearTimeout(state.previewTimer);
        state.previewTimer = setTimeout(preview, 300);
      },
    },
    el('label', {}, t('announcements.topic'), topic),
    texts.map(({ code, field }) => el('label', {}, t('announcements.text', { language: languageName(code) }), field)),
    el('label', {}, t('announcements.link'), link),
    el('label', {}, t('announcements.at'), at),
    el('label', {}, t('announcements.fallback'), fallback),
    audience,
    el('div', { class: 'buttons' }, el('button', { type: 'button', class: 'secondary', onclick: preview }, t('announcements.preview')), el('button', { type: 'submit' }, t('announcements.send'))),
    message,
  );
  void preview();
  void refresh();
  return el('div', {}, el('section', { class: 'card' }, el('h2', {}, t('announcements.compose')), form), el('section', { class: 'card' }, el('h2', {}, t('announcements.history')), el('table', {}, history)));
}

// ---------- Content ----------

async function contentPage() {
  const body = el('section', { class: 'card' }, el('h2', {}, t('content.heading')), el('p', {}, t('common.loading')));
  try {
    const regions = await api('/api/console/content');
    body.replaceChildren(el('h2', {}, t('content.heading')));
    for (const entry of regions.filter((item) => item.slug === state.region)) {
      const status = el('p', { role: 'status' });
      body.append(
        el('p', {}, `${t('content.source')}: ${entry.source.kind} (${entry.source.location}) · ${t('content.lastSync')}: ${new Date(entry.loadedAt).toLocaleString()}`),
        el(
          'table',
          {},
          el('thead', {}, el('tr', {}, ['languages', 'direction', 'pages', 'events', 'places', 'coverage'].map((key) => el('th', {}, t(`content.${key}`))))),
          el('tbody', {}, entry.languages.map((language) => el('tr', {}, el('td', { lang: language.code, dir: language.dir }, `${language.nativeName} (${language.code})`), el('td', {}, language.dir), el('td', {}, language.pages), el('td', {}, language.events), el('td', {}, language.places), el('td', {}, `${Math.round(language.coverage * 100)} %`)))),
        ),
        entry.syncable
          ? el('button', { type: 'button', onclick: async (event) => {
              event.target.disabled = true;
              status.textContent = t('content.syncing');
              try {
                const result = await api(`/api/console/content/${encodeURIComponent(entry.slug)}/sync`, {});
                status.textContent = `${t('content.synced')} (${result.outcome})`;
              } catch (error) {
                status.textContent = t('common.error', { message: error.message });
              }
              event.target.disabled = false;
            } }, t('content.sync'))
          : el('p', { class: 'muted' }, t('content.notIntegreat')),
        status,
        el('h3', {}, `${t('content.problems')} (${entry.problemCount})`),
        entry.problems.length === 0 ? el('p', { class: 'muted' }, t('common.none')) : el('ul', {}, entry.problems.map((problem) => el('li', {}, `${problem.item}: ${problem.reason}`))),
      );
    }
  } catch (error) {
    showError(body, error);
  }
  return body;
}

// ---------- Overview ----------

function chart(title, days, series) {
  const box = el('div', { class: 'chart' });
  const section = el('section', { class: 'card' }, el('h3', {}, title), box);
  requestAnimationFrame(() => {
    if (typeof uPlot === 'undefined' || days.length === 0) return box.append(el('p', { class: 'muted' }, t('common.none')));
    const x = days.map((day) => Date.parse(`${day}T12:00:00Z`) / 1000);
    // eslint-disable-next-line no-undef
    new uPlot({ width: Math.min(box.clientWidth || 600, 900), height: 220, series: [{}, ...series.map((entry) => ({ label: entry.label, stroke: entry.color, width: 2 }))] }, [x, ...series.map((entry) => entry.values)], box);
  });
  return section;
}

async function overviewPage() {
  const body = el('div', {}, el('p', {}, t('common.loading')));
  try {
    const data = await api(`/api/console/overview?region=${encodeURIComponent(state.region)}`);
    body.replaceChildren(
      el('h2', {}, t('overview.heading')),
      el(
        'div',
        { class: 'columns' },
        chart(t('overview.questions'), data.days.map((row) => row.day), [{ label: t('overview.questions'), color: '#1a5fb4', values: data.days.map((row) => row.questions) }]),
        chart(t('overview.answered'), data.days.map((row) => row.day), [{ label: '%', color: '#2f7d32', values: data.days.map((row) => Math.round((row.answered / Math.max(1, row.questions)) * 100)) }]),
        chart(t('overview.deliveries'), data.deliveries.map((row) => row.day), [{ label: t('overview.deliveries'), color: '#9141ac', values: data.deliveries.map((row) => row.sent) }]),
        el('section', { class: 'card' }, el('h3', {}, t('overview.topics')), el('ol', {}, data.pages.map((page) => el('li', { dir: 'auto' }, `${page.title} (${page.shown})`)))),
        el('section', { class: 'card' }, el('h3', {}, t('overview.languages')), el('ul', {}, data.languages.map((row) => el('li', {}, `${languageName(row.language)}: ${row.questions}`)))),
      ),
    );
  } catch (error) {
    showError(body, error);
  }
  return body;
}

// ---------- Shell ----------

const PAGES = { test: testPage, unanswered: unansweredPage, announcements: announcementsPage, content: contentPage, overview: overviewPage };

async function renderPage() {
  for (const timer of state.timers.splice(0)) clearTimeout(timer);
  const name = PAGES[location.hash.slice(1)] ? location.hash.slice(1) : 'test';
  for (const link of document.querySelectorAll('header nav a')) link.toggleAttribute('aria-current', link.dataset.page === name) && link.setAttribute('aria-current', 'page');
  app.replaceChildren(el('p', {}, t('common.loading')));
  app.replaceChildren(await PAGES[name]());
}

async function start() {
  state.me = await api('/api/console/me');
  document.getElementById('logout-csrf').value = state.me.csrfToken;
  if (state.me.regions.length === 0) return app.replaceChildren(el('p', {}, t('common.none')));
  state.region = sessionStorage.getItem('lotse-region') ?? state.me.regions[0].slug;
  if (!state.me.regions.some((entry) => entry.slug === state.region)) state.region = state.me.regions[0].slug;
  regionSelect.replaceChildren(...state.me.regions.map((entry) => el('option', { value: entry.slug, selected: entry.slug === state.region }, entry.name)));
  regionSelect.addEventListener('change', () => {
    state.region = regionSelect.value;
    sessionStorage.setItem('lotse-region', state.region);
    void renderPage();
  });
  window.addEventListener('hashchange', () => void renderPage());
  await renderPage();
}

start().catch((error) => showError(app, error));
