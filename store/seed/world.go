package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// regionSpec is one node of the demo's region tree. taxCode feeds the tax
// ids of customers there: the first digits of a Russian INN (the tax
// office's region) or the six-digit administrative division inside a
// Chinese unified social credit code. weight is the region's share of the
// customers; zero for nodes above the provinces.
type regionSpec struct {
	path    string
	name    string
	country string
	taxCode string
	weight  int
}

// regions is the manufacturer's sales map: four countries, their provinces
// and a few towns below them, so "covers this region" has depth to show.
// Names are in the local script, as the people who work there write them.
var regions = []regionSpec{
	{path: "eu", name: "Europe"},
	{path: "eu.bg", name: "България", country: "BG"},
	{path: "eu.bg.sofia", name: "София", country: "BG", weight: 30},
	{path: "eu.bg.plovdiv", name: "Пловдив", country: "BG", weight: 14},
	{path: "eu.bg.plovdiv.asenovgrad", name: "Асеновград", country: "BG", weight: 3},
	{path: "eu.bg.varna", name: "Варна", country: "BG", weight: 12},
	{path: "eu.bg.burgas", name: "Бургас", country: "BG", weight: 10},
	{path: "eu.bg.yambol", name: "Ямбол", country: "BG", weight: 8},
	{path: "eu.bg.yambol.elhovo", name: "Елхово", country: "BG", weight: 3},
	{path: "eu.bg.ruse", name: "Русе", country: "BG", weight: 7},
	{path: "eu.bg.stara_zagora", name: "Стара Загора", country: "BG", weight: 9},
	{path: "eu.bg.pleven", name: "Плевен", country: "BG", weight: 6},
	{path: "eu.ro", name: "România", country: "RO"},
	{path: "eu.ro.bucuresti", name: "București", country: "RO", weight: 30},
	{path: "eu.ro.cluj", name: "Cluj", country: "RO", weight: 14},
	{path: "eu.ro.timis", name: "Timiș", country: "RO", weight: 11},
	{path: "eu.ro.timis.lugoj", name: "Lugoj", country: "RO", weight: 3},
	{path: "eu.ro.iasi", name: "Iași", country: "RO", weight: 9},
	{path: "eu.ro.constanta", name: "Constanța", country: "RO", weight: 10},
	{path: "eu.ro.brasov", name: "Brașov", country: "RO", weight: 9},
	{path: "eu.ro.prahova", name: "Prahova", country: "RO", weight: 8},
	{path: "eu.ru", name: "Россия", country: "RU"},
	{path: "eu.ru.moskva", name: "Москва", country: "RU", taxCode: "77", weight: 30},
	{path: "eu.ru.moskva.zelenograd", name: "Зеленоград", country: "RU", taxCode: "77", weight: 3},
	{path: "eu.ru.spb", name: "Санкт-Петербург", country: "RU", taxCode: "78", weight: 15},
	{path: "eu.ru.kazan", name: "Казань", country: "RU", taxCode: "16", weight: 9},
	{path: "eu.ru.novosibirsk", name: "Новосибирск", country: "RU", taxCode: "54", weight: 9},
	{path: "eu.ru.ekaterinburg", name: "Екатеринбург", country: "RU", taxCode: "66", weight: 9},
	{path: "eu.ru.krasnodar", name: "Краснодар", country: "RU", taxCode: "23", weight: 9},
	{path: "eu.ru.nizhny_novgorod", name: "Нижний Новгород", country: "RU", taxCode: "52", weight: 7},
	{path: "eu.ru.samara", name: "Самара", country: "RU", taxCode: "63", weight: 7},
	{path: "asia", name: "Asia"},
	{path: "asia.cn", name: "中国", country: "CN"},
	{path: "asia.cn.shanghai", name: "上海", country: "CN", taxCode: "310115", weight: 25},
	{path: "asia.cn.beijing", name: "北京", country: "CN", taxCode: "110105", weight: 18},
	{path: "asia.cn.guangdong", name: "广东", country: "CN", taxCode: "440000", weight: 6},
	{path: "asia.cn.guangdong.guangzhou", name: "广州", country: "CN", taxCode: "440106", weight: 10},
	{path: "asia.cn.guangdong.shenzhen", name: "深圳", country: "CN", taxCode: "440300", weight: 12},
	{path: "asia.cn.jiangsu", name: "江苏", country: "CN", taxCode: "320000", weight: 6},
	{path: "asia.cn.jiangsu.suzhou", name: "苏州", country: "CN", taxCode: "320500", weight: 9},
	{path: "asia.cn.zhejiang", name: "浙江", country: "CN", taxCode: "330100", weight: 9},
	{path: "asia.cn.shandong", name: "山东", country: "CN", taxCode: "370200", weight: 8},
	{path: "asia.cn.sichuan", name: "四川", country: "CN", taxCode: "510100", weight: 7},
}

// productSpec is a product line with the price level deals are quoted
// around (EUR minor units per unit), its typical order size and the policy
// floors. The floors sit about 15 % under the level, so a few generated
// quotes fall under them, as real ones do at the end of a quarter.
type productSpec struct {
	code       string
	name       string
	price      int64 // typical unit price
	minQty     int
	maxQty     int
	floor2025  int64
	floor2026  int64
	directable bool // the manufacturer's own team sells it
}

var productLines = []productSpec{
	{code: "pumps", name: "Industrial pumps", price: 4_200_00, minQty: 1, maxQty: 16, floor2025: 3_400_00, floor2026: 3_550_00, directable: true},
	{code: "valves", name: "Valves and fittings", price: 380_00, minQty: 10, maxQty: 240, floor2025: 300_00, floor2026: 320_00, directable: true},
	{code: "compressors", name: "Compressors", price: 12_500_00, minQty: 1, maxQty: 6, floor2025: 10_200_00, floor2026: 10_600_00, directable: true},
	{code: "spare-parts", name: "Spare parts", price: 45_00, minQty: 20, maxQty: 600, floor2025: 34_00, floor2026: 36_00},
	{code: "service", name: "Service and maintenance", price: 1_800_00, minQty: 1, maxQty: 12, floor2025: 1_400_00, floor2026: 1_500_00},
}

// policySpec is one year's commercial policy (seed 004: one document per
// calendar year). Percentages are in percent.
type policySpec struct {
	year                int
	threshold           int64
	protectionDays      int
	requiresApproval    bool
	mismatchTolerance   float64
	marketingBudget     float64
	manufacturerShare   float64
	defaultCompensation float64
	planDeviation       float64
	tiers               [][2]float64 // {min attainment, bonus}
}

var policies = []policySpec{
	{year: 2025, threshold: 8_000_00, protectionDays: 60, requiresApproval: true, mismatchTolerance: 5,
		marketingBudget: 1, manufacturerShare: 50, defaultCompensation: 5, planDeviation: 10,
		tiers: [][2]float64{{90, 1}, {100, 2}, {120, 3.5}}},
	{year: 2026, threshold: 10_000_00, protectionDays: 90, requiresApproval: true, mismatchTolerance: 5,
		marketingBudget: 1.5, manufacturerShare: 50, defaultCompensation: 5, planDeviation: 10,
		tiers: [][2]float64{{90, 1}, {100, 2.5}, {120, 4}}},
}

// Row types mirror the tables of migrations/0001_init.up.sql. They are the
// seed's own, not the store's entities: the seed writes the schema directly
// so that it does not depend on the entity methods' validation and events.

type regionRow struct {
	bun.BaseModel `bun:"table:regions"`
	ID            int64   `bun:"id,pk"`
	Path          string  `bun:"path"`
	Name          string  `bun:"name"`
	Country       *string `bun:"country"`
}

type productLineRow struct {
	bun.BaseModel `bun:"table:product_lines"`
	ID            int64  `bun:"id,pk"`
	Code          string `bun:"code"`
	Name          string `bun:"name"`
}

// reference is what every generator needs to know about the fixed part of
// the world once it is in the database.
type reference struct {
	regionID  map[string]int64 // by path
	productID map[string]int64 // by code
}

// ensureReference creates the regions, product lines and the 2025 and 2026
// policies unless they exist already (a database where someone set up the
// world by hand keeps its own), and returns their ids.
func ensureReference(ctx context.Context, db bun.IDB) (reference, error) {
	rrows := make([]regionRow, len(regions))
	for i, r := range regions {
		rrows[i] = regionRow{Path: r.path, Name: r.name}
		if r.country != "" {
			c := r.country
			rrows[i].Country = &c
		}
	}
	if _, err := db.NewInsert().Model(&rrows).ExcludeColumn("id").On("CONFLICT (path) DO NOTHING").Exec(ctx); err != nil {
		return reference{}, fmt.Errorf("insert regions: %w", err)
	}
	prows := make([]productLineRow, len(productLines))
	for i, p := range productLines {
		prows[i] = productLineRow{Code: p.code, Name: p.name}
	}
	if _, err := db.NewInsert().Model(&prows).ExcludeColumn("id").On("CONFLICT (code) DO NOTHING").Exec(ctx); err != nil {
		return reference{}, fmt.Errorf("insert product lines: %w", err)
	}

	ref := reference{regionID: map[string]int64{}, productID: map[string]int64{}}
	var got []regionRow
	if err := db.NewSelect().Model(&got).Column("id", "path").Scan(ctx); err != nil {
		return reference{}, fmt.Errorf("load regions: %w", err)
	}
	for _, r := range got {
		ref.regionID[r.Path] = r.ID
	}
	var gotp []productLineRow
	if err := db.NewSelect().Model(&gotp).Column("id", "code").Scan(ctx); err != nil {
		return reference{}, fmt.Errorf("load product lines: %w", err)
	}
	for _, p := range gotp {
		ref.productID[p.Code] = p.ID
	}

	for _, p := range policies {
		var inserted []int
		err := db.NewRaw(`INSERT INTO policies (year, currency, direct_sale_threshold, registration_protection_days,
				registration_requires_approval, price_mismatch_tolerance_pct, marketing_budget_pct,
				manufacturer_share_pct, default_compensation_pct, plan_deviation_margin_pct, created_at, updated_at)
			VALUES (?, 'EUR', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (year) DO NOTHING RETURNING year`,
			p.year, p.threshold, p.protectionDays, p.requiresApproval, p.mismatchTolerance, p.marketingBudget,
			p.manufacturerShare, p.defaultCompensation, p.planDeviation, policyDate(p.year), policyDate(p.year)).
			Scan(ctx, &inserted)
		if err != nil {
			return reference{}, fmt.Errorf("insert policy %d: %w", p.year, err)
		}
		if len(inserted) == 0 {
			continue // somebody's own policy for that year stays as it is
		}
		for _, pl := range productLines {
			floor := pl.floor2026
			if p.year == 2025 {
				floor = pl.floor2025
			}
			if _, err := db.NewRaw(`INSERT INTO policy_price_floors (year, product_line_id, min_unit_price) VALUES (?, ?, ?)`,
				p.year, ref.productID[pl.code], floor).Exec(ctx); err != nil {
				return reference{}, fmt.Errorf("insert price floor %d %s: %w", p.year, pl.code, err)
			}
		}
		for _, t := range p.tiers {
			if _, err := db.NewRaw(`INSERT INTO policy_bonus_tiers (year, min_attainment_pct, bonus_pct) VALUES (?, ?, ?)`,
				p.year, t[0], t[1]).Exec(ctx); err != nil {
				return reference{}, fmt.Errorf("insert bonus tier %d: %w", p.year, err)
			}
		}
	}
	return ref, nil
}

// policyDate is when a year's policy was signed: early December before it.
func policyDate(year int) time.Time {
	return time.Date(year-1, time.December, 5, 10, 0, 0, 0, time.UTC)
}

// leafRegions lists the regions customers live in, with their weights.
func leafRegions(country string) []regionSpec {
	var out []regionSpec
	for _, r := range regions {
		if r.weight > 0 && (country == "" || r.country == country) {
			out = append(out, r)
		}
	}
	return out
}
