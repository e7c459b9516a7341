-- Conflicts, their append-only event log, and what resolutions leave behind.

CREATE TABLE conflicts (
    id                  bigserial PRIMARY KEY,
    kind                text NOT NULL CHECK (kind IN ('DUPLICATE_REGISTRATION','DIRECT_BYPASS','SMALL_DIRECT_ORDER','OWNERSHIP_CLAIM','OUT_OF_TERRITORY','PRICE_BELOW_FLOOR','PRICE_MISMATCH','DUPLICATE_CUSTOMER')),
    -- The conflict's identity (channel.Finding.Key): kind, customers, deals.
    -- Re-evaluation finds the same key, so a conflict is never duplicated.
    identity_key        text NOT NULL UNIQUE,
    status              text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','ACKNOWLEDGED','RESOLVED','DISMISSED')),
    severity            text NOT NULL CHECK (severity IN ('LOW','MEDIUM','HIGH','CRITICAL')),
    customer_id         bigint NOT NULL REFERENCES customers (id),
    customer_ids        bigint[] NOT NULL,
    deal_ids            bigint[] NOT NULL DEFAULT '{}',
    -- Dealers that are parties; a DIRECT party is involves_direct.
    dealer_ids          bigint[] NOT NULL DEFAULT '{}',
    involves_direct     boolean NOT NULL DEFAULT false,
    suggested_dealer_id bigint REFERENCES dealers (id),
    at_stake            money_minor NOT NULL DEFAULT 0,
    currency            currency_code NOT NULL DEFAULT 'EUR',
    -- channel.Explanation as data; the sentence is rendered from it.
    explanation         jsonb NOT NULL,
    detected_at         timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    acknowledged_at     timestamptz,
    acknowledged_by     text NOT NULL DEFAULT '',
    closed_at           timestamptz,
    closed_by           text NOT NULL DEFAULT '',
    -- AWARD_DEALER, AWARD_DIRECT, SPLIT, ROUTE_TO_DEALER, TRANSFER_CUSTOMER,
    -- DISMISS by a person; AUTO when the rules found the condition gone.
    resolution          text CHECK (resolution IN ('AWARD_DEALER','AWARD_DIRECT','SPLIT','ROUTE_TO_DEALER','TRANSFER_CUSTOMER','DISMISS','AUTO')),
    resolution_note     text NOT NULL DEFAULT '',
    CONSTRAINT conflicts_closed CHECK ((status IN ('RESOLVED','DISMISSED')) = (closed_at IS NOT NULL AND resolution IS NOT NULL)),
    CONSTRAINT conflicts_customer_listed CHECK (customer_id = ANY (customer_ids))
);
CREATE INDEX conflicts_status_idx ON conflicts (status, detected_at DESC, id);
CREATE INDEX conflicts_customer_idx ON conflicts (customer_id);
CREATE INDEX conflicts_deal_ids_gin ON conflicts USING gin (deal_ids);
CREATE INDEX conflicts_dealer_ids_gin ON conflicts USING gin (dealer_ids);
CREATE INDEX conflicts_customer_ids_gin ON conflicts USING gin (customer_ids);
CREATE INDEX conflicts_kind_idx ON conflicts (kind, status);

-- The live feed's source of truth: written in the same transaction as the
-- conflict change. Readers order by (xid, seq) and read only below the
-- oldest running transaction's xid, so no late commit is ever skipped.
CREATE TABLE conflict_events (
    seq         bigserial PRIMARY KEY,
    xid         xid8 NOT NULL DEFAULT pg_current_xact_id(),
    type        text NOT NULL CHECK (type IN ('OPENED','UPDATED','RESOLVED','REOPENED')),
    conflict_id bigint NOT NULL REFERENCES conflicts (id),
    at          timestamptz NOT NULL DEFAULT now(),
    -- Why: the rule's words for OPENED/UPDATED, the resolution or the
    -- vanished condition for RESOLVED.
    reason      text NOT NULL DEFAULT ''
);
CREATE INDEX conflict_events_order_idx ON conflict_events (xid, seq);
CREATE INDEX conflict_events_conflict_idx ON conflict_events (conflict_id, seq);

-- Money owed to a dealer when a direct sale wins over its claim (seed 000 §8).
CREATE TABLE compensations (
    id          bigserial PRIMARY KEY,
    conflict_id bigint NOT NULL REFERENCES conflicts (id),
    dealer_id   bigint NOT NULL REFERENCES dealers (id),
    deal_id     bigint REFERENCES deals (id),
    basis       text NOT NULL CHECK (basis IN ('AGENT_COMMISSION','DISCOUNT_ON_GOODS','CASH')),
    amount      money_minor NOT NULL,
    currency    currency_code NOT NULL,
    note        text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX compensations_dealer_idx ON compensations (dealer_id, created_at);

-- Credit shared between channels by a SPLIT resolution, in percent.
CREATE TABLE credit_splits (
    conflict_id  bigint NOT NULL REFERENCES conflicts (id),
    deal_id      bigint NOT NULL REFERENCES deals (id),
    share_pct    percent NOT NULL CHECK (share_pct > 0),
    PRIMARY KEY (conflict_id, deal_id)
);
