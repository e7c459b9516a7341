package store

import (
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"channelboard/channel"
)

// This file is the one place where PostgreSQL's errors become errors a
// person can act on. The checks in Go catch bad input first with a precise
// message; the constraints are the backstop for races and for callers that
// skipped validation, and their names map to the GraphQL input field.

func invalid(field, format string, args ...any) error {
	return channel.Invalid(field, format, args...)
}

func conflict(format string, args ...any) error {
	return channel.Errorf(channel.EConflict, format, args...)
}

// constraintError says what a violated constraint means to the person who
// sent the input. Message may hold one %s: the offending value, taken from
// PostgreSQL's "Key (col)=(value)" detail.
type constraintError struct {
	code    string
	field   string
	message string
}

var constraints = map[string]constraintError{
	// Unique keys.
	"regions_path_key":          {channel.EConflict, "input.path", "a region with path %s already exists"},
	"product_lines_code_key":    {channel.EConflict, "input.code", "product line code %s is taken"},
	"dealers_code_key":          {channel.EConflict, "input.code", "dealer code %s is taken"},
	"customers_tax_id_norm_key": {channel.EConflict, "input.taxId", "a customer with this tax id already exists"},
	"policy_price_floors_pkey":  {channel.EInvalid, "input.priceFloors", "a product line has two price floors"},
	"policy_bonus_tiers_pkey":   {channel.EInvalid, "input.bonusTiers", "two bonus tiers start at the same attainment"},

	// Foreign keys.
	"dealers_parent_id_fkey":                   {channel.EInvalid, "input.parentId", "the parent dealer does not exist"},
	"dealers_home_region_id_fkey":              {channel.EInvalid, "input.homeRegionId", "the home region does not exist"},
	"territory_assignments_dealer_id_fkey":     {channel.EInvalid, "input.dealerId", "the dealer does not exist"},
	"territory_assignments_region_id_fkey":     {channel.EInvalid, "input.regionId", "the region does not exist"},
	"customers_region_id_fkey":                 {channel.EInvalid, "input.regionId", "the region does not exist"},
	"customers_owner_dealer_id_fkey":           {channel.EInvalid, "input.owner.dealerId", "the owner dealer does not exist"},
	"ownership_changes_to_dealer_id_fkey":      {channel.EInvalid, "input.to.dealerId", "the dealer does not exist"},
	"deals_customer_id_fkey":                   {channel.EInvalid, "input.customerId", "the customer does not exist"},
	"deals_dealer_id_fkey":                     {channel.EInvalid, "input.channel.dealerId", "the dealer does not exist"},
	"deals_product_line_id_fkey":               {channel.EInvalid, "input.productLineId", "the product line does not exist"},
	"policy_price_floors_product_line_id_fkey": {channel.EInvalid, "input.priceFloors", "a price floor names a product line that does not exist"},
	"dealer_plans_dealer_id_fkey":              {channel.EInvalid, "input.dealerId", "the dealer does not exist"},

	// Checks.
	"regions_name_check":                          {channel.EInvalid, "input.name", "the name must not be blank"},
	"product_lines_code_check":                    {channel.EInvalid, "input.code", "a product line code is lower-case letters, digits, _ and -"},
	"dealers_code_check":                          {channel.EInvalid, "input.code", "a dealer code is capital letters, digits and dashes"},
	"dealers_name_check":                          {channel.EInvalid, "input.name", "the name must not be blank"},
	"dealers_tier_check":                          {channel.EInvalid, "input.tier", "the tier must be between 1 and 5"},
	"dealers_subdealer_has_parent":                {channel.EInvalid, "input.parentId", "a sub-dealer, and only a sub-dealer, has a parent"},
	"dealers_not_own_parent":                      {channel.EInvalid, "input.parentId", "a dealer cannot be its own parent"},
	"dealers_contract_dates":                      {channel.EInvalid, "input.contractEnd", "the contract cannot end before it starts"},
	"territory_valid_dates":                       {channel.EInvalid, "input.validTo", "validTo must not be before validFrom"},
	"territory_segments_valid":                    {channel.EInvalid, "input.segments", "unknown segment"},
	"customers_name_check":                        {channel.EInvalid, "input.name", "the name must not be blank"},
	"customers_tax_id_check":                      {channel.EInvalid, "input.taxId", "the tax id must not be blank"},
	"customers_owner_dealer":                      {channel.EInvalid, "input.owner.dealerId", "a DEALER owner needs a dealerId, and only a DEALER owner has one"},
	"customers_key_account_reason":                {channel.EInvalid, "input.keyAccountReason", "a key account needs a reason"},
	"deals_quantity_check":                        {channel.EInvalid, "input.quantity", "the quantity must be positive"},
	"deals_channel_dealer":                        {channel.EInvalid, "input.channel.dealerId", "a DEALER channel needs a dealerId, and only a DEALER channel has one"},
	"deals_prepaid_le_amount":                     {channel.EInvalid, "input.prepaid", "the prepaid amount cannot exceed the deal's amount"},
	"policies_year_check":                         {channel.EInvalid, "input.year", "the year must be between 2000 and 2100"},
	"policies_registration_protection_days_check": {channel.EInvalid, "input.registrationProtectionDays", "protection lasts 1 to 730 days"},
	"policies_marketing_budget_pct_check":         {channel.EInvalid, "input.marketingBudgetPct", "the marketing budget is 0.5 to 3 percent"},
	"policy_bonus_tiers_min_attainment_pct_check": {channel.EInvalid, "input.bonusTiers", "attainment is 0 to 1000 percent"},
	"dealer_plans_year_check":                     {channel.EInvalid, "input.year", "the year must be between 2000 and 2100"},

	// Domains: PostgreSQL names the domain's constraint, not the column.
	"currency_code_check": {channel.EInvalid, "input.currency", "a currency is three capital letters (ISO 4217)"},
	"money_minor_check":   {channel.EInvalid, "input", "an amount of money cannot be negative"},
	"percent_check":       {channel.EInvalid, "input", "a percentage is between 0 and 100"},
}

var keyDetail = regexp.MustCompile(`^Key \([^)]*\)=\((.*)\) already exists`)

// dbError turns an error from a query into an application error when it
// means something to the caller; entity names what was looked for when no
// row came back. Anything else is wrapped and stays internal.
func dbError(err error, entity string) error {
	if err == nil {
		return nil
	}
	var appErr *channel.Error
	if errors.As(err, &appErr) {
		return err
	}
	if errors.Is(err, sql.ErrNoRows) {
		return channel.NotFound(entity)
	}
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) {
		return err
	}
	if pgErr.Code == "54000" {
		// program_limit_exceeded: a text too long for its index (a btree
		// row holds at most 2,704 bytes). PostgreSQL names the index as
		// the constraint, so this comes first: it is not a duplicate.
		return channel.Errorf(channel.EInvalid, "a text in the %s input is too long", entity)
	}
	if c, ok := constraints[pgErr.ConstraintName]; ok {
		msg := c.message
		// Row security makes PostgreSQL leave the key out of the detail;
		// a caller that knows the value puts it back (withValue).
		if m := keyDetail.FindStringSubmatch(pgErr.Detail); m != nil && countVerbs(msg) == 1 {
			msg = fmt.Sprintf(msg, m[1])
		} else if countVerbs(msg) == 1 {
			msg = fmt.Sprintf(msg, valuePlaceholder)
		}
		return &channel.Error{Code: c.code, Field: c.field, Message: msg}
	}
	switch pgErr.Code {
	case "23505":
		return conflict("%s already exists", entity)
	case "23503":
		return channel.Errorf(channel.EInvalid, "a referenced %s does not exist", "record")
	case "23514", "23502", "22001", "22003", "22P02":
		if pgErr.Message == "ownership history is append-only" {
			return conflict("ownership history is append-only")
		}
		// Unknown constraint: name no internals, but say it was the input.
		return channel.Errorf(channel.EInvalid, "the %s input is not valid", entity)
	}
	return err
}

func countVerbs(s string) int {
	n := 0
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '%' && s[i+1] == 's' {
			n++
		}
	}
	return n
}

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

// valuePlaceholder stands in a conflict message for a value the database
// did not report.
const valuePlaceholder = "value"

// withValue names the caller's own input in a conflict on field whose
// message lacks it.
func withValue(err error, field, value string) error {
	var e *channel.Error
	if errors.As(err, &e) && e.Code == channel.EConflict && e.Field == field && strings.Contains(e.Message, " "+valuePlaceholder+" ") {
		return &channel.Error{Code: e.Code, Field: e.Field, Message: strings.Replace(e.Message, " "+valuePlaceholder+" ", " "+value+" ", 1)}
	}
	return err
}
