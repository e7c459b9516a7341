-- Channelboard's first schema: every entity of the SPEC with its constraints.
-- Money is integer minor units (bigint) with an ISO 4217 currency code.

CREATE EXTENSION IF NOT EXISTS ltree;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE DOMAIN currency_code AS char(3) CHECK (VALUE ~ '^[A-Z]{3}$');
CREATE DOMAIN money_minor AS bigint CHECK (VALUE >= 0);
CREATE DOMAIN percent AS numeric(6,3) CHECK (VALUE >= 0 AND VALUE <= 100);

CREATE TABLE regions (
    id         bigserial PRIMARY KEY,
    path       ltree NOT NULL UNIQUE,
    name       text NOT NULL CHECK (btrim(name) <> ''),
    -- ISO 3166-1 alpha-2 of the country the region lies in; NULL for continents.
    country    char(2) CHECK (country ~ '^[A-Z]{2}$'),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX regions_path_gist ON regions USING gist (path);

CREATE TABLE product_lines (
    id         bigserial PRIMARY KEY,
    code       text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9_-]*$'),
    name       text NOT NULL CHECK (btrim(name) <> ''),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE dealers (
    id             bigserial PRIMARY KEY,
    code           text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]*$'),
    name           text NOT NULL CHECK (btrim(name) <> ''),
    kind           text NOT NULL CHECK (kind IN ('DISTRIBUTOR', 'DEALER', 'SUBDEALER')),
    parent_id      bigint REFERENCES dealers (id),
    status         text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED', 'TERMINATED')),
    tier           int NOT NULL DEFAULT 3 CHECK (tier BETWEEN 1 AND 5),
    home_region_id bigint REFERENCES regions (id),
    contract_start date NOT NULL,
    contract_end   date,
    credit_limit   money_minor NOT NULL DEFAULT 0,
    currency       currency_code NOT NULL DEFAULT 'EUR',
    contact_name   text NOT NULL DEFAULT '',
    contact_email  text NOT NULL DEFAULT '',
    contact_phone  text NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dealers_subdealer_has_parent CHECK ((kind = 'SUBDEALER') = (parent_id IS NOT NULL)),
    CONSTRAINT dealers_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id),
    CONSTRAINT dealers_contract_dates CHECK (contract_end IS NULL OR contract_end >= contract_start)
);
CREATE INDEX dealers_parent_idx ON dealers (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX dealers_name_idx ON dealers (name, id);

CREATE TABLE territory_assignments (
    id               bigserial PRIMARY KEY,
    dealer_id        bigint NOT NULL REFERENCES dealers (id),
    region_id        bigint NOT NULL REFERENCES regions (id),
    -- Empty means every segment / every product line.
    segments         text[] NOT NULL DEFAULT '{}',
    product_line_ids bigint[] NOT NULL DEFAULT '{}',
    exclusive        boolean NOT NULL DEFAULT false,
    valid_from       date NOT NULL,
    valid_to         date,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT territory_valid_dates CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CONSTRAINT territory_segments_valid CHECK (segments <@ ARRAY['INDUSTRIAL','CONSTRUCTION','AGRICULTURE','UTILITIES','RETAIL','PUBLIC']::text[])
);
CREATE INDEX territory_dealer_idx ON territory_assignments (dealer_id);
CREATE INDEX territory_region_idx ON territory_assignments (region_id);

CREATE TABLE customers (
    id                 bigserial PRIMARY KEY,
    name               text NOT NULL CHECK (btrim(name) <> ''),
    -- Normalised name (case-folded, legal forms and punctuation stripped,
    -- transliterated): the key DUPLICATE_CUSTOMER compares with trigrams.
    name_norm          text NOT NULL DEFAULT '',
    tax_id             text CHECK (tax_id IS NULL OR btrim(tax_id) <> ''),
    tax_id_norm        text,
    region_id          bigint NOT NULL REFERENCES regions (id),
    segment            text NOT NULL CHECK (segment IN ('INDUSTRIAL','CONSTRUCTION','AGRICULTURE','UTILITIES','RETAIL','PUBLIC')),
    size               text NOT NULL DEFAULT 'SMALL' CHECK (size IN ('SMALL','MEDIUM','LARGE','ENTERPRISE')),
    key_account        boolean NOT NULL DEFAULT false,
    key_account_reason text NOT NULL DEFAULT '',
    owner_kind         text NOT NULL DEFAULT 'UNASSIGNED' CHECK (owner_kind IN ('DEALER','DIRECT','UNASSIGNED')),
    owner_dealer_id    bigint REFERENCES dealers (id),
    owner_since        timestamptz NOT NULL DEFAULT now(),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT customers_owner_dealer CHECK ((owner_kind = 'DEALER') = (owner_dealer_id IS NOT NULL)),
    CONSTRAINT customers_key_account_reason CHECK (NOT key_account OR btrim(key_account_reason) <> '')
);
CREATE UNIQUE INDEX customers_tax_id_norm_key ON customers (tax_id_norm) WHERE tax_id_norm IS NOT NULL;
CREATE INDEX customers_name_idx ON customers (name, id);
CREATE INDEX customers_owner_idx ON customers (owner_dealer_id, name, id) WHERE owner_dealer_id IS NOT NULL;
CREATE INDEX customers_owner_kind_idx ON customers (owner_kind, name, id);
CREATE INDEX customers_region_idx ON customers (region_id);
CREATE INDEX customers_name_trgm ON customers USING gin (name gin_trgm_ops);
CREATE INDEX customers_name_norm_trgm ON customers USING gin (name_norm gin_trgm_ops);

CREATE TABLE ownership_changes (
    id             bigserial PRIMARY KEY,
    customer_id    bigint NOT NULL REFERENCES customers (id),
    from_kind      text CHECK (from_kind IN ('DEALER','DIRECT','UNASSIGNED')),
    from_dealer_id bigint REFERENCES dealers (id),
    to_kind        text NOT NULL CHECK (to_kind IN ('DEALER','DIRECT','UNASSIGNED')),
    to_dealer_id   bigint REFERENCES dealers (id),
    how            text NOT NULL CHECK (how IN ('INITIAL','TRANSFER','CONFLICT_RESOLUTION')),
    reason         text NOT NULL DEFAULT '',
    decided_by     text NOT NULL DEFAULT '',
    at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ownership_to_dealer CHECK ((to_kind = 'DEALER') = (to_dealer_id IS NOT NULL)),
    CONSTRAINT ownership_from_dealer CHECK (from_dealer_id IS NULL OR from_kind = 'DEALER')
);
CREATE INDEX ownership_changes_customer_idx ON ownership_changes (customer_id, at, id);

-- The history is append-only: the database refuses to rewrite it.
CREATE FUNCTION ownership_changes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ownership history is append-only' USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER ownership_changes_no_update BEFORE UPDATE OR DELETE ON ownership_changes
    FOR EACH ROW EXECUTE FUNCTION ownership_changes_append_only();

CREATE TABLE deals (
    id              bigserial PRIMARY KEY,
    customer_id     bigint NOT NULL REFERENCES customers (id),
    channel_kind    text NOT NULL CHECK (channel_kind IN ('DEALER','DIRECT')),
    dealer_id       bigint REFERENCES dealers (id),
    product_line_id bigint NOT NULL REFERENCES product_lines (id),
    quantity        int NOT NULL CHECK (quantity > 0),
    unit_price      money_minor NOT NULL,
    amount          money_minor NOT NULL,
    currency        currency_code NOT NULL,
    stage           text NOT NULL CHECK (stage IN ('PENDING_APPROVAL','REGISTERED','QUOTED','WON','LOST','CANCELLED')),
    prepaid_amount  money_minor NOT NULL DEFAULT 0,
    expected_close  date,
    registered_at   timestamptz NOT NULL DEFAULT now(),
    protected_until timestamptz,
    closed_at       timestamptz,
    close_reason    text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT deals_channel_dealer CHECK ((channel_kind = 'DEALER') = (dealer_id IS NOT NULL)),
    CONSTRAINT deals_prepaid_le_amount CHECK (prepaid_amount <= amount),
    CONSTRAINT deals_closed_stage CHECK ((stage IN ('WON','LOST','CANCELLED')) = (closed_at IS NOT NULL))
);
CREATE INDEX deals_customer_idx ON deals (customer_id, product_line_id);
CREATE INDEX deals_dealer_idx ON deals (dealer_id, registered_at DESC, id) WHERE dealer_id IS NOT NULL;
CREATE INDEX deals_stage_idx ON deals (stage, registered_at DESC, id);
CREATE INDEX deals_registered_idx ON deals (registered_at DESC, id);

CREATE TABLE policies (
    year                          int PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    currency                      currency_code NOT NULL,
    direct_sale_threshold         money_minor NOT NULL,
    registration_protection_days  int NOT NULL DEFAULT 90 CHECK (registration_protection_days BETWEEN 1 AND 730),
    registration_requires_approval boolean NOT NULL DEFAULT true,
    price_mismatch_tolerance_pct  percent NOT NULL DEFAULT 5,
    marketing_budget_pct          numeric(4,2) NOT NULL DEFAULT 1 CHECK (marketing_budget_pct BETWEEN 0.5 AND 3),
    manufacturer_share_pct        percent NOT NULL DEFAULT 50,
    default_compensation_pct      percent NOT NULL DEFAULT 5,
    plan_deviation_margin_pct     percent NOT NULL DEFAULT 10,
    created_at                    timestamptz NOT NULL DEFAULT now(),
    updated_at                    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE policy_price_floors (
    year            int NOT NULL REFERENCES policies (year) ON DELETE CASCADE,
    product_line_id bigint NOT NULL REFERENCES product_lines (id),
    min_unit_price  money_minor NOT NULL,
    PRIMARY KEY (year, product_line_id)
);

CREATE TABLE policy_bonus_tiers (
    year            int NOT NULL REFERENCES policies (year) ON DELETE CASCADE,
    min_attainment_pct numeric(6,2) NOT NULL CHECK (min_attainment_pct >= 0 AND min_attainment_pct <= 1000),
    bonus_pct       percent NOT NULL,
    PRIMARY KEY (year, min_attainment_pct)
);

CREATE TABLE dealer_plans (
    dealer_id       bigint NOT NULL REFERENCES dealers (id),
    year            int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    planned_volume  money_minor NOT NULL,
    currency        currency_code NOT NULL,
    prepayment_pct  percent NOT NULL DEFAULT 0,
    credit_limit    money_minor NOT NULL DEFAULT 0,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (dealer_id, year)
);

-- A retried create with the same key returns the first result.
CREATE TABLE idempotency_keys (
    key        text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 200),
    operation  text NOT NULL,
    result_id  bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_entries (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text NOT NULL DEFAULT '',
    action      text NOT NULL,
    entity      text NOT NULL,
    entity_id   bigint NOT NULL,
    before      jsonb,
    after       jsonb
);
CREATE INDEX audit_entries_entity_idx ON audit_entries (entity, entity_id, at);
