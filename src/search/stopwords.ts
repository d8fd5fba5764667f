import { stopwords as arabic } from '@orama/stopwords/arabic';
import { stopwords as english } from '@orama/stopwords/english';
import { stopwords as french } from '@orama/stopwords/french';
import { stopwords as german } from '@orama/stopwords/german';
import { stopwords as russian } from '@orama/stopwords/russian';
import { readFileSync } from 'node:fs';
import { resolvePackagePath } from '../paths.js';
import { normaliseText, splitWords } from './normalise.js';

/**
 * Stop words per language: function words plus the question words people start questions with
 * ("wo kann ich…", "how do I…", "كيف يمكنني…"). The @orama lists are used where they are clean;
 * Ukrainian, Turkish, Persian, Polish and Romanian lists are ours (the packaged ones are broken
 * or missing).
 */

const QUESTION_WORDS: Record<string, string> = {
  de: `wie wo wohin woher was wann warum wieso weshalb wer wen wem wessen welche welcher welches welchen welchem
    kann könnte kannst können muss musst müssen soll sollte darf dürfen gibt gibt's es bitte ich mir mich mein meine meinen
    meinem meiner brauche braucht bekomme bekommt man hallo hi danke frage jemand etwas gerne möchte möchten will würde
    habe hat haben bin ist sind sein wird werden wurde kein keine eigentlich genau viel viele`,
  en: `how where what when why who whom which whose can could do does did i me my need want would should must please
    get there is are am hello hi thanks question anyone somebody someone`,
  fr: `comment où quand pourquoi qui quoi quel quelle quels quelles est-ce puis peux peut pouvons dois doit faut
    je me mon ma mes bonjour merci besoin veux voudrais`,
  ar: `كيف اين أين متى لماذا ماذا ما من هل يمكنني يمكن ممكن أستطيع استطيع اريد أريد احتاج أحتاج عندي لدي انا أنا
    على الى إلى في عن مع هو هي هذا هذه ذلك تلك التي الذي او أو و ثم لو اذا إذا شكرا مرحبا سلام فيه فيها منه منها
    لي لك له لها نحن انت أنت يجب علي عليه احصل أحصل اجد أجد نحصل يحصل`,
  fa: `چطور چگونه کجا چه چی کی چرا آیا کدام من تو او ما شما آنها این آن را از به با در برای که و یا هم است هست
    هستم هستند بود باید می میخواهم میخوام خواهم میتوانم میتونم توانم کنم کند کرد شود شد ها های یک سلام ممنون
    لطفا دارم داره دارد نیاز`,
  uk: `як де коли чому що хто який яка яке які чий куди звідки чи можна можу можете треба потрібно потрібен потрібна
    мені мене мій моя моє мої я ти ви ми він вона воно вони це цей ця ці той та ті в у на з із до від для про по за
    під над при і й та а але або якщо щоб бо же ж не ні є був була було були буде будь ласка привіт дякую`,
  ru: `как где когда почему что кто какой какая какое какие куда откуда можно могу нужно надо мне меня мой моя
    пожалуйста привет спасибо здравствуйте`,
  tr: `nasıl nerede nereden nereye ne neden niçin kim hangi kaç mı mi mu mü mısın misin mıyım miyim ben sen o biz siz
    onlar bu şu bir ve veya ile için de da ki ama fakat eğer gibi kadar daha çok en benim bana beni var yok lazım
    gerek gerekiyor istiyorum alabilirim yapabilirim merhaba teşekkürler lütfen acaba`,
  pl: `jak gdzie kiedy dlaczego co kto który która które czy mogę można muszę trzeba potrzebuję ja mi mnie mój moja
    ty on ona ono my wy oni to ten ta te w we na z ze do od dla o po za pod nad przy i a ale lub albo jeśli że nie
    jest są być proszę dzień dobry dziękuję się`,
  ro: `cum unde când de ce cine ce care pot poate trebuie am eu mi mă meu mea tu el ea noi voi ei este sunt
    în la pe cu din pentru de despre și sau dar dacă că nu un o bună mulțumesc vă rog se`,
};

const PACKAGED: Record<string, readonly string[]> = { de: german, en: english, fr: french, ru: russian, ar: arabic };

/** Question frames in colloquial and dialect forms (`frames.json`): "what should I do", "بدي", "میتونم". */
let frames: Record<string, string[]> | undefined;
function frameWords(code: string): string[] {
  frames ??= (JSON.parse(readFileSync(resolvePackagePath('src/search/frames.json'), 'utf8')) as { languages: Record<string, string[]> }).languages;
  return frames[code] ?? [];
}

const cache = new Map<string, Set<string>>();

/** Stop words of a language, normalised like index terms (before stemming). */
export function stopwordsFor(language: string): Set<string> {
  const code = language.split('-')[0]!;
  let set = cache.get(code);
  if (set === undefined) {
    const words = [...(PACKAGED[code] ?? []), ...splitWords(QUESTION_WORDS[code] ?? ''), ...frameWords(code)];
    set = new Set(words.flatMap((word) => splitWords(normaliseText(word, code))));
    cache.set(code, set);
  }
  return set;
}
