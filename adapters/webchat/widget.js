/* Lotse web chat widget. Embed with:
 *   <script src="https://lotse.example/webchat.js" data-region="musterstadt" data-lang="de" async></script>
 * Talks only to the Lotse server it was loaded from; no cookies (a random id in localStorage);
 * everything it shows is set as text. */
(() => {
  const script = document.currentScript;
  if (!script) return;
  const server = new URL(script.src).origin;
  const region = script.dataset.region || '';
  const storage = (() => {
    try {
      return window.localStorage;
    } catch {
      return null;
    }
  })();
  let clientId = storage?.getItem('lotse-webchat-id');
  if (!clientId || !/^[\w-]{16,64}$/.test(clientId)) {
    const bytes = crypto.getRandomValues(new Uint8Array(18));
    clientId = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    storage?.setItem('lotse-webchat-id', clientId);
  }
  let language = storage?.getItem('lotse-webchat-lang') || script.dataset.lang || (navigator.language || 'de').slice(0, 2);
  let config = null;

  const host = document.createElement('div');
  host.setAttribute('data-lotse-webchat', '');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>
    :host { all: initial; }
    * { box-sizing: border-box; font: 15px/1.45 system-ui, sans-serif; }
    .open { position: fixed; right: 1rem; bottom: 1rem; width: 3.5rem; height: 3.5rem; border-radius: 50%; border: 0; background: #1a5fb4; color: #fff; font-size: 1.6rem; cursor: pointer; box-shadow: 0 2px 8px #0004; z-index: 2147483000; }
    .panel { position: fixed; right: 1rem; bottom: 5rem; width: min(24rem, calc(100vw - 2rem)); height: min(34rem, calc(100vh - 7rem)); display: none; flex-direction: column; background: #fff; color: #1d2433; border-radius: 12px; box-shadow: 0 4px 24px #0005; overflow: hidden; z-index: 2147483000; }
    .panel.shown { display: flex; }
    header { display: flex; gap: .5rem; align-items: center; padding: .5rem .75rem; background: #1a5fb4; color: #fff; }
    header strong { flex: 1; }
    header select, header button { border: 0; border-radius: 6px; padding: .2rem .4rem; }
    .log { flex: 1; overflow-y: auto; padding: .6rem; background: #e8eef6; }
    .bubble { background: #fff; border-radius: 10px; padding: .5rem .7rem; margin: .35rem 0; white-space: pre-line; overflow-wrap: anywhere; }
    .bubble.user { background: #d9fdd3; margin-inline-start: 2.5rem; }
    .bubble blockquote { margin: .3rem 0; padding-inline-start: .5rem; border-inline-start: 3px solid #1a5fb4; }
    .note { color: #5b6478; font-style: italic; }
    .buttons { display: flex; flex-wrap: wrap; gap: .3rem; margin-top: .3rem; }
    .buttons button { border: 1px solid #1a5fb4; background: #fff; color: #1a5fb4; border-radius: 6px; padding: .2rem .5rem; cursor: pointer; }
    form { display: flex; gap: .4rem; padding: .5rem; border-top: 1px solid #d8dde6; }
    form input { flex: 1; padding: .45rem; border: 1px solid #d8dde6; border-radius: 6px; }
    form button { border: 0; background: #1a5fb4; color: #fff; border-radius: 6px; padding: .45rem .8rem; cursor: pointer; }
  </style>
  <button class="open" type="button" aria-label="Chat" aria-expanded="false">💬</button>
  <section class="panel" role="dialog" aria-label="Lotse">
    <header><strong class="title">Lotse</strong><select class="language" aria-label="Language"></select><button class="close" type="button" aria-label="Close">✕</button></header>
    <div class="log" aria-live="polite"></div>
    <form><input class="input" autocomplete="off" aria-label="Message" dir="auto"><button type="submit">➤</button></form>
  </section>`;

  const $ = (selector) => root.querySelector(selector);
  const panel = $('.panel');
  const log = $('.log');
  const input = $('.input');
  const select = $('.language');

  function el(tag, text, attributes = {}) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  }

  function render(reply) {
    const bubble = el('div', null, { class: 'bubble', dir: reply.dir, lang: reply.language });
    for (const block of reply.blocks) {
      if (block.kind === 'title') bubble.append(el('strong', block.text), el('br'));
      else if (block.kind === 'quote') bubble.append(el('blockquote', block.text));
      else if (block.kind === 'note') bubble.append(el('div', block.text, { class: 'note' }));
      else if (block.kind === 'link' && /^(https?:|tel:|mailto:)/i.test(block.url)) bubble.append(el('a', block.label, { href: block.url, target: '_blank', rel: 'noopener noreferrer' }), el('br'));
      else if (block.kind === 'list') {
        const list = el('ul');
        for (const item of block.items) list.append(el('li', item));
        bubble.append(list);
      } else if (block.kind === 'place') bubble.append(el('div', ['📍 ' + block.title, block.address, ...block.details].join('\n')));
      else if (block.text) bubble.append(el('div', block.text));
    }
    const buttons = (reply.buttons || []).flat();
    if (buttons.length > 0 || reply.requestLocation) {
      const row = el('div', null, { class: 'buttons' });
      for (const button of buttons) {
        const node = el('button', button.label, { type: 'button' });
        node.addEventListener('click', () => send({ payload: button.payload }));
        row.append(node);
      }
      if (reply.requestLocation) {
        const node = el('button', reply.requestLocation, { type: 'button' });
        node.addEventListener('click', () => navigator.geolocation && navigator.geolocation.getCurrentPosition((position) => send({ location: { lat: position.coords.latitude, lon: position.coords.longitude } })));
        row.append(node);
      }
      bubble.append(row);
    }
    log.append(bubble);
    log.scrollTop = log.scrollHeight;
  }

  async function call(path, body) {
    const response = await fetch(server + path, body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {});
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  }

  async function send(message) {
    try {
      const { replies } = await call('/webchat/api/message', { clientId, language, ...message });
      replies.forEach(render);
    } catch {
      log.append(el('div', '⚠︎', { class: 'bubble note' }));
    }
  }

  async function inbox() {
    try {
      const { replies } = await call(`/webchat/api/inbox?clientId=${encodeURIComponent(clientId)}`);
      replies.forEach(render);
    } catch {
      /* offline: try again later */
    }
  }

  function applyLanguage() {
    const info = config && config.languages.find((entry) => entry.code === language);
    panel.setAttribute('dir', info ? info.dir : 'ltr');
    panel.setAttribute('lang', language);
  }

  async function open() {
    panel.classList.add('shown');
    $('.open').setAttribute('aria-expanded', 'true');
    if (config === null) {
      config = await call(`/webchat/api/config?region=${encodeURIComponent(region)}`);
      $('.title').textContent = config.name;
      for (const entry of config.languages) select.append(el('option', entry.nativeName, { value: entry.code, lang: entry.code }));
      if (!config.languages.some((entry) => entry.code === language)) language = config.defaultLanguage;
      select.value = language;
      applyLanguage();
      if (!storage?.getItem('lotse-webchat-started')) {
        await send({ payload: `region:${config.region}` });
        await send({ payload: `lang:${language}` });
        storage?.setItem('lotse-webchat-started', '1');
      }
      await inbox();
    }
    input.focus();
  }

  $('.open').addEventListener('click', () => (panel.classList.contains('shown') ? (panel.classList.remove('shown'), $('.open').setAttribute('aria-expanded', 'false')) : open()));
  $('.close').addEventListener('click', () => panel.classList.remove('shown'));
  select.addEventListener('change', () => {
    language = select.value;
    storage?.setItem('lotse-webchat-lang', language);
    applyLanguage();
    send({ payload: `lang:${language}` });
  });
  $('form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    log.append(el('div', text, { class: 'bubble user', dir: 'auto' }));
    input.value = '';
    send({ text });
  });
  setInterval(() => panel.classList.contains('shown') && inbox(), 30_000);
})();
