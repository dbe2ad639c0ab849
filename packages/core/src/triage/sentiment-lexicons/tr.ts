import type { SentimentLexicon } from './lexicon.js';

/**
 * Turkish. Negation is a verb suffix ("çalışmıyor", "beğenmedim"), so such forms are entries of
 * their own, and "değil" negates the word before it ("iyi değil").
 */
export const tr: SentimentLexicon = {
  mode: 'words',
  negatesBackward: 'always',
  terms: {
    '3': `mükemmel*, harika*, muhteşem*, kusursuz*, şahane*, efsane*, bayıldım, çok beğendim, kesinlikle tavsiye ederim,
      5 yıldız, beş yıldız, süpersiniz, on numara`,
    '2': `güzel*, iyi, iyiydi, memnun*, beğendim, beğendik, tavsiye ederim, tavsiye ediyorum, kaliteli*, hızlı*, sağlam*,
      rahat*, kullanışlı*, şık*, teşekkür*, teşekkürler, sağol*, sorunsuz*, sorun yok, zamanında, açıklamadaki gibi,
      fotoğraftaki gibi, fiyat performans, uygun fiyat, değer, başarılı*, nazik*, ilgili, süper, harikaydı`,
    '1': `fena değil, idare eder, ucuz*, hafif*, yumuşak*, kolay*, geldi, ulaştı, teslim edildi, çalışıyor, çözüldü, olur`,
    '-1': `pahalı*, küçük*, koku*, garip*, tuhaf*, maalesef, keşke, karışık*, ortalama, iade, değişim, bekliyorum, ince`,
    '-2': `kötü*, kırık*, kırıldı, bozuk*, bozuldu, hasarlı*, çizik*, yırtık*, eksik*, yanlış*, hatalı*, gecikme*, geç geldi,
      geç kaldı, yavaş*, gelmedi, ulaşmadı, almadım, teslim edilmedi, çalışmıyor, çalışmadı, beğenmedim, beğenmedik,
      tavsiye etmiyorum, tavsiye etmem, pişman*, rahatsız*, sızdırıyor, paslı*, kirli*, leke*, tehlikeli*, işe yaramaz,
      cevap yok, cevap vermiyor, dönüş yok, kaba, kalitesiz*, düşük kalite, sorun*, problem*, hayal kırıklığı, vasat*,
      sıkıntı*, uymuyor, olmadı, defolu*`,
    '-3': `dolandırıcı*, dolandırıldım, sahtekar*, sahte*, çakma, rezalet*, berbat*, çöp, felaket*, iğrenç*, korkunç*,
      asla almayın, almayın, sakın almayın, paranıza yazık, para çöpe, 1 yıldız, bir yıldız, en kötü, kazık,
      kandırıldım, yalan*, skandal, rezil*`,
  },
  negators: 'değil, degil, yok, hiç, asla, hiçbir, olmadan',
  intensifiers: 'çok, gerçekten, son derece, aşırı, fazla, tam, cidden, en, bayağı, epey, inanılmaz, müthiş',
  diminishers: 'biraz, az, nispeten, oldukça',
  contrast: 'ama, fakat, ancak, lakin, yine de, ne var ki',
  anger: `dolandırıcı*, sahtekar*, rezalet*, rezil*, skandal, kazık, hırsız*, yazıklar olsun, utanç*, saçmalık, avukat,
    şikayet*, tüketici hakem, sinir*, kızgın*, öfke*, bıktım, yeter artık, lanet*`,
  anxiety: `endişe*, merak ediyorum, hala gelmedi, hâlâ gelmedi, hala, nerede, kargom nerede, siparişim nerede, bilgi yok,
    haber yok, kayboldu, kayıp, korkuyorum, umarım`,
  urgency: 'acil*, hemen, derhal, bir an önce, en kısa sürede, bugün içinde, yarına kadar, ivedi*, çabuk',
};
