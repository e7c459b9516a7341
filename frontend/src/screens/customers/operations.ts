// The Customers screen's GraphQL operations. Codegen reads these tags and
// types their results and variables from ../graph/*.graphqls.
import { graphql } from '../../gql';

export const CustomersQuery = graphql(`
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
`);

export const CustomerFilterOptionsQuery = graphql(`
  query CustomerFilterOptions {
    regions {
      id
      name
      path
      depth
      country
    }
  }
`);

export const DealerSearchQuery = graphql(`
  query DealerSearch($search: String) {
    dealers(first: 20, filter: { search: $search }, orderBy: { field: NAME }) {
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
`);

export const CustomerDetailQuery = graphql(`
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
`);

export const CreateCustomerMutation = graphql(`
  mutation CreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      customer {
        id
        name
      }
    }
  }
`);

export const TransferCustomerMutation = graphql(`
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
`);
