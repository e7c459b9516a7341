package seed

import "time"

// dealerSpec is one partner of the demo, written out by hand so that the
// territory map has the shapes a channel manager meets: distributors that
// cover a whole country, dealers with exclusive provinces, sub-dealers
// limited to a segment or to service and spare parts, a suspended partner,
// terminated ones whose customers were handed on, and two exclusive
// assignments that overlap (Timiș).
type dealerSpec struct {
	code    string
	name    string
	kind    string
	parent  string // code of the distributor above a sub-dealer
	status  string
	tier    int
	home    string // region path
	country string
	slug    string // for the contact e-mail
	start   time.Time
	end     *time.Time
	// successor takes the customers of a terminated dealer the day after
	// its contract ended.
	successor   string
	territories []territorySpec
}

type territorySpec struct {
	region    string
	segments  []string
	products  []string // product line codes
	exclusive bool
	from      time.Time // zero: the dealer's contract start
	to        *time.Time
}

const (
	distributor = "DISTRIBUTOR"
	dealerKind  = "DEALER"
	subdealer   = "SUBDEALER"
	active      = "ACTIVE"
	suspended   = "SUSPENDED"
	terminated  = "TERMINATED"
)

var (
	bg005End = day(2025, time.June, 30)
	cn005End = day(2025, time.December, 31)
)

var dealers = []dealerSpec{
	// Bulgaria.
	{code: "BG-D01", name: "Помпи Инженеринг ООД", kind: distributor, status: active, tier: 1, home: "eu.bg.sofia", country: "BG", slug: "pompi-engineering", start: day(2019, 3, 1),
		territories: []territorySpec{{region: "eu.bg"}, {region: "eu.bg.sofia"}}},
	{code: "BG-D02", name: "ТермоХидро Дистрибуция АД", kind: distributor, status: active, tier: 1, home: "eu.bg.plovdiv", country: "BG", slug: "termohidro", start: day(2020, 1, 15),
		territories: []territorySpec{{region: "eu.bg"}, {region: "eu.bg.plovdiv", exclusive: true}}},
	// Seed 000's dealer: a year of work on Агро Инвест Ямбол's irrigation project.
	{code: "BG-001", name: "Ямбол Трейд ЕООД", kind: dealerKind, status: active, tier: 2, home: "eu.bg.yambol", country: "BG", slug: "yambol-trade", start: day(2021, 4, 1),
		territories: []territorySpec{{region: "eu.bg.yambol", exclusive: true}}},
	{code: "BG-002", name: "Варна Флуид Системс ООД", kind: dealerKind, status: active, tier: 2, home: "eu.bg.varna", country: "BG", slug: "varna-fluid", start: day(2020, 6, 1),
		territories: []territorySpec{{region: "eu.bg.varna", exclusive: true}}},
	{code: "BG-003", name: "Бургас Индъстри Сървиз ЕООД", kind: dealerKind, status: active, tier: 2, home: "eu.bg.burgas", country: "BG", slug: "burgas-industry", start: day(2022, 2, 1),
		territories: []territorySpec{{region: "eu.bg.burgas"}}},
	{code: "BG-004", name: "Стара Загора Машини ООД", kind: dealerKind, status: suspended, tier: 3, home: "eu.bg.stara_zagora", country: "BG", slug: "sz-mashini", start: day(2021, 9, 1),
		territories: []territorySpec{{region: "eu.bg.stara_zagora"}}},
	{code: "BG-005", name: "Плевен Аква ЕООД", kind: dealerKind, status: terminated, tier: 3, home: "eu.bg.pleven", country: "BG", slug: "pleven-aqua", start: day(2019, 5, 1), end: &bg005End, successor: "BG-D02",
		territories: []territorySpec{{region: "eu.bg.pleven", exclusive: true, to: &bg005End}}},
	{code: "BG-S01", name: "Агротехника Елхово ЕООД", kind: subdealer, parent: "BG-D01", status: active, tier: 3, home: "eu.bg.yambol.elhovo", country: "BG", slug: "agrotehnika-elhovo", start: day(2022, 5, 1),
		territories: []territorySpec{{region: "eu.bg.yambol.elhovo", segments: []string{"AGRICULTURE"}}}},
	{code: "BG-S02", name: "Хидравлик Русе ЕООД", kind: subdealer, parent: "BG-D02", status: active, tier: 3, home: "eu.bg.ruse", country: "BG", slug: "hidravlik-ruse", start: day(2023, 3, 1),
		territories: []territorySpec{{region: "eu.bg.ruse"}}},
	{code: "BG-S03", name: "Пловдив Помп Сървиз ЕООД", kind: subdealer, parent: "BG-D02", status: active, tier: 3, home: "eu.bg.plovdiv.asenovgrad", country: "BG", slug: "plovdiv-pump-service", start: day(2023, 9, 1),
		territories: []territorySpec{{region: "eu.bg.plovdiv", products: []string{"service", "spare-parts"}}}},

	// Romania.
	{code: "RO-D01", name: "Hidro Construct SRL", kind: distributor, status: active, tier: 1, home: "eu.ro.bucuresti", country: "RO", slug: "hidro-construct", start: day(2019, 2, 1),
		territories: []territorySpec{{region: "eu.ro"}, {region: "eu.ro.bucuresti", exclusive: true}}},
	{code: "RO-D02", name: "Transilvania Pompe SA", kind: distributor, status: active, tier: 1, home: "eu.ro.cluj", country: "RO", slug: "transilvania-pompe", start: day(2020, 3, 1),
		territories: []territorySpec{{region: "eu.ro"}, {region: "eu.ro.cluj"}}},
	{code: "RO-001", name: "Banat Fluid Tech SRL", kind: dealerKind, status: active, tier: 2, home: "eu.ro.timis", country: "RO", slug: "banat-fluid", start: day(2021, 1, 10),
		territories: []territorySpec{{region: "eu.ro.timis", exclusive: true}}},
	{code: "RO-002", name: "Dobrogea Industrial SRL", kind: dealerKind, status: active, tier: 2, home: "eu.ro.constanta", country: "RO", slug: "dobrogea-industrial", start: day(2021, 6, 1),
		territories: []territorySpec{{region: "eu.ro.constanta", exclusive: true}}},
	{code: "RO-003", name: "Moldova Instal SRL", kind: dealerKind, status: active, tier: 2, home: "eu.ro.iasi", country: "RO", slug: "moldova-instal", start: day(2022, 4, 1),
		territories: []territorySpec{{region: "eu.ro.iasi"}}},
	{code: "RO-004", name: "Carpați Compresoare SRL", kind: dealerKind, status: active, tier: 2, home: "eu.ro.brasov", country: "RO", slug: "carpati-compresoare", start: day(2022, 9, 1),
		territories: []territorySpec{
			{region: "eu.ro.brasov", products: []string{"compressors"}, exclusive: true},
			{region: "eu.ro.prahova", products: []string{"compressors"}},
		}},
	// Exclusive on agriculture in Timiș, where Banat Fluid Tech is exclusive
	// on everything: the overlapping exclusive pair the Territories screen
	// must show.
	{code: "RO-005", name: "Timiș Irigații SRL", kind: dealerKind, status: active, tier: 3, home: "eu.ro.timis", country: "RO", slug: "timis-irigatii", start: day(2024, 3, 1),
		territories: []territorySpec{{region: "eu.ro.timis", segments: []string{"AGRICULTURE"}, exclusive: true}}},
	{code: "RO-S01", name: "Lugoj Agro Service SRL", kind: subdealer, parent: "RO-D02", status: active, tier: 3, home: "eu.ro.timis.lugoj", country: "RO", slug: "lugoj-agro", start: day(2023, 2, 1),
		territories: []territorySpec{{region: "eu.ro.timis.lugoj", segments: []string{"AGRICULTURE", "CONSTRUCTION"}}}},
	{code: "RO-S02", name: "Prahova Valve Service SRL", kind: subdealer, parent: "RO-D01", status: active, tier: 3, home: "eu.ro.prahova", country: "RO", slug: "prahova-valve", start: day(2022, 11, 1),
		territories: []territorySpec{{region: "eu.ro.prahova", products: []string{"valves", "spare-parts", "service"}}}},
	{code: "RO-S03", name: "Cluj Mentenanță SRL", kind: subdealer, parent: "RO-D02", status: suspended, tier: 3, home: "eu.ro.cluj", country: "RO", slug: "cluj-mentenanta", start: day(2024, 1, 15),
		territories: []territorySpec{{region: "eu.ro.cluj", products: []string{"service"}}}},

	// Russia.
	{code: "RU-D01", name: "ТехноПромСнаб ООО", kind: distributor, status: active, tier: 1, home: "eu.ru.moskva", country: "RU", slug: "tehnopromsnab", start: day(2018, 10, 1),
		territories: []territorySpec{{region: "eu.ru"}, {region: "eu.ru.moskva"}}},
	{code: "RU-D02", name: "СибГидроМаш ООО", kind: distributor, status: active, tier: 1, home: "eu.ru.novosibirsk", country: "RU", slug: "sibgidromash", start: day(2019, 7, 1),
		territories: []territorySpec{{region: "eu.ru.novosibirsk", exclusive: true}, {region: "eu.ru.ekaterinburg"}}},
	{code: "RU-001", name: "Казаньпромарматура ООО", kind: dealerKind, status: active, tier: 2, home: "eu.ru.kazan", country: "RU", slug: "kazanprom", start: day(2020, 2, 1),
		territories: []territorySpec{{region: "eu.ru.kazan", exclusive: true}}},
	{code: "RU-002", name: "Невский Компрессор АО", kind: dealerKind, status: active, tier: 2, home: "eu.ru.spb", country: "RU", slug: "nevsky-kompressor", start: day(2019, 11, 1),
		territories: []territorySpec{{region: "eu.ru.spb", exclusive: true}}},
	{code: "RU-003", name: "УралНасосКомплект ООО", kind: dealerKind, status: active, tier: 2, home: "eu.ru.ekaterinburg", country: "RU", slug: "uralnasos", start: day(2021, 5, 1),
		territories: []territorySpec{{region: "eu.ru.ekaterinburg"}}},
	{code: "RU-004", name: "Кубань Агро Полив ООО", kind: dealerKind, status: active, tier: 2, home: "eu.ru.krasnodar", country: "RU", slug: "kuban-agro", start: day(2022, 3, 1),
		territories: []territorySpec{{region: "eu.ru.krasnodar", segments: []string{"AGRICULTURE"}, exclusive: true}}},
	{code: "RU-005", name: "Волга Гидравлика ООО", kind: dealerKind, status: suspended, tier: 3, home: "eu.ru.samara", country: "RU", slug: "volga-gidravlika", start: day(2021, 8, 1),
		territories: []territorySpec{{region: "eu.ru.samara"}}},
	{code: "RU-S01", name: "Зеленоград Инжиниринг ООО", kind: subdealer, parent: "RU-D01", status: active, tier: 3, home: "eu.ru.moskva.zelenograd", country: "RU", slug: "zelenograd-eng", start: day(2022, 6, 1),
		territories: []territorySpec{{region: "eu.ru.moskva.zelenograd"}}},
	{code: "RU-S02", name: "Новосибирский Сервисный Центр ООО", kind: subdealer, parent: "RU-D02", status: active, tier: 3, home: "eu.ru.novosibirsk", country: "RU", slug: "nsk-service", start: day(2023, 4, 1),
		territories: []territorySpec{{region: "eu.ru.novosibirsk", products: []string{"service", "spare-parts"}}}},
	{code: "RU-S03", name: "Нижегородские Насосы ООО", kind: subdealer, parent: "RU-D01", status: active, tier: 3, home: "eu.ru.nizhny_novgorod", country: "RU", slug: "nn-nasosy", start: day(2021, 10, 1),
		territories: []territorySpec{{region: "eu.ru.nizhny_novgorod"}}},

	// China.
	{code: "CN-D01", name: "上海恒泰机电有限公司", kind: distributor, status: active, tier: 1, home: "asia.cn.shanghai", country: "CN", slug: "hengtai", start: day(2019, 4, 1),
		territories: []territorySpec{{region: "asia.cn"}, {region: "asia.cn.shanghai", exclusive: true}}},
	{code: "CN-D02", name: "广州粤通泵阀有限公司", kind: distributor, status: active, tier: 1, home: "asia.cn.guangdong.guangzhou", country: "CN", slug: "yuetong", start: day(2020, 5, 1),
		territories: []territorySpec{{region: "asia.cn.guangdong"}}},
	{code: "CN-001", name: "北京京诚流体设备有限公司", kind: dealerKind, status: active, tier: 2, home: "asia.cn.beijing", country: "CN", slug: "jingcheng", start: day(2020, 9, 1),
		territories: []territorySpec{{region: "asia.cn.beijing", exclusive: true}}},
	{code: "CN-002", name: "苏州新力压缩机有限公司", kind: dealerKind, status: active, tier: 2, home: "asia.cn.jiangsu.suzhou", country: "CN", slug: "xinli", start: day(2021, 3, 1),
		territories: []territorySpec{
			{region: "asia.cn.jiangsu", products: []string{"compressors"}, exclusive: true},
			{region: "asia.cn.jiangsu.suzhou"},
		}},
	{code: "CN-003", name: "杭州浙水泵业有限公司", kind: dealerKind, status: active, tier: 2, home: "asia.cn.zhejiang", country: "CN", slug: "zheshui", start: day(2021, 7, 1),
		territories: []territorySpec{{region: "asia.cn.zhejiang", exclusive: true}}},
	{code: "CN-004", name: "青岛鲁泰阀门有限公司", kind: dealerKind, status: active, tier: 2, home: "asia.cn.shandong", country: "CN", slug: "lutai", start: day(2022, 1, 10),
		territories: []territorySpec{{region: "asia.cn.shandong"}}},
	{code: "CN-005", name: "成都蜀通机电设备有限公司", kind: dealerKind, status: terminated, tier: 3, home: "asia.cn.sichuan", country: "CN", slug: "shutong", start: day(2020, 6, 1), end: &cn005End, successor: "CN-D01",
		territories: []territorySpec{{region: "asia.cn.sichuan", exclusive: true, to: &cn005End}}},
	{code: "CN-006", name: "南京金陵泵阀有限公司", kind: dealerKind, status: active, tier: 3, home: "asia.cn.jiangsu", country: "CN", slug: "jinling", start: day(2024, 5, 1),
		territories: []territorySpec{{region: "asia.cn.jiangsu"}}},
	{code: "CN-S01", name: "深圳鹏城泵业服务有限公司", kind: subdealer, parent: "CN-D02", status: active, tier: 3, home: "asia.cn.guangdong.shenzhen", country: "CN", slug: "pengcheng", start: day(2022, 8, 1),
		territories: []territorySpec{{region: "asia.cn.guangdong.shenzhen"}}},
	{code: "CN-S02", name: "上海浦东配件有限公司", kind: subdealer, parent: "CN-D01", status: active, tier: 3, home: "asia.cn.shanghai", country: "CN", slug: "pudong-parts", start: day(2023, 6, 1),
		territories: []territorySpec{{region: "asia.cn.shanghai", products: []string{"spare-parts", "service"}}}},
}

// Payment terms by tier (seed 003): distributors buy on credit, small
// dealers prepay half.
var (
	tierCredit     = map[int]int64{1: 500_000_00, 2: 150_000_00, 3: 40_000_00}
	tierPrepayment = map[int]float64{1: 0, 2: 30, 3: 50}
)
