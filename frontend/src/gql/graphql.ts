/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type BonusTierInput = {
  bonusPct: number;
  minAttainmentPct: number;
};

export type ChannelInput = {
  /** Required when kind is DEALER. */
  dealerId?: string | number | null | undefined;
  kind: ChannelKind;
};

export type ChannelKind =
  | 'DEALER'
  | 'DIRECT';

export type CompensationBasis =
  | 'AGENT_COMMISSION'
  | 'CASH'
  | 'DISCOUNT_ON_GOODS';

export type CompensationInput = {
  /** Default: the policy's defaultCompensationPct of the dealer's deal. */
  amount?: MoneyInput | null | undefined;
  basis?: CompensationBasis | null | undefined;
};

export type ConflictEventType =
  | 'OPENED'
  | 'REOPENED'
  | 'RESOLVED'
  | 'UPDATED';

export type ConflictFilter = {
  /** Conflicts involving this customer. */
  customerId?: string | number | null | undefined;
  /** Conflicts this dealer is a party of. */
  dealerId?: string | number | null | undefined;
  detectedAfter?: string | null | undefined;
  detectedBefore?: string | null | undefined;
  kinds?: Array<ConflictKind> | null | undefined;
  /** Conflicts of customers in this region or below it. */
  regionId?: string | number | null | undefined;
  severities?: Array<Severity> | null | undefined;
  statuses?: Array<ConflictStatus> | null | undefined;
};

export type ConflictKind =
  /** A direct deal for a customer that is not a key account, while a dealer owns it or holds a protected registration or prepayment on it (seed 000). */
  | 'DIRECT_BYPASS'
  /** A customer whose normalised name is close to another owner's customer in the same country (seed 004). */
  | 'DUPLICATE_CUSTOMER'
  /** A channel opened a deal for a customer and product line another channel holds a protected registration for (seed 000 §5, 004). */
  | 'DUPLICATE_REGISTRATION'
  /** A dealer's deal for a customer no active assignment of that dealer covers (seeds 001, 002). */
  | 'OUT_OF_TERRITORY'
  /** A dealer's deal for a customer owned by another dealer or by direct sales (seed 004). */
  | 'OWNERSHIP_CLAIM'
  /** A deal's unit price under the policy's floor for its product line (seed 004). */
  | 'PRICE_BELOW_FLOOR'
  /** Two channels quote one customer and product line prices further apart than the tolerance (seed 000 §5, 004). */
  | 'PRICE_MISMATCH'
  /** A direct order under the policy's direct-sale threshold for a customer that is not a key account (seed 000 §2–3). */
  | 'SMALL_DIRECT_ORDER';

export type ConflictResolution =
  /** Closed by the rules when the condition was gone (never an input). */
  | 'AUTO'
  /** The dealer's deal keeps the business; the competing open deals are cancelled. */
  | 'AWARD_DEALER'
  /** The direct deal keeps it; the dealer's competing deals are cancelled and the dealer is compensated. */
  | 'AWARD_DIRECT'
  /** No action; a reason is required. */
  | 'DISMISS'
  /** A small direct order is handed to a dealer: the direct deal is cancelled, the dealer gets the same order. */
  | 'ROUTE_TO_DEALER'
  /** The credit is shared between the deals in stated percentages; the deals stay. */
  | 'SPLIT'
  /** The customer changes owner, with the history entry. */
  | 'TRANSFER_CUSTOMER';

export type ConflictStatus =
  /** Seen by a person; still live, the rules keep it up to date. */
  | 'ACKNOWLEDGED'
  | 'DISMISSED'
  | 'OPEN'
  | 'RESOLVED';

export type CreateCustomerInput = {
  /** A retry with the same key returns the first result and creates nothing. */
  idempotencyKey?: string | null | undefined;
  keyAccount?: boolean | null | undefined;
  keyAccountReason?: string | null | undefined;
  name: string;
  /** Defaults to UNASSIGNED. */
  owner?: OwnerInput | null | undefined;
  regionId: string | number;
  segment: Segment;
  size?: CustomerSize | null | undefined;
  taxId?: string | null | undefined;
};

export type CreditSplitInput = {
  dealId: string | number;
  sharePct: number;
};

export type CustomerFilter = {
  keyAccount?: boolean | null | undefined;
  /** Customers owned by this dealer. */
  ownerDealerId?: string | number | null | undefined;
  ownerKind?: OwnerKind | null | undefined;
  /** Customers in this region or any region below it. */
  regionId?: string | number | null | undefined;
  /** Matches name or tax id: substring, case-insensitive, any script. */
  search?: string | null | undefined;
  segment?: Segment | null | undefined;
};

export type CustomerOrder = {
  direction?: SortDirection | null | undefined;
  field: CustomerOrderField;
};

export type CustomerOrderField =
  | 'CREATED_AT'
  | 'NAME'
  | 'OWNER_SINCE';

export type CustomerSize =
  | 'ENTERPRISE'
  | 'LARGE'
  | 'MEDIUM'
  | 'SMALL';

export type DealFilter = {
  channelKind?: ChannelKind | null | undefined;
  customerId?: string | number | null | undefined;
  dealerId?: string | number | null | undefined;
  /** Only deals not yet WON, LOST or CANCELLED. */
  openOnly?: boolean | null | undefined;
  productLineId?: string | number | null | undefined;
  /** Deals of customers in this region or below it. */
  regionId?: string | number | null | undefined;
  stages?: Array<DealStage> | null | undefined;
};

export type DealOrder = {
  direction?: SortDirection | null | undefined;
  field: DealOrderField;
};

export type DealOrderField =
  | 'AMOUNT'
  | 'EXPECTED_CLOSE'
  | 'REGISTERED_AT';

export type DealStage =
  | 'CANCELLED'
  | 'LOST'
  | 'PENDING_APPROVAL'
  | 'QUOTED'
  | 'REGISTERED'
  | 'WON';

export type DealerFilter = {
  kind?: DealerKind | null | undefined;
  /** Dealers with a home region in this region or below it. */
  regionId?: string | number | null | undefined;
  /** Matches code or name, case-insensitively. */
  search?: string | null | undefined;
  status?: DealerStatus | null | undefined;
};

export type DealerKind =
  | 'DEALER'
  | 'DISTRIBUTOR'
  /** A dealer that buys through a parent distributor. */
  | 'SUBDEALER';

export type DealerOrder = {
  direction?: SortDirection | null | undefined;
  field: DealerOrderField;
};

export type DealerOrderField =
  | 'CODE'
  | 'CREATED_AT'
  | 'NAME'
  | 'TIER';

export type DealerStatus =
  | 'ACTIVE'
  | 'SUSPENDED'
  | 'TERMINATED';

export type MoneyInput = {
  /** ISO 4217 code, three capital letters. */
  currency: string;
  /** Amount in minor units. */
  minor: number;
};

export type OwnerInput = {
  /** Required when kind is DEALER. */
  dealerId?: string | number | null | undefined;
  kind: OwnerKind;
};

export type OwnerKind =
  /** A dealer owns the customer. */
  | 'DEALER'
  /** The manufacturer's own sales team owns the customer. */
  | 'DIRECT'
  /** Nobody owns the customer yet. */
  | 'UNASSIGNED';

export type OwnershipChangeKind =
  /** An owner decided by resolving a conflict. */
  | 'CONFLICT_RESOLUTION'
  /** The owner recorded when the customer was created. */
  | 'INITIAL'
  /** A hand-over by the transfer procedure. */
  | 'TRANSFER';

export type PriceFloorInput = {
  minUnitPrice: number;
  productLineId: string | number;
};

export type RegisterDealInput = {
  channel: ChannelInput;
  customerId: string | number;
  expectedClose?: string | null | undefined;
  /** A retry with the same key returns the first result and creates nothing. */
  idempotencyKey?: string | null | undefined;
  prepaid?: MoneyInput | null | undefined;
  productLineId: string | number;
  quantity: number;
  unitPrice: MoneyInput;
};

export type ResolveConflictInput = {
  /** AWARD_DIRECT only. */
  compensation?: CompensationInput | null | undefined;
  /** AWARD_DEALER: the dealer awarded (default: the suggested one). ROUTE_TO_DEALER: the dealer taking the order (default: the suggested one). TRANSFER_CUSTOMER: the new owner (none: DIRECT). AWARD_DIRECT: the dealer compensated (default: the suggested, else the overruled one). */
  dealerId?: string | number | null | undefined;
  id: string | number;
  /** A retry with the same key returns the first result and changes nothing; the same key with another input is refused. */
  idempotencyKey?: string | null | undefined;
  /** Why; required for DISMISS. */
  note?: string | null | undefined;
  resolution: ConflictResolution;
  /** SPLIT only: at least two deals of the conflict, shares adding up to 100. */
  splits?: Array<CreditSplitInput> | null | undefined;
};

export type Segment =
  | 'AGRICULTURE'
  | 'CONSTRUCTION'
  | 'INDUSTRIAL'
  | 'PUBLIC'
  | 'RETAIL'
  | 'UTILITIES';

export type SetPolicyInput = {
  /** Replaces the year's tiers. */
  bonusTiers?: Array<BonusTierInput> | null | undefined;
  currency: string;
  defaultCompensationPct?: number | null | undefined;
  directSaleThreshold: number;
  manufacturerSharePct?: number | null | undefined;
  marketingBudgetPct?: number | null | undefined;
  planDeviationMarginPct?: number | null | undefined;
  /** Replaces the year's floors. */
  priceFloors?: Array<PriceFloorInput> | null | undefined;
  priceMismatchTolerancePct?: number | null | undefined;
  registrationProtectionDays?: number | null | undefined;
  registrationRequiresApproval?: boolean | null | undefined;
  year: number;
};

export type Severity =
  | 'CRITICAL'
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type TransferCustomerInput = {
  customerId: string | number;
  /** A retry with the same key returns the first result and changes nothing; the same key with another input is refused. */
  idempotencyKey?: string | null | undefined;
  reason: string;
  to: OwnerInput;
};

export type ConflictCardFragment = { id: string, kind: ConflictKind, status: ConflictStatus, severity: Severity, detectedAt: string, updatedAt: string, resolution: ConflictResolution | null, atStake: { minor: number, currency: string }, customer: { id: string, name: string, country: string | null } | null, parties: { direct: boolean, otherPartners: number, dealers: Array<{ id: string, name: string, code: string }> } };

export type BoardQueryVariables = Exact<{
  open: ConflictFilter;
  ack: ConflictFilter;
  closed: ConflictFilter;
  live: ConflictFilter;
}>;


export type BoardQuery = { open: { totalCount: number, edges: Array<{ node: { id: string, kind: ConflictKind, status: ConflictStatus, severity: Severity, detectedAt: string, updatedAt: string, resolution: ConflictResolution | null, atStake: { minor: number, currency: string }, customer: { id: string, name: string, country: string | null } | null, parties: { direct: boolean, otherPartners: number, dealers: Array<{ id: string, name: string, code: string }> } } }> }, ack: { totalCount: number, edges: Array<{ node: { id: string, kind: ConflictKind, status: ConflictStatus, severity: Severity, detectedAt: string, updatedAt: string, resolution: ConflictResolution | null, atStake: { minor: number, currency: string }, customer: { id: string, name: string, country: string | null } | null, parties: { direct: boolean, otherPartners: number, dealers: Array<{ id: string, name: string, code: string }> } } }> }, closed: { totalCount: number, edges: Array<{ node: { id: string, kind: ConflictKind, status: ConflictStatus, severity: Severity, detectedAt: string, updatedAt: string, resolution: ConflictResolution | null, atStake: { minor: number, currency: string }, customer: { id: string, name: string, country: string | null } | null, parties: { direct: boolean, otherPartners: number, dealers: Array<{ id: string, name: string, code: string }> } } }> }, byKind: Array<{ kind: ConflictKind | null, count: number }> };

export type BoardOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type BoardOptionsQuery = { regions: Array<{ id: string, name: string, depth: number }> };

export type ConflictDetailQueryVariables = Exact<{
  id: string | number;
  lang: string;
}>;


export type ConflictDetailQuery = { conflict: { acknowledgedAt: string | null, acknowledgedBy: string, closedAt: string | null, closedBy: string, resolutionNote: string, id: string, kind: ConflictKind, status: ConflictStatus, severity: Severity, detectedAt: string, updatedAt: string, resolution: ConflictResolution | null, suggestedDealer: { id: string, name: string } | null, explanation: { text: string, until: string | null }, customers: Array<{ id: string, name: string }>, customer: { id: string, name: string, keyAccount: boolean, country: string | null, owner: { kind: OwnerKind, since: string, dealer: { id: string, name: string } | null }, ownershipHistory: Array<{ id: string, fromKind: OwnerKind | null, toKind: OwnerKind, how: OwnershipChangeKind, reason: string, decidedBy: string, at: string, fromDealer: { id: string, name: string } | null, toDealer: { id: string, name: string } | null }> } | null, deals: Array<{ id: string, stage: DealStage, quantity: number, registeredAt: string, protectedUntil: string | null, unitPrice: { minor: number, currency: string }, amount: { minor: number, currency: string }, prepaid: { minor: number, currency: string }, productLine: { id: string, name: string }, channel: { kind: ChannelKind, dealer: { id: string, name: string } | null } }>, compensations: Array<{ basis: CompensationBasis, amount: { minor: number, currency: string }, dealer: { id: string, name: string } }>, splits: Array<{ sharePct: number, deal: { id: string } }>, events: Array<{ cursor: string, type: ConflictEventType, at: string, reason: string }>, atStake: { minor: number, currency: string }, parties: { direct: boolean, otherPartners: number, dealers: Array<{ id: string, name: string, code: string }> } } | null };

export type AcknowledgeConflictMutationVariables = Exact<{
  id: string | number;
}>;


export type AcknowledgeConflictMutation = { acknowledgeConflict: { conflict: { id: string, status: ConflictStatus, updatedAt: string } } };

export type ResolveConflictMutationVariables = Exact<{
  input: ResolveConflictInput;
}>;


export type ResolveConflictMutation = { resolveConflict: { conflict: { id: string, status: ConflictStatus, resolution: ConflictResolution | null, updatedAt: string }, cancelledDeals: Array<{ id: string }> } };

export type ConflictEventsSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ConflictEventsSubscription = { conflictEvents: { cursor: string, type: ConflictEventType, conflict: { id: string } } };

export type CustomersQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: CustomerFilter | null | undefined;
  orderBy?: CustomerOrder | null | undefined;
}>;


export type CustomersQuery = { customers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, taxId: string | null, country: string | null, segment: Segment, size: CustomerSize, keyAccount: boolean, keyAccountReason: string, dealCount: number, createdAt: string, region: { id: string, name: string, path: string }, owner: { kind: OwnerKind, since: string, dealer: { id: string, name: string, code: string } | null } } }> } };

export type CustomerFilterOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type CustomerFilterOptionsQuery = { regions: Array<{ id: string, name: string, path: string, depth: number, country: string | null }> };

export type DealerSearchQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type DealerSearchQuery = { dealers: { totalCount: number, edges: Array<{ node: { id: string, code: string, name: string, kind: DealerKind } }> } };

export type CustomerDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type CustomerDetailQuery = { customer: { id: string, name: string, taxId: string | null, country: string | null, segment: Segment, size: CustomerSize, keyAccount: boolean, keyAccountReason: string, dealCount: number, openDealCount: number, openConflictCount: number, conflicts: Array<{ id: string, kind: ConflictKind, status: ConflictStatus, severity: Severity, detectedAt: string, customers: Array<{ id: string, name: string, country: string | null, owner: { kind: OwnerKind, dealer: { id: string, name: string } | null } }> }>, region: { id: string, name: string, path: string }, owner: { kind: OwnerKind, since: string, dealer: { id: string, name: string, code: string } | null }, ownershipHistory: Array<{ id: string, fromKind: OwnerKind | null, toKind: OwnerKind, how: OwnershipChangeKind, reason: string, decidedBy: string, at: string, fromDealer: { id: string, name: string } | null, toDealer: { id: string, name: string } | null }>, deals: { totalCount: number, edges: Array<{ node: { id: string, stage: DealStage, registeredAt: string, productLine: { id: string, name: string }, amount: { minor: number, currency: string }, channel: { kind: ChannelKind, dealer: { id: string, name: string } | null } } }> } } | null };

export type CreateCustomerMutationVariables = Exact<{
  input: CreateCustomerInput;
}>;


export type CreateCustomerMutation = { createCustomer: { customer: { id: string, name: string } } };

export type TransferCustomerMutationVariables = Exact<{
  input: TransferCustomerInput;
}>;


export type TransferCustomerMutation = { transferCustomer: { customer: { id: string }, change: { id: string } } };

export type DealersQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: DealerFilter | null | undefined;
  orderBy?: DealerOrder | null | undefined;
  year: number;
}>;


export type DealersQuery = { dealers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, code: string, name: string, kind: DealerKind, status: DealerStatus, tier: number, customerCount: number, openConflictCount: number, homeRegion: { id: string, name: string, country: string | null } | null, creditLimit: { minor: number, currency: string }, plan: { attainmentPct: number, plannedVolume: { minor: number, currency: string }, actual: { minor: number, currency: string } } | null } }> } };

export type DealerDetailQueryVariables = Exact<{
  id: string | number;
  year: number;
  prevYear: number;
}>;


export type DealerDetailQuery = { dealer: { id: string, code: string, name: string, kind: DealerKind, status: DealerStatus, tier: number, contractStart: string, contractEnd: string | null, customerCount: number, openConflictCount: number, homeRegion: { id: string, name: string, path: string, country: string | null } | null, creditLimit: { minor: number, currency: string }, contact: { name: string, email: string, phone: string }, parent: { id: string, code: string, name: string } | null, subDealers: Array<{ id: string, code: string, name: string, status: DealerStatus }>, territories: Array<{ id: string, exclusive: boolean, active: boolean, validFrom: string, validTo: string | null, segments: Array<Segment>, region: { id: string, name: string, path: string }, productLines: Array<{ id: string, name: string }> }>, plan: { attainmentPct: number, prepaymentPct: number, plannedVolume: { minor: number, currency: string }, actual: { minor: number, currency: string } } | null, prevPlan: { attainmentPct: number, plannedVolume: { minor: number, currency: string }, actual: { minor: number, currency: string } } | null, won: { totalCount: number, edges: Array<{ node: { id: string, closedAt: string | null, amount: { minor: number, currency: string } } }> } } | null };

export type DealerPerformanceQueryVariables = Exact<{
  id: string | number;
  year: number;
}>;


export type DealerPerformanceQuery = { performance: { edges: Array<{ node: { hasPolicy: boolean, overCreditLimit: boolean, planDeviation: boolean, bonusTier: { minAttainmentPct: number, bonusPct: number } | null, bonus: { minor: number, currency: string }, projectedActual: { minor: number, currency: string }, projectedBonus: { minor: number, currency: string }, marketingBudget: { minor: number, currency: string }, marketingManufacturerShare: { minor: number, currency: string }, marketingDealerShare: { minor: number, currency: string }, compensationOwed: { minor: number, currency: string }, creditUsed: { minor: number, currency: string }, creditLimit: { minor: number, currency: string }, shortfall: { minor: number, currency: string } } }> } };

export type DealsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: DealFilter | null | undefined;
  orderBy?: DealOrder | null | undefined;
}>;


export type DealsQuery = { deals: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, stage: DealStage, quantity: number, registeredAt: string, expectedClose: string | null, protectedUntil: string | null, closeReason: string, unitPrice: { minor: number, currency: string }, amount: { minor: number, currency: string }, customer: { id: string, name: string, country: string | null }, productLine: { id: string, name: string }, channel: { kind: ChannelKind, dealer: { id: string, name: string, code: string } | null } } }> } };

export type DealOptionsQueryVariables = Exact<{
  year: number;
}>;


export type DealOptionsQuery = { productLines: Array<{ id: string, code: string, name: string }>, policy: { year: number, currency: string, registrationRequiresApproval: boolean } | null };

export type CustomerPickQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type CustomerPickQuery = { customers: { edges: Array<{ node: { id: string, name: string, country: string | null, taxId: string | null, owner: { kind: OwnerKind, dealer: { id: string, name: string } | null } } }> } };

export type ApproveDealMutationVariables = Exact<{
  id: string | number;
}>;


export type ApproveDealMutation = { approveDeal: { deal: { id: string, stage: DealStage } } };

export type RejectDealMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type RejectDealMutation = { rejectDeal: { deal: { id: string, stage: DealStage, closeReason: string } } };

export type RegisterDealMutationVariables = Exact<{
  input: RegisterDealInput;
}>;


export type RegisterDealMutation = { registerDeal: { deal: { id: string, stage: DealStage, amount: { minor: number, currency: string } } } };

export type PoliciesQueryVariables = Exact<{ [key: string]: never; }>;


export type PoliciesQuery = { policies: Array<{ id: string, year: number, currency: string, registrationProtectionDays: number, registrationRequiresApproval: boolean, priceMismatchTolerancePct: number, marketingBudgetPct: number, manufacturerSharePct: number, defaultCompensationPct: number, planDeviationMarginPct: number, updatedAt: string, directSaleThreshold: { minor: number, currency: string }, priceFloors: Array<{ productLine: { id: string, name: string }, minUnitPrice: { minor: number, currency: string } }>, bonusTiers: Array<{ minAttainmentPct: number, bonusPct: number }> }>, productLines: Array<{ id: string, name: string }> };

export type SetPolicyMutationVariables = Exact<{
  input: SetPolicyInput;
}>;


export type SetPolicyMutation = { setPolicy: { policy: { id: string, year: number, updatedAt: string } } };

export type TerritoryRegionsQueryVariables = Exact<{ [key: string]: never; }>;


export type TerritoryRegionsQuery = { regions: Array<{ id: string, path: string, name: string, depth: number, country: string | null }>, productLines: Array<{ id: string, name: string }> };

export type AssignmentsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type AssignmentsQuery = { territoryAssignments: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, exclusive: boolean, active: boolean, validFrom: string, validTo: string | null, segments: Array<Segment>, dealer: { id: string, name: string, code: string }, region: { id: string, path: string, name: string }, productLines: Array<{ id: string, name: string }> } }> } };

export type PaletteQueryVariables = Exact<{
  search: string;
}>;


export type PaletteQuery = { customers: { edges: Array<{ node: { id: string, name: string, country: string | null, conflicts: Array<{ id: string, kind: ConflictKind, severity: Severity }> } }> }, dealers: { edges: Array<{ node: { id: string, code: string, name: string } }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ConflictCardFragmentDoc = new TypedDocumentString(`
    fragment ConflictCard on Conflict {
  id
  kind
  status
  severity
  detectedAt
  updatedAt
  resolution
  atStake {
    minor
    currency
  }
  customer {
    id
    name
    country
  }
  parties {
    direct
    otherPartners
    dealers {
      id
      name
      code
    }
  }
}
    `, {"fragmentName":"ConflictCard"}) as unknown as TypedDocumentString<ConflictCardFragment, unknown>;
export const BoardDocument = new TypedDocumentString(`
    query Board($open: ConflictFilter!, $ack: ConflictFilter!, $closed: ConflictFilter!, $live: ConflictFilter!) {
  open: conflicts(
    first: 100
    filter: $open
    orderBy: {field: DETECTED_AT, direction: DESC}
  ) {
    totalCount
    edges {
      node {
        ...ConflictCard
      }
    }
  }
  ack: conflicts(
    first: 100
    filter: $ack
    orderBy: {field: DETECTED_AT, direction: DESC}
  ) {
    totalCount
    edges {
      node {
        ...ConflictCard
      }
    }
  }
  closed: conflicts(
    first: 20
    filter: $closed
    orderBy: {field: UPDATED_AT, direction: DESC}
  ) {
    totalCount
    edges {
      node {
        ...ConflictCard
      }
    }
  }
  byKind: conflictStats(groupBy: [KIND], filter: $live) {
    kind
    count
  }
}
    fragment ConflictCard on Conflict {
  id
  kind
  status
  severity
  detectedAt
  updatedAt
  resolution
  atStake {
    minor
    currency
  }
  customer {
    id
    name
    country
  }
  parties {
    direct
    otherPartners
    dealers {
      id
      name
      code
    }
  }
}`) as unknown as TypedDocumentString<BoardQuery, BoardQueryVariables>;
export const BoardOptionsDocument = new TypedDocumentString(`
    query BoardOptions {
  regions {
    id
    name
    depth
  }
}
    `) as unknown as TypedDocumentString<BoardOptionsQuery, BoardOptionsQueryVariables>;
export const ConflictDetailDocument = new TypedDocumentString(`
    query ConflictDetail($id: ID!, $lang: String!) {
  conflict(id: $id) {
    ...ConflictCard
    acknowledgedAt
    acknowledgedBy
    closedAt
    closedBy
    resolutionNote
    suggestedDealer {
      id
      name
    }
    explanation {
      text(lang: $lang)
      until
    }
    customers {
      id
      name
    }
    customer {
      id
      name
      keyAccount
      owner {
        kind
        since
        dealer {
          id
          name
        }
      }
      ownershipHistory {
        id
        fromKind
        fromDealer {
          id
          name
        }
        toKind
        toDealer {
          id
          name
        }
        how
        reason
        decidedBy
        at
      }
    }
    deals {
      id
      stage
      quantity
      registeredAt
      protectedUntil
      unitPrice {
        minor
        currency
      }
      amount {
        minor
        currency
      }
      prepaid {
        minor
        currency
      }
      productLine {
        id
        name
      }
      channel {
        kind
        dealer {
          id
          name
        }
      }
    }
    compensations {
      basis
      amount {
        minor
        currency
      }
      dealer {
        id
        name
      }
    }
    splits {
      sharePct
      deal {
        id
      }
    }
    events {
      cursor
      type
      at
      reason
    }
  }
}
    fragment ConflictCard on Conflict {
  id
  kind
  status
  severity
  detectedAt
  updatedAt
  resolution
  atStake {
    minor
    currency
  }
  customer {
    id
    name
    country
  }
  parties {
    direct
    otherPartners
    dealers {
      id
      name
      code
    }
  }
}`) as unknown as TypedDocumentString<ConflictDetailQuery, ConflictDetailQueryVariables>;
export const AcknowledgeConflictDocument = new TypedDocumentString(`
    mutation AcknowledgeConflict($id: ID!) {
  acknowledgeConflict(input: {id: $id}) {
    conflict {
      id
      status
      updatedAt
    }
  }
}
    `) as unknown as TypedDocumentString<AcknowledgeConflictMutation, AcknowledgeConflictMutationVariables>;
export const ResolveConflictDocument = new TypedDocumentString(`
    mutation ResolveConflict($input: ResolveConflictInput!) {
  resolveConflict(input: $input) {
    conflict {
      id
      status
      resolution
      updatedAt
    }
    cancelledDeals {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ResolveConflictMutation, ResolveConflictMutationVariables>;
export const ConflictEventsDocument = new TypedDocumentString(`
    subscription ConflictEvents($after: String) {
  conflictEvents(after: $after) {
    cursor
    type
    conflict {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ConflictEventsSubscription, ConflictEventsSubscriptionVariables>;
export const CustomersDocument = new TypedDocumentString(`
    query Customers($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {
  customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        name
        taxId
        country
        segment
        size
        keyAccount
        keyAccountReason
        dealCount
        createdAt
        region {
          id
          name
          path
        }
        owner {
          kind
          since
          dealer {
            id
            name
            code
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CustomersQuery, CustomersQueryVariables>;
export const CustomerFilterOptionsDocument = new TypedDocumentString(`
    query CustomerFilterOptions {
  regions {
    id
    name
    path
    depth
    country
  }
}
    `) as unknown as TypedDocumentString<CustomerFilterOptionsQuery, CustomerFilterOptionsQueryVariables>;
export const DealerSearchDocument = new TypedDocumentString(`
    query DealerSearch($search: String) {
  dealers(first: 20, filter: {search: $search}, orderBy: {field: NAME}) {
    totalCount
    edges {
      node {
        id
        code
        name
        kind
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DealerSearchQuery, DealerSearchQueryVariables>;
export const CustomerDetailDocument = new TypedDocumentString(`
    query CustomerDetail($id: ID!) {
  customer(id: $id) {
    id
    name
    taxId
    country
    segment
    size
    keyAccount
    keyAccountReason
    dealCount
    openDealCount
    openConflictCount
    conflicts {
      id
      kind
      status
      severity
      detectedAt
      customers {
        id
        name
        country
        owner {
          kind
          dealer {
            id
            name
          }
        }
      }
    }
    region {
      id
      name
      path
    }
    owner {
      kind
      since
      dealer {
        id
        name
        code
      }
    }
    ownershipHistory {
      id
      fromKind
      fromDealer {
        id
        name
      }
      toKind
      toDealer {
        id
        name
      }
      how
      reason
      decidedBy
      at
    }
    deals(first: 20) {
      totalCount
      edges {
        node {
          id
          stage
          registeredAt
          productLine {
            id
            name
          }
          amount {
            minor
            currency
          }
          channel {
            kind
            dealer {
              id
              name
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CustomerDetailQuery, CustomerDetailQueryVariables>;
export const CreateCustomerDocument = new TypedDocumentString(`
    mutation CreateCustomer($input: CreateCustomerInput!) {
  createCustomer(input: $input) {
    customer {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CreateCustomerMutation, CreateCustomerMutationVariables>;
export const TransferCustomerDocument = new TypedDocumentString(`
    mutation TransferCustomer($input: TransferCustomerInput!) {
  transferCustomer(input: $input) {
    customer {
      id
    }
    change {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<TransferCustomerMutation, TransferCustomerMutationVariables>;
export const DealersDocument = new TypedDocumentString(`
    query Dealers($first: Int!, $after: String, $filter: DealerFilter, $orderBy: DealerOrder, $year: Int!) {
  dealers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        code
        name
        kind
        status
        tier
        customerCount
        openConflictCount
        homeRegion {
          id
          name
          country
        }
        creditLimit {
          minor
          currency
        }
        plan(year: $year) {
          attainmentPct
          plannedVolume {
            minor
            currency
          }
          actual {
            minor
            currency
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DealersQuery, DealersQueryVariables>;
export const DealerDetailDocument = new TypedDocumentString(`
    query DealerDetail($id: ID!, $year: Int!, $prevYear: Int!) {
  dealer(id: $id) {
    id
    code
    name
    kind
    status
    tier
    contractStart
    contractEnd
    customerCount
    openConflictCount
    homeRegion {
      id
      name
      path
      country
    }
    creditLimit {
      minor
      currency
    }
    contact {
      name
      email
      phone
    }
    parent {
      id
      code
      name
    }
    subDealers {
      id
      code
      name
      status
    }
    territories {
      id
      exclusive
      active
      validFrom
      validTo
      segments
      region {
        id
        name
        path
      }
      productLines {
        id
        name
      }
    }
    plan(year: $year) {
      attainmentPct
      prepaymentPct
      plannedVolume {
        minor
        currency
      }
      actual {
        minor
        currency
      }
    }
    prevPlan: plan(year: $prevYear) {
      attainmentPct
      plannedVolume {
        minor
        currency
      }
      actual {
        minor
        currency
      }
    }
    won: deals(
      first: 200
      filter: {stages: [WON]}
      orderBy: {field: REGISTERED_AT, direction: DESC}
    ) {
      totalCount
      edges {
        node {
          id
          closedAt
          amount {
            minor
            currency
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DealerDetailQuery, DealerDetailQueryVariables>;
export const DealerPerformanceDocument = new TypedDocumentString(`
    query DealerPerformance($id: ID!, $year: Int!) {
  performance: dealerPerformance(year: $year, filter: {dealerId: $id}, first: 1) {
    edges {
      node {
        hasPolicy
        bonusTier {
          minAttainmentPct
          bonusPct
        }
        bonus {
          minor
          currency
        }
        projectedActual {
          minor
          currency
        }
        projectedBonus {
          minor
          currency
        }
        marketingBudget {
          minor
          currency
        }
        marketingManufacturerShare {
          minor
          currency
        }
        marketingDealerShare {
          minor
          currency
        }
        compensationOwed {
          minor
          currency
        }
        creditUsed {
          minor
          currency
        }
        creditLimit {
          minor
          currency
        }
        overCreditLimit
        shortfall {
          minor
          currency
        }
        planDeviation
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DealerPerformanceQuery, DealerPerformanceQueryVariables>;
export const DealsDocument = new TypedDocumentString(`
    query Deals($first: Int!, $after: String, $filter: DealFilter, $orderBy: DealOrder) {
  deals(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        stage
        quantity
        registeredAt
        expectedClose
        protectedUntil
        closeReason
        unitPrice {
          minor
          currency
        }
        amount {
          minor
          currency
        }
        customer {
          id
          name
          country
        }
        productLine {
          id
          name
        }
        channel {
          kind
          dealer {
            id
            name
            code
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DealsQuery, DealsQueryVariables>;
export const DealOptionsDocument = new TypedDocumentString(`
    query DealOptions($year: Int!) {
  productLines {
    id
    code
    name
  }
  policy(year: $year) {
    year
    currency
    registrationRequiresApproval
  }
}
    `) as unknown as TypedDocumentString<DealOptionsQuery, DealOptionsQueryVariables>;
export const CustomerPickDocument = new TypedDocumentString(`
    query CustomerPick($search: String) {
  customers(first: 20, filter: {search: $search}, orderBy: {field: NAME}) {
    edges {
      node {
        id
        name
        country
        taxId
        owner {
          kind
          dealer {
            id
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CustomerPickQuery, CustomerPickQueryVariables>;
export const ApproveDealDocument = new TypedDocumentString(`
    mutation ApproveDeal($id: ID!) {
  approveDeal(input: {id: $id}) {
    deal {
      id
      stage
    }
  }
}
    `) as unknown as TypedDocumentString<ApproveDealMutation, ApproveDealMutationVariables>;
export const RejectDealDocument = new TypedDocumentString(`
    mutation RejectDeal($id: ID!, $reason: String!) {
  rejectDeal(input: {id: $id, reason: $reason}) {
    deal {
      id
      stage
      closeReason
    }
  }
}
    `) as unknown as TypedDocumentString<RejectDealMutation, RejectDealMutationVariables>;
export const RegisterDealDocument = new TypedDocumentString(`
    mutation RegisterDeal($input: RegisterDealInput!) {
  registerDeal(input: $input) {
    deal {
      id
      stage
      amount {
        minor
        currency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RegisterDealMutation, RegisterDealMutationVariables>;
export const PoliciesDocument = new TypedDocumentString(`
    query Policies {
  policies {
    id
    year
    currency
    directSaleThreshold {
      minor
      currency
    }
    registrationProtectionDays
    registrationRequiresApproval
    priceMismatchTolerancePct
    marketingBudgetPct
    manufacturerSharePct
    defaultCompensationPct
    planDeviationMarginPct
    priceFloors {
      productLine {
        id
        name
      }
      minUnitPrice {
        minor
        currency
      }
    }
    bonusTiers {
      minAttainmentPct
      bonusPct
    }
    updatedAt
  }
  productLines {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<PoliciesQuery, PoliciesQueryVariables>;
export const SetPolicyDocument = new TypedDocumentString(`
    mutation SetPolicy($input: SetPolicyInput!) {
  setPolicy(input: $input) {
    policy {
      id
      year
      updatedAt
    }
  }
}
    `) as unknown as TypedDocumentString<SetPolicyMutation, SetPolicyMutationVariables>;
export const TerritoryRegionsDocument = new TypedDocumentString(`
    query TerritoryRegions {
  regions {
    id
    path
    name
    depth
    country
  }
  productLines {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<TerritoryRegionsQuery, TerritoryRegionsQueryVariables>;
export const AssignmentsDocument = new TypedDocumentString(`
    query Assignments($after: String) {
  territoryAssignments(first: 200, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        exclusive
        active
        validFrom
        validTo
        segments
        dealer {
          id
          name
          code
        }
        region {
          id
          path
          name
        }
        productLines {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AssignmentsQuery, AssignmentsQueryVariables>;
export const PaletteDocument = new TypedDocumentString(`
    query Palette($search: String!) {
  customers(first: 6, filter: {search: $search}, orderBy: {field: NAME}) {
    edges {
      node {
        id
        name
        country
        conflicts(statuses: [OPEN, ACKNOWLEDGED]) {
          id
          kind
          severity
        }
      }
    }
  }
  dealers(first: 6, filter: {search: $search}, orderBy: {field: NAME}) {
    edges {
      node {
        id
        code
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PaletteQuery, PaletteQueryVariables>;