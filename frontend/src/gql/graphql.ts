/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ChannelKind =
  | 'DEALER'
  | 'DIRECT';

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

export type DealStage =
  | 'CANCELLED'
  | 'LOST'
  | 'PENDING_APPROVAL'
  | 'QUOTED'
  | 'REGISTERED'
  | 'WON';

export type DealerKind =
  | 'DEALER'
  | 'DISTRIBUTOR'
  /** A dealer that buys through a parent distributor. */
  | 'SUBDEALER';

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

export type Segment =
  | 'AGRICULTURE'
  | 'CONSTRUCTION'
  | 'INDUSTRIAL'
  | 'PUBLIC'
  | 'RETAIL'
  | 'UTILITIES';

export type SortDirection =
  | 'ASC'
  | 'DESC';

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


export type CustomerDetailQuery = { customer: { id: string, name: string, taxId: string | null, country: string | null, segment: Segment, size: CustomerSize, keyAccount: boolean, keyAccountReason: string, dealCount: number, openDealCount: number, region: { id: string, name: string, path: string }, owner: { kind: OwnerKind, since: string, dealer: { id: string, name: string, code: string } | null }, ownershipHistory: Array<{ id: string, fromKind: OwnerKind | null, toKind: OwnerKind, how: OwnershipChangeKind, reason: string, decidedBy: string, at: string, fromDealer: { id: string, name: string } | null, toDealer: { id: string, name: string } | null }>, deals: { totalCount: number, edges: Array<{ node: { id: string, stage: DealStage, registeredAt: string, productLine: { id: string, name: string }, amount: { minor: number, currency: string }, channel: { kind: ChannelKind, dealer: { id: string, name: string } | null } } }> } } | null };

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