"""Small original news pages in many languages, generated in memory for the encoding tests.

Each story is a headline and four paragraphs written only with characters that the
legacy encodings of its language can represent (no guillemets in KOI8-R, no
Arabic-Indic digits in ISO-8859-6, no wave dash in Shift_JIS, ...), so that every
byte version of a page holds exactly the same text as its UTF-8 original.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Story:
    lang: str
    home: str
    title: str
    paragraphs: tuple[str, ...]


STORIES: dict[str, Story] = {
    "ar": Story(
        "ar",
        "الرئيسية",
        "افتتاح مكتبة عامة جديدة في وسط مدينة الإسكندرية",
        (
            "افتتحت بلدية الإسكندرية صباح الأحد مكتبة عامة جديدة في حي محطة الرمل، بعد أعمال ترميم استمرت ثلاث سنوات. وتضم المكتبة أكثر من أربعين ألف كتاب باللغتين العربية والإنجليزية.",
            "وقال مدير المكتبة إن القاعة الرئيسية ستبقى مفتوحة حتى العاشرة مساء طوال أيام الأسبوع، وإن الدخول مجاني لجميع السكان. وأضاف أن قسما خاصا للأطفال سيفتح أبوابه الشهر المقبل.",
            "وشارك في حفل الافتتاح عدد من الكتاب والطلاب، وقرأ بعضهم مقاطع من أعمالهم أمام الجمهور. كما عرضت البلدية صورا قديمة للمبنى الذي بني في بداية القرن الماضي.",
            "وتأمل البلدية أن تجذب المكتبة الجديدة الشباب إلى القراءة، وتخطط لتنظيم ورش كتابة مجانية كل يوم سبت. ويمكن للزوار حجز قاعات الدراسة عبر الهاتف أو في مكتب الاستقبال.",
        ),
    ),
    "ko": Story(
        "ko",
        "홈",
        "부산 해운대에 밤늦게까지 여는 도서관 문 열어",
        (
            "부산 해운대구가 밤 열한 시까지 운영하는 공공 도서관을 새로 열었다. 구청은 직장인과 학생들이 퇴근 후에도 책을 읽을 수 있도록 운영 시간을 늘렸다고 밝혔다.",
            "새 도서관에는 약 삼만 권의 책과 함께 조용한 열람실 두 곳이 마련됐다. 어린이 자료실은 주말에만 문을 열며, 부모와 함께 오는 아이들을 위한 그림책 읽기 행사도 열린다.",
            "도서관 관계자는 개관 첫 주에만 이천 명이 넘는 시민이 방문했다고 말했다. 특히 저녁 시간대 열람실 좌석이 빠르게 찼다고 덧붙였다.",
            "구청은 이용자 의견을 모아 내년부터 다른 지역에도 비슷한 도서관을 만들 계획이다. 회원 가입은 신분증을 가지고 안내 데스크에서 하면 된다.",
        ),
    ),
    "ja": Story(
        "ja",
        "ホーム",
        "富山市で運転士のいない路面電車が試験走行を開始",
        (
            "富山市は十日、運転士が乗らない路面電車の試験走行を市内中心部で始めた。試験は来年三月まで続き、安全性や運行の正確さを確かめる。",
            "車両には前方を監視するカメラと障害物を検知するセンサーが取り付けられている。緊急時には遠隔の指令所から係員が車両を止めることができる。",
            "市の担当者は「人手不足が深刻になる中で、公共交通を守るための新しい方法を探りたい」と話した。試験期間中は係員が車内に同乗する。",
            "沿線の住民からは期待の声が上がる一方で、安全面を心配する意見もある。市は来月、住民向けの説明会を開く予定だ。",
        ),
    ),
    "zh-hans": Story(
        "zh",
        "首页",
        "云南咖啡豆今年产量创下新高",
        (
            "云南省农业部门本周公布的数据显示，今年全省咖啡豆产量比去年增加了百分之十二，创下历史新高。普洱和保山是主要产区。",
            "当地农民表示，近几年种植技术不断改进，许多农户开始采用更加精细的采摘和晾晒方法。咖啡豆的品质也因此明显提高。",
            "一位合作社负责人说，越来越多的国内咖啡店开始直接向农户采购，价格比过去更稳定。他希望更多年轻人能回到家乡种咖啡。",
            "专家提醒，气候变化和国际价格波动仍然是咖啡产业面临的主要风险。政府计划明年在产区建设新的加工中心。",
        ),
    ),
    "zh-hant": Story(
        "zh",
        "首頁",
        "台南老街修復工程完工 遊客明顯增加",
        (
            "台南市政府宣布，歷時兩年的老街修復工程已經全部完工。這條街上有三十多棟百年老屋，如今重新開放給民眾參觀。",
            "修復團隊盡量保留原有的木造結構和紅磚牆面，並請來老師傅修補屋頂的瓦片。許多店家也趁機重新裝修，販賣傳統小吃和手工藝品。",
            "市府觀光局表示，完工後第一個週末就吸引了超過一萬名遊客。不少人特地從北部南下，想看看老街的新面貌。",
            "部分居民擔心遊客太多會影響生活品質，市府承諾將加強交通管制，並在假日增加接駁公車的班次。",
        ),
    ),
    "ru": Story(
        "ru",
        "Главная",
        "В Казани открыли новый пешеходный мост через реку Казанку",
        (
            "В субботу в Казани открыли новый пешеходный мост, который соединил центр города с парком на другом берегу реки. Строительство моста длилось почти два года.",
            "Длина моста составляет около трехсот метров. Вечером на нем включается подсветка, а на смотровых площадках установлены скамейки для отдыха.",
            "По словам представителей мэрии, за первые выходные по мосту прошли более двадцати тысяч человек. Многие жители пришли с детьми и велосипедами.",
            "Власти города обещают, что следующим летом рядом с мостом появятся новые кафе и прокат лодок. Работы по благоустройству набережной продолжатся осенью.",
        ),
    ),
    "he": Story(
        "he",
        "ראשי",
        "קווי אוטובוס לילה חדשים יוצאים לדרך בבאר שבע",
        (
            "עיריית באר שבע הודיעה השבוע על הפעלת שלושה קווי אוטובוס חדשים שיפעלו בשעות הלילה. הקווים יחברו את האוניברסיטה, התחנה המרכזית והשכונות הצפוניות.",
            "לדברי העירייה, הקווים נועדו בעיקר לסטודנטים ולעובדי משמרות שחוזרים הביתה מאוחר. האוטובוסים יצאו כל חצי שעה עד שתיים לפנות בוקר.",
            "תושבים רבים בירכו על ההחלטה, אך חלקם ביקשו להוסיף תחנות גם בשכונות הדרומיות. העירייה אמרה שהיא בוחנת את הבקשה.",
            "הנסיעה בקווי הלילה תעלה כמו נסיעה רגילה, וניתן יהיה לשלם בכרטיס הנסיעה או באפליקציה. ההפעלה הניסיונית תימשך שישה חודשים.",
        ),
    ),
    "fr": Story(
        "fr",
        "Accueil",
        "Lyon plante des arbres pour rafraîchir ses rues cet été",
        (
            "La métropole de Lyon a lancé lundi un vaste programme de plantation d'arbres dans les quartiers les plus exposés à la chaleur. Près de trois mille arbres seront plantés d'ici la fin de l'année prochaine.",
            "Selon les services municipaux, certaines rues du cœur de la ville dépassent régulièrement quarante degrés en été. L'ombre des arbres peut faire baisser la température ressentie de plusieurs degrés.",
            "Les habitants sont invités à choisir les essences lors de réunions de quartier. « Nous voulons des arbres qui résistent à la sécheresse », explique une élue chargée de l'écologie.",
            "Le projet coûtera environ 12 M€, financés en partie par l'État. Les premiers chantiers commenceront dès le mois d'octobre.",
        ),
    ),
    "de": Story(
        "de",
        "Startseite",
        "Elektrische Fähre auf dem Bodensee nimmt den Betrieb auf",
        (
            "Auf dem Bodensee fährt seit Montag die erste vollelektrische Autofähre zwischen Konstanz und Meersburg. Das Schiff kann bis zu sechzig Autos und siebenhundert Fahrgäste befördern.",
            "Die Batterien werden während der kurzen Liegezeiten an beiden Ufern geladen. Nach Angaben der Stadtwerke spart die Fähre jährlich mehrere tausend Tonnen Kohlendioxid.",
            "Viele Pendler begrüßten die leise Überfahrt. „Man hört nur noch das Wasser“, sagte eine Fahrgästin, die täglich zur Arbeit übersetzt.",
            "Bis Ende nächsten Jahres sollen zwei weitere Fähren umgerüstet werden. Die Kosten von rund 20 Mio. € tragen Bund und Land gemeinsam.",
        ),
    ),
    "tr": Story(
        "tr",
        "Ana Sayfa",
        "İzmir Körfezi'nde elektrikli vapur seferleri başladı",
        (
            "İzmir Büyükşehir Belediyesi, körfezde tamamen elektrikle çalışan ilk yolcu vapurunu hizmete açtı. Vapur, Karşıyaka ile Konak arasında günde on iki sefer yapacak.",
            "Belediye yetkilileri, yeni geminin yılda yüzlerce ton yakıt tasarrufu sağlayacağını söyledi. Geminin bataryaları iskelelerde kurulan şarj istasyonlarında dolduruluyor.",
            "İlk seferde yolculuk eden vatandaşlar, motor sesinin neredeyse hiç duyulmadığını belirtti. Bir öğrenci, sabahları daha sakin bir yolculuk yaptığını anlattı.",
            "Belediye, önümüzdeki iki yıl içinde filodaki diğer vapurların da elektrikliye dönüştürülmesini planlıyor. Projenin maliyeti henüz açıklanmadı.",
        ),
    ),
    "th": Story(
        "th",
        "หน้าแรก",
        "เชียงใหม่เปิดเส้นทางจักรยานใหม่รอบคูเมือง",
        (
            "เทศบาลนครเชียงใหม่เปิดเส้นทางจักรยานสายใหม่ความยาวหกกิโลเมตรรอบคูเมืองเก่าเมื่อวันเสาร์ที่ผ่านมา เส้นทางนี้แยกออกจากถนนสำหรับรถยนต์อย่างชัดเจน",
            "เจ้าหน้าที่เทศบาลกล่าวว่าโครงการนี้มีเป้าหมายเพื่อลดการใช้รถยนต์และฝุ่นควันในเมือง ประชาชนสามารถเช่าจักรยานได้ที่จุดบริการสิบแห่ง",
            "นักท่องเที่ยวหลายคนบอกว่าการปั่นจักรยานรอบคูเมืองเป็นวิธีที่ดีในการชมวัดและกำแพงเมืองเก่า ส่วนชาวบ้านบางคนยังกังวลเรื่องที่จอดรถ",
            "เทศบาลวางแผนจะขยายเส้นทางไปยังมหาวิทยาลัยและตลาดใหญ่ภายในปีหน้า พร้อมติดตั้งไฟส่องสว่างตลอดเส้นทาง",
        ),
    ),
    "vi": Story(
        "vi",
        "Trang chủ",
        "Thành phố Hồ Chí Minh mở thêm tuyến buýt đường sông mới",
        (
            "Sở Giao thông vận tải Thành phố Hồ Chí Minh vừa đưa vào hoạt động tuyến buýt đường sông thứ hai, nối quận Một với thành phố Thủ Đức. Mỗi ngày tuyến có mười hai chuyến khởi hành.",
            "Tàu có sức chứa khoảng tám mươi hành khách, được trang bị máy lạnh và áo phao cho mọi người. Giá vé được giữ ở mức thấp để khuyến khích người dân sử dụng.",
            "Nhiều hành khách cho biết đi tàu giúp họ tránh được cảnh kẹt xe vào giờ cao điểm. Một nhân viên văn phòng nói rằng chị tiết kiệm được gần nửa tiếng mỗi sáng.",
            "Thành phố dự kiến sẽ mở thêm ba tuyến nữa trong hai năm tới, đồng thời cải tạo các bến tàu dọc sông Sài Gòn.",
        ),
    ),
}

# The legacy encodings each story is saved in (Python codec names).
LEGACY: dict[str, tuple[str, ...]] = {
    "ar": ("windows-1256", "iso-8859-6"),
    "ko": ("euc-kr", "cp949"),
    "ja": ("shift_jis", "euc-jp"),
    "zh-hans": ("gb18030",),
    "zh-hant": ("big5",),
    "ru": ("koi8-r", "windows-1251"),
    "he": ("windows-1255",),
    "fr": ("windows-1252",),
    "de": ("windows-1252",),
    "tr": ("windows-1254",),
    "th": ("windows-874",),
    "vi": ("windows-1258",),
}
# Python knows windows-874 as cp874 only.
CODEC = {"windows-874": "cp874"}


def html_page(key: str, charset: str | None) -> str:
    """The story as an HTML page, declaring ``charset`` in a <meta> (or nothing when None)."""
    story = STORIES[key]
    meta = f'<meta charset="{charset}">' if charset else ""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in story.paragraphs)
    return (
        f'<!DOCTYPE html>\n<html lang="{story.lang}">\n<head>{meta}<title>{story.title}</title></head>\n<body>\n'
        f'<nav><a href="/">{story.home}</a></nav>\n<article>\n<h1>{story.title}</h1>\n{paragraphs}\n</article>\n'
        "</body>\n</html>\n"
    )


def text_page(key: str) -> str:
    """The story as a plain-text dump."""
    story = STORIES[key]
    return "\n\n".join((story.home, story.title, *story.paragraphs)) + "\n"


def encode(text: str, encoding: str) -> bytes:
    """``text`` in ``encoding``; windows-1258 keeps Vietnamese tone marks as combining characters."""
    codec = CODEC.get(encoding, encoding)
    if codec.replace("-", "").lower() == "windows1258":
        return _encode_cp1258(text)
    return text.encode(codec)


def _encode_cp1258(text: str) -> bytes:
    # windows-1258 has precomposed vowels (â ê ô ă ơ ư) but tone marks only as combining
    # characters: try each character precomposed, else split off its tone mark.
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = [c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323"]
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        out += (base + "".join(tones)).encode("cp1258")
    return bytes(out)
