import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../src/content/snapshot.js';
import { BotTexts } from '../../src/core/i18n.js';
import { buttonsOf, demoRegion, setup, textOf } from './helpers.js';

describe('onboarding', () => {
  it('greets, shows the privacy notice with a link, and offers languages in native names, the region’s first', async () => {
    const { chat } = setup();
    const replies = await chat().command('start');
    expect(textOf(replies)).toContain('Musterstadt');
    expect(textOf(replies)).toContain('https://lotse.example/privacy?lang=de');
    const labels = buttonsOf(replies).map((button) => button.label);
    expect(labels.slice(0, 6)).toEqual(['Deutsch', 'English', 'العربية', 'فارسی', 'Українська', 'Türkçe']);
    expect(labels).toContain('Русский');
  });

  it('switches to the chosen language, which then rules', async () => {
    const { chat } = setup();
    const replies = await chat().press('lang:ar');
    expect(replies[0]!.language).toBe('ar');
    expect(replies[0]!.dir).toBe('rtl');
    const answer = await chat().text('Wo melde ich meine Wohnung an?');
    expect(answer[0]!.language).toBe('ar');
    expect(answer[0]!.blocks[0]).toEqual({ kind: 'title', text: expect.stringMatching(/[\u0600-\u06ff]/) });
  });

  it('asks for the region first when there are several', async () => {
    const other = parseSnapshot(
      { region: { slug: 'testdorf', name: 'Testdorf' }, languages: [{ code: 'de', name: 'Deutsch', direction: 'ltr' }], pages: [{ id: '1', language: 'de', title: 'Start', content_html: '<p>Hallo.</p>' }] },
      { kind: 'snapshot', location: 'test', fetchedAt: null },
    ).region;
    const { chat } = setup([demoRegion(), other]);
    const replies = await chat().command('start');
    expect(buttonsOf(replies).map((button) => button.payload)).toEqual(['region:musterstadt', 'region:testdorf']);
    const chosen = await chat().press('region:testdorf');
    expect(textOf(chosen)).toContain('Testdorf');
    expect(buttonsOf(chosen).map((button) => button.payload)).toContain('lang:de');
  });

  it('detects the language of a first question, limited to languages that can answer', async () => {
    const { chat } = setup();
    const replies = await chat('8', 'de').text('كيف يمكنني تسجيل عنواني في المدينة؟');
    expect(replies[0]!.language).toBe('ar');
    expect(replies[0]!.dir).toBe('rtl');
  });

  it('never lets detection override a chosen language', async () => {
    const { chat } = setup();
    await chat('9').press('lang:de');
    const replies = await chat('9').text('Where can I learn German in this town?');
    expect(replies[0]!.language).toBe('de');
  });

  it('uses the messenger’s language hint until the user chooses', async () => {
    const { chat } = setup();
    const replies = await chat('7', 'uk-UA').text('Де вивчити німецьку мову?');
    expect(replies[0]!.language).toBe('uk');
  });
});

describe('questions', () => {
  it('answers with the title, the sentences that answer, a link, "more" and 👍/👎', async () => {
    const { chat } = setup();
    await chat().press('lang:de');
    const replies = await chat().text('Wo melde ich meine Wohnung an?');
    const [reply] = replies;
    expect(reply!.blocks[0]).toEqual({ kind: 'title', text: expect.stringContaining('anmelden') });
    expect(reply!.blocks.filter((block) => block.kind === 'quote').length).toBeGreaterThanOrEqual(1);
    expect(reply!.blocks).toContainEqual({ kind: 'link', url: 'https://lotse.example/pages/musterstadt/de/registration%40de', label: expect.any(String) });
    const payloads = buttonsOf(replies).map((button) => button.payload);
    expect(payloads[0]).toBe('more');
    expect(payloads.slice(1, 3).map((value) => value.replace(/:[\w-]+$/, ''))).toEqual(['fb:up', 'fb:down']);
    for (const value of payloads) expect(Buffer.byteLength(value)).toBeLessThanOrEqual(64);
  });

  it('shows more results and opens one', async () => {
    const { chat } = setup();
    await chat().press('lang:de');
    await chat().text('Deutschkurs');
    const more = await chat().press('more');
    const hits = buttonsOf(more).filter((button) => button.payload.startsWith('hit:'));
    expect(hits.length).toBe(3);
    const opened = await chat().press(hits[0]!.payload);
    expect(opened[0]!.blocks[0]!.kind).toBe('title');
  });

  it('says honestly when nothing fits, offers the closest pages and a contact, and logs the question anonymously', async () => {
    const { chat, db } = setup();
    await chat().press('lang:de');
    const replies = await chat().text('Wie backe ich eine Pizza mit Ananas?');
    expect(textOf(replies)).toContain(new BotTexts().t('de')('answer.noGoodAnswer'));
    expect(replies[0]!.blocks.some((block) => block.kind === 'place')).toBe(true);
    const rows = db.prepare('SELECT * FROM question_log').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ region: 'musterstadt', language: 'de', text: 'Wie backe ich eine Pizza mit Ananas?', reason: 'unanswered' });
    expect(Object.keys(rows[0]!)).not.toContain('chat_id');
  });

  it('logs 👎 with the question but without the chat, once', async () => {
    const { chat, db } = setup();
    await chat().press('lang:de');
    const replies = await chat().text('Kindergeld beantragen');
    const down = buttonsOf(replies).find((button) => button.payload.startsWith('fb:down'))!;
    await chat().press(down.payload);
    await chat().press(down.payload);
    const rows = db.prepare("SELECT text, reason FROM question_log WHERE reason = 'not-helpful'").all();
    expect(rows).toEqual([{ text: 'Kindergeld beantragen', reason: 'not-helpful' }]);
  });

  it('never stores message texts next to a chat id', async () => {
    const { chat, db } = setup();
    await chat().press('lang:de');
    await chat().text('Ich suche eine Wohnung mit drei Zimmern');
    const stored = JSON.stringify(db.prepare('SELECT * FROM chats').all());
    expect(stored).not.toContain('Zimmern');
  });

  it('answers from the main language, and says so, when a page is missing in the user’s language', async () => {
    const region = demoRegion();
    const partial = { ...region, pages: region.pages.filter((page) => !(page.language === 'en' && page.id.startsWith('registration@'))) };
    for (const page of partial.pages) if (page.translations.en === 'registration@en') delete page.translations.en;
    const { chat } = setup([partial]);
    await chat().press('lang:en');
    const replies = await chat().text('Wohnsitz anmelden Meldebescheinigung');
    expect(textOf(replies)).toContain('not available in English');
  });
});

describe('emergencies', () => {
  it('answer at once with 112 and 110, before any search', async () => {
    const { chat } = setup();
    for (const text of ['Notfall!', 'emergency', 'طوارئ', 'call an ambulance please']) {
      const replies = await chat().text(text);
      expect(textOf(replies)).toContain('112');
      expect(textOf(replies)).toContain('110');
    }
  });
});

describe('emergencies by meaning', () => {
  it('recognises the kind of emergency in the user’s own words and links the page that fits', async () => {
    const { chat } = setup();
    const poisoning = await chat('p', 'ar').text('ابني بلع دوا كتير');
    expect(textOf(poisoning)).toContain('112');
    expect(textOf(poisoning)).toContain(new BotTexts().t('ar')('emergency.advice.poisoning'));
    expect(poisoning[0]!.blocks.find((block) => block.kind === 'link')).toMatchObject({ url: expect.stringContaining('poison-control') });
    const crisis = await chat('s', 'uk').text('не хочу більше жити');
    expect(textOf(crisis)).toContain('0800 111 0 111');
    const violence = await chat('v', 'en').text('my husband beats me and the kids');
    expect(textOf(violence)).toContain('116 016');
  });

  it('answers questions about emergency topics as questions', async () => {
    const { chat } = setup();
    for (const text of ['Erste-Hilfe-Kurs, wann ist der nächste?', 'emergency pharmacy opening hours', 'what do I have to say when I call 112']) {
      expect(textOf(await chat().text(text)), text).not.toContain('🚨');
    }
  });
});

describe('did you mean', () => {
  // A calibration that is never sure: every question with hits gets "did you mean".
  const unsure = { version: 1 as const, weights: { bias: 0 }, answerAt: 0.99, suggestAt: 0.01 };

  it('offers the best pages as choices and counts the choice taken, without the chat', async () => {
    const { chat, db } = setup([demoRegion()], { calibration: unsure });
    await chat().press('lang:de');
    const replies = await chat().text('Kindergeld beantragen');
    expect(textOf(replies)).toContain(new BotTexts().t('de')('answer.didYouMean'));
    const choices = buttonsOf(replies).filter((button) => button.payload.startsWith('pick:'));
    expect(choices.length).toBeGreaterThanOrEqual(2);
    expect(choices.length).toBeLessThanOrEqual(3);
    const opened = await chat().press(choices[1]!.payload);
    expect(opened[0]!.blocks[0]).toEqual({ kind: 'title', text: choices[1]!.label });
    expect(db.prepare('SELECT offered, chose_1, chose_2, chose_3 FROM daily_suggestions').all()).toEqual([{ offered: 1, chose_1: 0, chose_2: 1, chose_3: 0 }]);
    expect(Object.keys(db.prepare('SELECT * FROM daily_suggestions').get() as object)).not.toContain('chat_id');
  });
});

describe('languages without pages of their own', () => {
  it('answers from a language the user reads and says which', async () => {
    const sure = { version: 1 as const, weights: { bias: 0 }, answerAt: 0.01, suggestAt: 0.005 };
    const { chat } = setup([demoRegion()], { calibration: sure });
    const chosen = await chat().press('lang:pl');
    expect(textOf(chosen)).toContain(new BotTexts().t('pl')('settings.noPagesInLanguage', { region: 'Musterstadt', languages: 'English, Deutsch' }));
    const replies = await chat().text('Gdzie mogę się nauczyć niemieckiego?');
    expect(textOf(replies)).toContain(new BotTexts().t('pl')('answer.foundIn', { language: 'English' }));
    expect(['Free ways to learn German', 'Learning German']).toContain((replies[0]!.blocks[0] as { text: string }).text);
  });
});

describe('events and places', () => {
  it('answers natural questions about what is on, in every language', async () => {
    const { chat } = setup();
    const cases: [string, string, 'weekend' | 'today' | 'week'][] = [
      ['en', 'what events are on this weekend?', 'weekend'],
      ['ar', 'شو في فعاليات هالويكند', 'weekend'],
      ['uk', 'які заходи будуть на вихідних', 'weekend'],
      ['de', 'was ist heute los, gibt es veranstaltungen?', 'today'],
      ['tr', 'bu hafta hangi etkinlikler var', 'week'],
    ];
    const keys = { weekend: ['events.weekendTitle', 'events.noneWeekend'], today: ['events.todayTitle', 'events.noneToday'], week: ['events.title', 'events.none'] };
    for (const [language, text, window] of cases) {
      await chat(language).press(`lang:${language}`);
      const said = textOf(await chat(language).text(text));
      const t = new BotTexts().t(language);
      expect(keys[window].some((key) => said.includes(t(key))), `${language}: ${text}`).toBe(true);
    }
  });

  it('lists the events of the next 7 days, recurring ones expanded', async () => {
    const { chat } = setup();
    await chat().press('lang:de');
    const text = textOf(await chat().command('events'));
    expect(text).toContain('Welcome-Café');
    expect(text.match(/Hausaufgabenhilfe/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('lists this weekend’s events', async () => {
    const { chat } = setup();
    await chat().press('lang:en');
    const replies = await chat().press('events:weekend');
    expect(replies[0]!.blocks[0]!.kind === 'title' || textOf(replies).includes('no events')).toBe(true);
  });

  it('finds the nearest places of a category named before sharing the location', async () => {
    const { chat } = setup();
    await chat().press('lang:en');
    const answer = await chat().text('doctor');
    const nearby = buttonsOf(answer).find((button) => button.payload.startsWith('places:'));
    expect(nearby?.payload).toBe('places:health');
    const ask = await chat().press(nearby!.payload);
    expect(ask[0]!.requestLocation).toBeDefined();
    const replies = await chat().location(50.12, 8.66);
    const places = replies[0]!.blocks.filter((block) => block.kind === 'place');
    expect(places.length).toBeGreaterThan(0);
    expect(places[0]!.kind === 'place' && places[0]!.details[0]).toMatch(/m away|km away/);
  });
});

describe('subscriptions and deletion', () => {
  it('subscribes and unsubscribes topics', async () => {
    const { chat, db } = setup();
    await chat().press('lang:de');
    const choose = await chat().command('subscribe');
    expect(buttonsOf(choose).map((button) => button.payload)).toEqual(['sub:news', 'sub:events', 'sub:courses', 'sub:emergencies']);
    await chat().press('sub:events');
    expect(db.prepare('SELECT topics FROM chats').get()).toEqual({ topics: '["events"]' });
    await chat().press('unsub:events');
    expect(db.prepare('SELECT topics FROM chats').get()).toEqual({ topics: '[]' });
  });

  it('deletes everything about the chat after confirmation', async () => {
    const { chat, db } = setup();
    await chat().press('lang:de');
    await chat().press('sub:news');
    await chat().command('delete');
    expect(db.prepare('SELECT COUNT(*) AS n FROM chats').get()).toEqual({ n: 1 });
    db.prepare("INSERT INTO announcements (region, topic, texts, author, fallback, state, created_at, scheduled_at) VALUES ('musterstadt', 'news', '{}', 'a', 'none', 'done', '', '')").run();
    db.prepare("INSERT INTO deliveries (announcement_id, channel, chat_id, language, state, updated_at) VALUES (1, 'test', '42', 'de', 'sent', 0)").run();
    const done = await chat().press('del:yes');
    expect(textOf(done)).toContain('gelöscht');
    expect(db.prepare('SELECT COUNT(*) AS n FROM chats').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM deliveries').get()).toEqual({ n: 0 });
  });

  it('keeps everything when the user says no', async () => {
    const { chat, db } = setup();
    await chat().press('lang:de');
    await chat().press('del:no');
    expect(db.prepare('SELECT COUNT(*) AS n FROM chats').get()).toEqual({ n: 1 });
  });
});

describe('bad input', () => {
  it('gets a clear answer, never a crash', async () => {
    const { chat } = setup();
    const cases = [
      chat().text(''),
      chat().text('😀😀😀'),
      chat().text('x'.repeat(10_000)),
      chat().press('not a payload at all'),
      chat().press('hit:99'),
      chat().press('fb:down:unknown-token'),
      chat().press('lang:xx'),
      chat().send({ kind: 'unsupported' }),
      chat().command('nonsense'),
    ];
    for (const replies of await Promise.all(cases)) {
      expect(replies.length).toBeGreaterThan(0);
      expect(textOf(replies).length).toBeGreaterThan(0);
    }
  });
});
