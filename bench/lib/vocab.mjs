// Word lists for the synthetic policy workspace. Everything here is written for the benchmark: names are
// assembled from common Vietnamese name parts, and the English and Vietnamese phrases are generic.

export const SURNAMES = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô',
  'Dương', 'Lý', 'Đinh', 'Trịnh', 'Lương', 'Mai', 'Đào', 'Tạ', 'Lưu', 'Cao', 'Tô', 'Hà', 'Chu', 'Kiều',
  'Thái', 'Vương', 'Quách', 'Triệu', 'Tăng', 'Lâm', 'Phùng', 'Đoàn', 'Khổng', 'Văn', 'Nghiêm', 'La',
];

export const MIDDLE_NAMES = [
  'Văn', 'Thị', 'Minh', 'Mạnh', 'Đức', 'Hữu', 'Quang', 'Thanh', 'Xuân', 'Hoài', 'Ngọc', 'Hồng', 'Thế',
  'Công', 'Bá', 'Đình', 'Trọng', 'Kim', 'Tuấn', 'Anh', 'Quốc', 'Gia', 'Hải', 'Thu', 'Phú', 'Khắc', 'Việt',
  'Trung', 'Huy', 'Tiến', 'Duy', 'Chí', 'Thành', 'Như', 'Bảo', 'Diệu', 'Mỹ', 'Phương', 'Lệ', 'Thúy',
];

export const GIVEN_NAMES = [
  'Cường', 'Lâm', 'Chính', 'Trung', 'Hùng', 'Dũng', 'Hải', 'Sơn', 'Tuấn', 'Hà', 'Lan', 'Hương', 'Phúc',
  'Bình', 'Long', 'Thắng', 'Nam', 'Việt', 'Quân', 'Khoa', 'Tâm', 'Thành', 'Huệ', 'Mai', 'Thảo', 'Ngân',
  'Hiếu', 'Đạt', 'Phong', 'Tùng', 'Vinh', 'Vượng', 'Lộc', 'Toàn', 'Hưng', 'Nghĩa', 'Quyết', 'Chiến', 'Thủy',
  'Yến', 'Nhung', 'Linh', 'Trang', 'Hòa', 'An', 'Khánh', 'Đông', 'Tú', 'Hạnh', 'Kiên', 'Sáng', 'Mẫn',
  'Thưởng', 'Diệp', 'Ánh', 'Thuận', 'Tín', 'Hậu', 'Phước', 'Quý', 'Lực', 'Định', 'Đức', 'Hoan', 'Giang',
  'Hiền', 'Hồng', 'Khải', 'Liêm', 'Minh', 'Ninh', 'Oanh', 'Phát', 'Quang', 'Sang', 'Tài', 'Uyên', 'Vân',
  'Xuân', 'Ý', 'Bảo', 'Cúc', 'Duyên', 'Điệp', 'Gấm', 'Huyền', 'Kha', 'Luận', 'Mừng', 'Nhân', 'Phụng',
  'Quế', 'Sinh', 'Thịnh', 'Trí', 'Tường', 'Vĩnh', 'Yên', 'Đào', 'Hiệp',
];

/** Ministries: English name, Vietnamese name, document issuer code. */
export const MINISTRIES = [
  ['Foreign Affairs', 'Ngoại giao', 'BNG'],
  ['Finance', 'Tài chính', 'BTC'],
  ['Industry and Trade', 'Công Thương', 'BCT'],
  ['Public Security', 'Công an', 'BCA'],
  ['National Defence', 'Quốc phòng', 'BQP'],
  ['Justice', 'Tư pháp', 'BTP'],
  ['Home Affairs', 'Nội vụ', 'BNV'],
  ['Education and Training', 'Giáo dục và Đào tạo', 'BGDDT'],
  ['Health', 'Y tế', 'BYT'],
  ['Science and Technology', 'Khoa học và Công nghệ', 'BKHCN'],
  ['Construction', 'Xây dựng', 'BXD'],
  ['Agriculture and Environment', 'Nông nghiệp và Môi trường', 'BNNMT'],
  ['Culture, Sports and Tourism', 'Văn hóa, Thể thao và Du lịch', 'BVHTTDL'],
  ['Ethnic and Religious Affairs', 'Dân tộc và Tôn giáo', 'BDTTG'],
];

/** Countries: English (as used after "to" or "with"), Vietnamese. */
export const COUNTRIES = [
  ['Japan', 'Nhật Bản'], ['China', 'Trung Quốc'], ['the United States', 'Hoa Kỳ'], ['France', 'Pháp'],
  ['Germany', 'Đức'], ['India', 'Ấn Độ'], ['Australia', 'Australia'], ['Singapore', 'Singapore'],
  ['Laos', 'Lào'], ['Cambodia', 'Campuchia'], ['Thailand', 'Thái Lan'], ['Indonesia', 'Indonesia'],
  ['Malaysia', 'Malaysia'], ['the Philippines', 'Philippines'], ['the Republic of Korea', 'Hàn Quốc'],
  ['Russia', 'Nga'], ['the United Kingdom', 'Vương quốc Anh'], ['Italy', 'Italy'], ['Canada', 'Canada'],
  ['Brazil', 'Brazil'], ['New Zealand', 'New Zealand'], ['Switzerland', 'Thụy Sĩ'], ['the Netherlands', 'Hà Lan'],
  ['Belgium', 'Bỉ'], ['Spain', 'Tây Ban Nha'], ['Sweden', 'Thụy Điển'], ['Norway', 'Na Uy'], ['Finland', 'Phần Lan'],
  ['Poland', 'Ba Lan'], ['Hungary', 'Hungary'], ['Czechia', 'Séc'], ['Cuba', 'Cuba'], ['Mexico', 'Mexico'],
  ['Chile', 'Chile'], ['Argentina', 'Argentina'], ['Egypt', 'Ai Cập'], ['South Africa', 'Nam Phi'],
  ['Nigeria', 'Nigeria'], ['Saudi Arabia', 'Ả Rập Xê Út'], ['Qatar', 'Qatar'], ['Türkiye', 'Thổ Nhĩ Kỳ'],
  ['Kazakhstan', 'Kazakhstan'], ['Mongolia', 'Mông Cổ'], ['Myanmar', 'Myanmar'], ['Brunei', 'Brunei'],
  ['Timor-Leste', 'Timor-Leste'], ['Bangladesh', 'Bangladesh'], ['Pakistan', 'Pakistan'], ['Sri Lanka', 'Sri Lanka'],
  ['Austria', 'Áo'], ['Denmark', 'Đan Mạch'], ['Ireland', 'Ireland'], ['Portugal', 'Bồ Đào Nha'], ['Greece', 'Hy Lạp'],
];

/** Provinces and cities: Vietnamese name (the English text writes them with or without diacritics). */
export const PROVINCES = [
  'Hà Nội', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế', 'Quảng Ninh', 'Nghệ An', 'Thanh Hóa', 'Khánh Hòa',
  'Lâm Đồng', 'Đồng Nai', 'Bắc Ninh', 'Quảng Ngãi', 'Gia Lai', 'Đắk Lắk', 'Lào Cai', 'Điện Biên', 'Lai Châu',
  'Sơn La', 'Cao Bằng', 'Lạng Sơn', 'Tuyên Quang', 'Thái Nguyên', 'Phú Thọ', 'Hưng Yên', 'Ninh Bình',
  'Hà Tĩnh', 'Quảng Trị', 'Tây Ninh', 'Đồng Tháp', 'Vĩnh Long', 'An Giang', 'Cà Mau',
];

/** Localities for ports, zones, border gates and roads. */
export const LOCALITIES = [
  'Cái Mép', 'Thị Vải', 'Vân Phong', 'Móng Cái', 'Hữu Nghị', 'Lao Bảo', 'Mộc Bài', 'Long Thành', 'Nội Bài',
  'Tân Sơn Nhất', 'Chân Mây', 'Dung Quất', 'Nghi Sơn', 'Vũng Áng', 'Lạch Huyện', 'Đình Vũ', 'Cam Ranh',
  'Phú Quốc', 'Côn Đảo', 'Cát Bà', 'Hạ Long', 'Vân Đồn', 'Hòa Lạc', 'Chu Lai', 'Liên Chiểu', 'Tiên Sa',
  'Bờ Y', 'Cầu Treo', 'Nậm Cắn', 'Tây Trang', 'Thanh Thủy', 'Tà Lùng', 'Trà Lĩnh', 'Hoành Mô', 'Bắc Phong Sinh',
  'Xa Mát', 'Tịnh Biên', 'Vĩnh Xương', 'Hà Tiên', 'Đồng Đăng', 'Chi Ma', 'Cốc Nam', 'Na Mèo', 'Lệ Thanh',
  'Đức Cơ', 'Bu Prăng', 'Hoa Lư', 'Hoàng Diệu', 'Mỹ Thủy', 'Sơn Dương', 'Trần Đề', 'Nam Đình Vũ', 'Ninh Phúc',
  'Kỳ Hà', 'Sa Kỳ', 'Quy Nhơn', 'Nhơn Hội', 'Bãi Gốc', 'Đông Hồi', 'Cửa Lò', 'Thuận An', 'Mỹ Tho', 'Cao Lãnh',
];

export const PLACE_FEATURES = [
  'Port', 'Deep-water Port', 'Economic Zone', 'Border Gate', 'International Airport', 'Industrial Park',
  'Free Trade Zone', 'Logistics Centre', 'Hi-tech Park', 'Marine Protected Area',
];

/** English modifier, Vietnamese modifier (placed after the noun in Vietnamese). */
export const TERM_MODIFIERS = [
  ['strategic', 'chiến lược'], ['comprehensive', 'toàn diện'], ['green', 'xanh'], ['digital', 'số'],
  ['maritime', 'biển'], ['sustainable', 'bền vững'], ['inclusive', 'bao trùm'], ['multilateral', 'đa phương'],
  ['bilateral', 'song phương'], ['regional', 'khu vực'], ['economic', 'kinh tế'], ['cultural', 'văn hóa'],
  ['defence', 'quốc phòng'], ['scientific', 'khoa học'], ['innovation', 'đổi mới sáng tạo'], ['climate', 'khí hậu'],
  ['energy', 'năng lượng'], ['food', 'lương thực'], ['proactive', 'chủ động'], ['independent', 'độc lập'],
  ['self-reliant', 'tự cường'], ['transparent', 'minh bạch'], ['circular', 'tuần hoàn'], ['low-carbon', 'các-bon thấp'],
  ['cross-border', 'xuyên biên giới'], ['subregional', 'tiểu vùng'], ['global', 'toàn cầu'], ['national', 'quốc gia'],
  ['parliamentary', 'nghị viện'], ['people-centred', 'lấy người dân làm trung tâm'], ['labour', 'lao động'],
  ['agricultural', 'nông nghiệp'], ['health', 'y tế'], ['educational', 'giáo dục'], ['legal', 'pháp lý'],
  ['financial', 'tài chính'], ['technological', 'công nghệ'], ['humanitarian', 'nhân đạo'], ['peacekeeping', 'gìn giữ hòa bình'],
  ['coastal', 'ven biển'], ['urban', 'đô thị'], ['rural', 'nông thôn'], ['industrial', 'công nghiệp'], ['logistics', 'logistics'],
  ['semiconductor', 'bán dẫn'], ['data', 'dữ liệu'], ['cyber', 'không gian mạng'], ['space', 'vũ trụ'], ['water', 'nguồn nước'],
  ['development', 'phát triển'], ['trade', 'thương mại'], ['investment', 'đầu tư'], ['tourism', 'du lịch'],
  ['border', 'biên giới'], ['diaspora', 'kiều bào'], ['youth', 'thanh niên'], ['women’s', 'phụ nữ'], ['local', 'địa phương'],
];

/** English noun, Vietnamese noun. */
export const TERM_NOUNS = [
  ['autonomy', 'tự chủ'], ['partnership', 'đối tác'], ['diplomacy', 'ngoại giao'], ['integration', 'hội nhập'],
  ['transition', 'chuyển đổi'], ['resilience', 'khả năng chống chịu'], ['cooperation', 'hợp tác'], ['security', 'an ninh'],
  ['connectivity', 'kết nối'], ['governance', 'quản trị'], ['dialogue', 'đối thoại'], ['framework', 'khuôn khổ'],
  ['mechanism', 'cơ chế'], ['corridor', 'hành lang'], ['initiative', 'sáng kiến'], ['agenda', 'chương trình nghị sự'],
  ['commitment', 'cam kết'], ['trust', 'lòng tin'], ['growth', 'tăng trưởng'], ['infrastructure', 'hạ tầng'],
  ['supply chain', 'chuỗi cung ứng'], ['workforce', 'nguồn nhân lực'], ['sovereignty', 'chủ quyền'], ['stability', 'ổn định'],
  ['solidarity', 'đoàn kết'], ['outreach', 'vận động'], ['capacity', 'năng lực'], ['standards', 'tiêu chuẩn'],
  ['network', 'mạng lưới'], ['roadmap', 'lộ trình'], ['reform', 'cải cách'], ['transformation', 'chuyển đổi toàn diện'],
  ['economy', 'nền kinh tế'], ['ecosystem', 'hệ sinh thái'], ['exchange', 'giao lưu'], ['protection', 'bảo vệ'],
  ['policy', 'chính sách'], ['strategy', 'chiến lược tổng thể'], ['alliance', 'liên minh'], ['forum', 'diễn đàn'],
  ['fund', 'quỹ'], ['assistance', 'hỗ trợ'], ['monitoring', 'giám sát'], ['readiness', 'sẵn sàng'], ['promotion', 'xúc tiến'],
];

/** Types of organisations: English head word, Vietnamese head word. */
export const ORGANIZATION_TYPES = [
  ['Institute for', 'Viện'], ['Centre for', 'Trung tâm'], ['Council for', 'Hội đồng'], ['Committee for', 'Ủy ban'],
  ['Commission on', 'Ủy ban'], ['Agency for', 'Cơ quan'], ['Academy of', 'Học viện'], ['Association for', 'Hiệp hội'],
  ['Foundation for', 'Quỹ'], ['Board of', 'Ban'], ['Office for', 'Văn phòng'], ['Department of', 'Cục'],
];

export const AGREEMENT_TYPES = [
  'Free Trade Agreement', 'Comprehensive Strategic Partnership', 'Strategic Partnership', 'Comprehensive Partnership',
  'Investment Protection Agreement', 'Memorandum of Understanding on', 'Agreement on', 'Framework Agreement on',
  'Joint Vision Statement on', 'Action Programme on',
];

export const EVENT_TYPES = [
  'Strategic Dialogue', 'Joint Committee Meeting', 'Political Consultation', 'Defence Policy Dialogue', 'Business Forum',
  'Deputy Ministerial Dialogue', 'Security Dialogue', 'Economic Forum', 'Friendship Festival', 'Human Rights Dialogue',
];

export const DOCUMENT_TYPES = [
  // [type word (English), Vietnamese, system, format, kind, weight]
  { word: 'Resolution', native: 'Nghị quyết', code: 'NQ', system: 'party', issuer: 'TW', kind: 'resolution', issuerName: 'Politburo', weight: 3 },
  { word: 'Directive', native: 'Chỉ thị', code: 'CT', system: 'party', issuer: 'TW', kind: 'other', issuerName: 'Secretariat', weight: 2 },
  { word: 'Conclusion', native: 'Kết luận', code: 'KL', system: 'party', issuer: 'TW', kind: 'other', issuerName: 'Politburo', weight: 2 },
  { word: 'Resolution', native: 'Nghị quyết', code: '', system: 'state', issuer: 'QH15', kind: 'resolution', issuerName: '15th National Assembly', weight: 2 },
  { word: 'Decree', native: 'Nghị định', code: 'NĐ', system: 'state', issuer: 'CP', kind: 'other', issuerName: 'Government', weight: 4 },
  { word: 'Decision', native: 'Quyết định', code: 'QĐ', system: 'state', issuer: 'TTg', kind: 'other', issuerName: 'Prime Minister', weight: 4 },
  { word: 'Resolution', native: 'Nghị quyết', code: 'NQ', system: 'state', issuer: 'CP', kind: 'resolution', issuerName: 'Government', weight: 2 },
  { word: 'Directive', native: 'Chỉ thị', code: 'CT', system: 'state', issuer: 'TTg', kind: 'other', issuerName: 'Prime Minister', weight: 1 },
  { word: 'Circular', native: 'Thông tư', code: 'TT', system: 'state', issuer: 'BNG', kind: 'other', issuerName: 'Ministry of Foreign Affairs', weight: 1 },
  { word: 'Circular', native: 'Thông tư', code: 'TT', system: 'state', issuer: 'BTC', kind: 'other', issuerName: 'Ministry of Finance', weight: 1 },
];

/** What policy documents are about: action, object. */
export const TOPIC_ACTIONS = [
  'strengthening', 'promoting', 'improving', 'accelerating', 'renewing', 'consolidating', 'developing', 'modernising',
  'implementing', 'enhancing', 'restructuring', 'deepening', 'orienting', 'safeguarding', 'mobilising', 'streamlining',
  'expanding', 'upgrading', 'reforming', 'protecting',
];

export const TOPIC_OBJECTS = [
  'international integration', 'external affairs', 'the digital economy', 'the marine economy', 'science and technology',
  'national defence and security', 'the private economic sector', 'human resources', 'energy security', 'the legal system',
  'public administration', 'overseas Vietnamese affairs', 'the organisational apparatus', 'cultural diplomacy',
  'economic diplomacy', 'trade promotion', 'foreign direct investment', 'regional connectivity', 'food security',
  'climate adaptation', 'the semiconductor industry', 'higher education', 'public health', 'border management',
  'water resources', 'logistics services', 'the innovation ecosystem', 'state-owned enterprises', 'the financial market',
  'social housing', 'rural development', 'urban planning', 'the tourism sector', 'the creative economy',
  'vocational training', 'the data economy', 'green finance', 'critical minerals', 'the space industry',
  'maritime search and rescue', 'export markets', 'people-to-people exchanges', 'peacekeeping operations',
];

export const TOPIC_HORIZONS = [
  'in the new situation', 'to 2030, with a vision to 2045', 'in the new period', 'for the 2026-2030 period',
  'in the new era', 'by 2035', 'until 2030', 'for the coming decade', '',
];

/** English sentence pieces without any glossary entry, for the text between mentions. */
export const FILLER_SENTENCES = [
  'The talks took place in a friendly and candid atmosphere.',
  'Both sides agreed to keep up regular exchanges at all levels.',
  'Officials said further details would be announced after the meeting.',
  'The delegation also visited a training centre and met local businesses.',
  'Two-way trade has grown steadily over the past five years.',
  'Experts attending the seminar called for clearer criteria and faster procedures.',
  'The meeting reviewed progress since the previous session and set priorities for next year.',
  'Participants exchanged views on regional and international issues of mutual concern.',
  'A working group will report back within three months.',
  'The programme includes scholarships, joint research and short courses for young officials.',
  'Local authorities were asked to remove bottlenecks in land clearance.',
  'According to the report, disbursement of public investment reached a record level.',
  'The agencies will share data through a common platform from next quarter.',
  'Several agreements were signed on the sidelines of the conference.',
  'The two countries will celebrate the anniversary of diplomatic ties with a series of cultural events.',
  'The draft will be circulated for comments before it is finalised.',
  'Delegates noted that the outcome depends on consistent follow-up by every ministry.',
  'The forum drew more than three hundred participants from government, business and academia.',
  'Observers say the new approach reflects a longer-term view of national interests.',
  'The statement was issued after a two-day session in the capital.',
  'Figures released on Monday showed exports up by nearly a tenth compared with last year.',
  'The visit is the first at this level in almost a decade.',
  'Questions from the press focused on timelines and funding.',
  'The host side thanked the delegation for its practical proposals.',
  'In the afternoon, the delegation laid a wreath at a memorial site.',
  'Speakers highlighted the role of young people and of the business community.',
  'Implementation will be reviewed at a mid-term conference.',
  'No date has yet been set for the next round of talks.',
];

export const SPEECH_VERBS = ['said', 'stressed', 'noted', 'affirmed', 'told reporters', 'emphasised', 'added', 'pointed out', 'underlined', 'remarked'];

export const CLAUSES = [
  (a, b) => `Vietnam will continue to pursue ${a} while deepening ${b} with its partners`,
  (a, b) => `${a} and ${b} are two pillars of the country’s external policy in the coming period`,
  (a) => `the ministry would put forward concrete measures to promote ${a}`,
  (a, b) => `${a} must go hand in hand with ${b}`,
  (a) => `the government considers ${a} a long-term priority rather than a short-term campaign`,
  (a) => `localities should make better use of ${a} to attract high-quality investment`,
  (a, b) => `the review found gaps in ${a} and slow progress on ${b}`,
  (a) => `${a} had become a regular item on the agenda of high-level meetings`,
];

export const VI_FILLER = [
  'Hai bên nhất trí tăng cường trao đổi đoàn các cấp.',
  'Hội nghị đã thảo luận các biện pháp tháo gỡ khó khăn cho doanh nghiệp.',
  'Các đại biểu đánh giá cao kết quả đạt được trong thời gian qua.',
  'Kết quả này tạo nền tảng quan trọng cho giai đoạn phát triển tiếp theo.',
  'Các bộ, ngành cần phối hợp chặt chẽ trong quá trình triển khai.',
  'Lễ ký kết diễn ra trong không khí hữu nghị và tin cậy.',
  'Đoàn công tác đã làm việc với lãnh đạo địa phương và thăm một số dự án trọng điểm.',
  'Kim ngạch thương mại song phương tiếp tục tăng trưởng ổn định.',
];

export const VI_VERBS = ['nhấn mạnh', 'cho biết', 'khẳng định', 'đề nghị', 'phát biểu'];

export const REPORTER_NAMES = ['Minh Anh', 'Thu Hằng', 'Quốc Việt', 'Hải Yến', 'Đức Trung', 'Lan Phương', 'Bảo Ngọc', 'Hoàng Nam'];

export const SECTIONS = ['briefings', 'reports', 'notes', 'press', 'speeches', 'analysis', 'meetings', 'translations'];

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const CITIES_DATELINE = ['HANOI', 'HO CHI MINH CITY', 'DA NANG', 'HAI PHONG', 'CAN THO', 'HUE', 'NEW YORK', 'GENEVA', 'TOKYO', 'JAKARTA'];

export const UNKNOWN_TITLES = ['Deputy Prime Minister', 'Ambassador', 'Deputy Minister', 'Vice Chairman', 'Director-General', 'Deputy Foreign Minister'];
