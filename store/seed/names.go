package seed

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Company names are built from the words companies in each country really
// use ("Агро", "Impex", "снаб", "机电"), the town they sit in and the legal
// form, in the country's own order: Bulgarian and Romanian forms follow the
// name, Russian ones usually precede it in «guillemets», Chinese ones end it.

// nameParts are one country's building blocks: prefixes and tails that
// fuse into one word ("Хидро"+"монтаж", "Agro"+"com"), place names
// companies take ("Тракия", "Carpați"), standalone words that follow them
// ("Машини", "Invest"), and templates for utilities and public companies,
// which carry their town ("ВиК %s").
type nameParts struct {
	prefixes  map[string][]string // by segment
	tails     []string
	places    []string
	words     []string
	templates map[string][]string // by segment; %s is the town
}

var bgNames = nameParts{
	prefixes: map[string][]string{
		"INDUSTRIAL":   {"Техно", "Хидро", "Метал", "Термо", "Електро", "Пром", "Машино", "Химко"},
		"CONSTRUCTION": {"Строй", "Бетон", "Инфра", "Монолит", "Пътстрой", "Архи"},
		"AGRICULTURE":  {"Агро", "Био", "Зърно", "Лозаро", "Поливно", "Фермер"},
		"UTILITIES":    {"Енерго", "Водо", "Топло", "Еко", "Газо"},
		"RETAIL":       {"Дом", "Строймаркет", "Хоби", "Мега", "Градина"},
		"PUBLIC":       {"Еко", "Инфра", "Техно"},
	},
	tails:  []string{"монтаж", "сервиз", "строй", "инвест", "трейд", "проект", "комерс", "снаб", "инженеринг", "систем"},
	places: []string{"Тракия", "Марица", "Витоша", "Балкан", "Дунав", "Родопи", "Пирин", "Странджа", "Тунджа", "Добруджа", "Сакар", "Черноморие"},
	words:  []string{"Машини", "Инвест", "Трейд", "Груп", "Холдинг", "Инженеринг", "Индъстри", "Консулт", "Сървиз", "Агро", "Енерджи"},
	templates: map[string][]string{
		"UTILITIES": {"ВиК %s", "Топлофикация %s", "Енергоразпределение %s", "Водоснабдяване %s"},
		"PUBLIC":    {"МБАЛ %s", "Общински пазари %s", "Чистота %s", "Пътно поддържане %s", "Градски транспорт %s"},
	},
}

var roNames = nameParts{
	prefixes: map[string][]string{
		"INDUSTRIAL":   {"Tehno", "Hidro", "Electro", "Termo", "Metal", "Meca", "Chim", "Auto"},
		"CONSTRUCTION": {"Construct", "Edil", "Beton", "Drum", "Arhi", "Instal"},
		"AGRICULTURE":  {"Agro", "Bio", "Cereal", "Ferma", "Vin", "Lacto"},
		"UTILITIES":    {"Energo", "Aqua", "Termo", "Eco", "Gaz"},
		"RETAIL":       {"Casa", "Brico", "Mega", "Hobby", "Dacia"},
		"PUBLIC":       {"Eco", "Urban", "Salub"},
	},
	tails:  []string{"com", "prod", "serv", "impex", "trans", "tech", "invest", "mont", "star", "plus"},
	places: []string{"Carpați", "Dunărea", "Banat", "Mureș", "Oltenia", "Transilvania", "Moldova", "Crișana", "Bărăgan", "Someș", "Bega", "Dobrogea"},
	words:  []string{"Invest", "Construct", "Trading", "Grup", "Industrial", "Service", "Instal", "Utilaje", "Energie", "Agro", "Consult"},
	templates: map[string][]string{
		"UTILITIES": {"Compania de Apă %s", "Termoficare %s", "Apa Serv %s", "Distribuție Energie %s"},
		"PUBLIC":    {"Drumuri Municipale %s", "Salubritate %s", "Transport Local %s", "Administrația Piețelor %s"},
	},
}

// Russian names fuse two or three parts: "Сиб"+"энерго"+"снаб".
var (
	ruPlaces = []string{"Урал", "Волго", "Сиб", "Кама", "Дон", "Нева", "Север", "Юг", "Центр", "Байкал", "Алтай", "Ока"}
	ruMiddle = map[string][]string{
		"INDUSTRIAL":   {"пром", "маш", "хим", "гидро", "тех", "метиз", "нефте"},
		"CONSTRUCTION": {"строй", "бетон", "дор", "мост", "монолит"},
		"AGRICULTURE":  {"агро", "зерно", "мелио", "молоко", "теплица"},
		"UTILITIES":    {"энерго", "водо", "тепло", "эко", "газ"},
		"RETAIL":       {"торг", "хоз", "дом", "маркет"},
		"PUBLIC":       {"коммун", "гор", "эко", "спорт"},
	}
	ruTails = []string{"снаб", "монтаж", "сервис", "комплект", "ресурс", "проект", "трейд", "инвест", "систем", "холдинг"}
)

var cnBrands = []string{"恒达", "华通", "金泰", "鑫源", "宏远", "永盛", "中力", "天成", "瑞丰", "博宇", "嘉诚", "新科", "国泰", "东方", "长江", "海川", "联创", "盛世", "宝利", "万通"}

var cnIndustry = map[string][]string{
	"INDUSTRIAL":   {"机电", "化工", "钢铁", "制药", "纺织", "精密机械", "电子科技", "汽车零部件"},
	"CONSTRUCTION": {"建设", "建筑工程", "路桥工程", "建材", "安装工程"},
	"AGRICULTURE":  {"农业科技", "农业发展", "种植", "水产", "食品"},
	"UTILITIES":    {"水务", "热力", "能源", "环保科技", "燃气"},
	"RETAIL":       {"商贸", "五金", "百货", "家居"},
	"PUBLIC":       {"市政工程", "城市建设投资", "公共设施管理", "医疗设备"},
}

var cnForms = []string{"有限公司", "有限公司", "有限公司", "设备有限公司", "股份有限公司", "集团有限公司"}

var enRoots = []string{"Northwind", "Danube", "Black Sea", "Balkan", "Atlas", "Meridian", "Summit", "Harbor", "Silverline", "Evergreen", "Pioneer", "Crestview", "Eastgate", "Bluewater", "Ironbridge", "Redwood", "Oakfield", "Sterling"}

var enWords = map[string][]string{
	"INDUSTRIAL":   {"Chemicals", "Steel", "Packaging", "Engineering", "Mining", "Plastics"},
	"CONSTRUCTION": {"Construction", "Builders", "Infrastructure", "Developments"},
	"AGRICULTURE":  {"Agritech", "Farms", "Foods", "Grain"},
	"UTILITIES":    {"Energy", "Water", "Power", "Utilities"},
	"RETAIL":       {"Retail", "Home", "Trading"},
	"PUBLIC":       {"Facilities", "Services"},
}

// enCountry is the country word an international group puts in the name of
// its local company.
var enCountry = map[string]string{"BG": "Bulgaria", "RO": "Romania", "RU": "Rus", "CN": "China"}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// capitalize upper-cases the first letter ("сервиз" → "Сервиз").
func capitalize(s string) string {
	for i := range s {
		if i > 0 {
			return strings.ToUpper(s[:i]) + s[i:]
		}
	}
	return strings.ToUpper(s)
}

// name makes a Bulgarian or Romanian name without its legal form.
func (p nameParts) name(r *rand.Rand, segment, town string) string {
	if ts := p.templates[segment]; len(ts) > 0 && r.IntN(3) == 0 {
		return fmt.Sprintf(pick(r, ts), town)
	}
	prefix, tail := pick(r, p.prefixes[segment]), pick(r, p.tails)
	switch r.IntN(5) {
	case 0, 1:
		return prefix + tail // Хидромонтаж, Agrocom
	case 2:
		return prefix + tail + " " + town // Агроинвест Ямбол
	case 3:
		return pick(r, p.places) + " " + pick(r, p.words) // Тракия Машини
	default:
		return prefix + " " + capitalize(tail) // Енерго Сервиз
	}
}

// companyName makes one customer name for the country, segment and town.
// large says the company is big enough for an АД / SA / АО / 股份 form.
func companyName(r *rand.Rand, country, segment, town string, large, english bool) string {
	if english {
		lf := pick(r, []string{"LLC", "Ltd", "Ltd."})
		if r.IntN(2) == 0 {
			return fmt.Sprintf("%s %s %s %s", pick(r, enRoots), pick(r, enWords[segment]), enCountry[country], lf)
		}
		return fmt.Sprintf("%s %s %s", pick(r, enRoots), pick(r, enWords[segment]), lf)
	}
	public := segment == "UTILITIES" || segment == "PUBLIC"
	switch country {
	case "BG":
		lf := pick(r, []string{"ЕООД", "ЕООД", "ООД", "ООД"})
		if large || public {
			lf = pick(r, []string{"АД", "ЕАД", "ООД", "ЕООД"})
		}
		return bgNames.name(r, segment, town) + " " + lf
	case "RO":
		lf := "SRL"
		if (large || public) && r.IntN(2) == 0 {
			lf = "SA"
		}
		return roNames.name(r, segment, town) + " " + lf
	case "RU":
		lf := "ООО"
		if large {
			lf = pick(r, []string{"АО", "АО", "ПАО", "ООО"})
		}
		middle, tail := pick(r, ruMiddle[segment]), pick(r, ruTails)
		name := capitalize(middle) + tail // Энергоснаб
		if r.IntN(3) > 0 {
			name = pick(r, ruPlaces) + middle + tail // Сибэнергоснаб
		}
		if r.IntN(4) == 0 {
			return name + " " + lf // some write the form after the name
		}
		return fmt.Sprintf("%s «%s»", lf, name)
	case "CN":
		form := pick(r, cnForms[:4])
		if large {
			form = pick(r, cnForms)
		}
		return town + pick(r, cnBrands) + pick(r, cnIndustry[segment]) + form
	}
	panic("seed: no names for country " + country)
}

// cnTown is the city a Chinese company puts first in its name: the city of
// the region, or for a province one of its big cities.
func cnTown(path, name string) string {
	switch path {
	case "asia.cn.guangdong":
		return "佛山"
	case "asia.cn.jiangsu":
		return "南京"
	case "asia.cn.zhejiang":
		return "杭州"
	case "asia.cn.shandong":
		return "青岛"
	case "asia.cn.sichuan":
		return "成都"
	}
	return name
}

// People for contacts, in each country's script.
var firstNames = map[string][]string{
	"BG": {"Иван", "Георги", "Димитър", "Николай", "Петър", "Мария", "Елена", "Десислава", "Стоян", "Красимир", "Петя", "Йорданка"},
	"RO": {"Andrei", "Mihai", "Ioana", "Elena", "Alexandru", "Cristina", "Bogdan", "Ana", "Radu", "Gabriela", "Vlad", "Irina"},
	"RU": {"Алексей", "Сергей", "Ольга", "Дмитрий", "Наталья", "Андрей", "Елена", "Игорь", "Татьяна", "Михаил", "Ирина", "Павел"},
	"CN": {"伟", "娜", "磊", "洋", "静", "强", "敏", "军", "丽", "杰", "芳", "涛"},
}

var lastNames = map[string][]string{
	"BG": {"Петров", "Иванов", "Димитров", "Георгиев", "Колев", "Стоянов", "Николов", "Тодоров", "Христов", "Василев"},
	"RO": {"Popescu", "Ionescu", "Dumitrescu", "Stan", "Gheorghe", "Munteanu", "Constantin", "Marin", "Tudor", "Lungu"},
	"RU": {"Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков", "Морозов", "Волков", "Фёдоров"},
	"CN": {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"},
}

// personName returns a contact's name the way it is written at home.
func personName(r *rand.Rand, country string) string {
	first, last := pick(r, firstNames[country]), pick(r, lastNames[country])
	switch country {
	case "CN":
		return last + first
	case "BG", "RU":
		// Feminine surnames end in -а in both languages.
		if strings.HasSuffix(first, "а") || strings.HasSuffix(first, "я") {
			last += "а"
		}
	}
	return first + " " + last
}

var phonePrefix = map[string]string{"BG": "+359 ", "RO": "+40 ", "RU": "+7 ", "CN": "+86 "}

func phone(r *rand.Rand, country string) string {
	switch country {
	case "BG":
		return fmt.Sprintf("+359 %d %03d %03d", 2+r.IntN(90), r.IntN(1000), r.IntN(1000))
	case "RO":
		return fmt.Sprintf("+40 7%02d %03d %03d", r.IntN(100), r.IntN(1000), r.IntN(1000))
	case "RU":
		return fmt.Sprintf("+7 9%02d %03d-%02d-%02d", r.IntN(100), r.IntN(1000), r.IntN(100), r.IntN(100))
	default:
		return fmt.Sprintf("+86 1%02d %04d %04d", 30+r.IntN(60), r.IntN(10000), r.IntN(10000))
	}
}

// Tax ids in each country's format, with correct check digits, so that a
// validator added later accepts the demo data.

// bgEIK is a Bulgarian 9-digit EIK (BULSTAT).
func bgEIK(r *rand.Rand) string {
	d := make([]int, 9)
	d[0] = 1 + r.IntN(2) // most companies registered since 2008 start with 1 or 2
	for i := 1; i < 8; i++ {
		d[i] = r.IntN(10)
	}
	sum := 0
	for i := 0; i < 8; i++ {
		sum += d[i] * (i + 1)
	}
	c := sum % 11
	if c == 10 {
		sum = 0
		for i := 0; i < 8; i++ {
			sum += d[i] * (i + 3)
		}
		c = sum % 11
		if c == 10 {
			c = 0
		}
	}
	d[8] = c
	return digits(d)
}

// roCUI is a Romanian fiscal code (CUI): 6 to 9 digits plus a check digit
// computed with the key 753217532.
func roCUI(r *rand.Rand) string {
	n := 6 + r.IntN(4)
	d := make([]int, n)
	d[0] = 1 + r.IntN(9)
	for i := 1; i < n; i++ {
		d[i] = r.IntN(10)
	}
	key := []int{7, 5, 3, 2, 1, 7, 5, 3, 2}
	sum := 0
	for i := range d {
		sum += d[len(d)-1-i] * key[len(key)-1-i]
	}
	c := sum * 10 % 11
	if c == 10 {
		c = 0
	}
	return digits(append(d, c))
}

// ruINN is the 10-digit INN of a Russian legal entity; region is the tax
// office's two-digit region ("77" Moscow).
func ruINN(r *rand.Rand, region string) string {
	d := make([]int, 10)
	d[0], d[1] = int(region[0]-'0'), int(region[1]-'0')
	d[2], d[3] = r.IntN(5), 1+r.IntN(9) // tax office number
	for i := 4; i < 9; i++ {
		d[i] = r.IntN(10)
	}
	w := []int{2, 4, 10, 3, 5, 9, 4, 6, 8}
	sum := 0
	for i, x := range w {
		sum += d[i] * x
	}
	d[9] = sum % 11 % 10
	return digits(d)
}

const usccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// cnUSCC is an 18-character unified social credit code of a company:
// "91" (registered by market regulation, enterprise), the six-digit
// administrative division, a nine-character organisation code with its
// own check character, and the final check character (GB 32100-2015).
func cnUSCC(r *rand.Rand, division string) string {
	org := make([]int, 8)
	for i := range org {
		org[i] = r.IntN(10)
	}
	ow := []int{3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, x := range ow {
		sum += org[i] * x
	}
	oc := 11 - sum%11
	orgCode := digits(org)
	switch oc {
	case 10:
		orgCode += "X"
	case 11:
		orgCode += "0"
	default:
		orgCode += string(rune('0' + oc))
	}
	body := "91" + division + orgCode
	sum = 0
	w := 1
	for i := 0; i < 17; i++ {
		sum += strings.IndexByte(usccChars, body[i]) * w
		w = w * 3 % 31
	}
	return body + string(usccChars[(31-sum%31)%31])
}

func digits(d []int) string {
	b := make([]byte, len(d))
	for i, x := range d {
		b[i] = byte('0' + x)
	}
	return string(b)
}

// taxID makes a tax id written the way customers' paperwork shows it: the
// VAT prefix on some Bulgarian and Romanian ones, groups on a few.
func taxID(r *rand.Rand, country, taxCode string) string {
	switch country {
	case "BG":
		id := bgEIK(r)
		if r.IntN(3) == 0 {
			return "BG" + id
		}
		return id
	case "RO":
		id := roCUI(r)
		if r.IntN(2) == 0 {
			return "RO" + id
		}
		return id
	case "RU":
		return ruINN(r, taxCode)
	case "CN":
		return cnUSCC(r, taxCode)
	}
	panic("seed: no tax ids for country " + country)
}
