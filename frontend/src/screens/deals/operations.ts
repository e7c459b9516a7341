// The Deals screen's GraphQL operations.
import { graphql } from '../../gql';

export const DealsQuery = graphql(`
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
`);

export const DealOptionsQuery = graphql(`
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
`);

export const CustomerPickQuery = graphql(`
  query CustomerPick($search: String) {
    customers(first: 20, filter: { search: $search }, orderBy: { field: NAME }) {
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
`);

export const ApproveDealMutation = graphql(`
  mutation ApproveDeal($id: ID!) {
    approveDeal(input: { id: $id }) {
      deal {
        id
        stage
      }
    }
  }
`);

export const RejectDealMutation = graphql(`
  mutation RejectDeal($id: ID!, $reason: String!) {
    rejectDeal(input: { id: $id, reason: $reason }) {
      deal {
        id
        stage
        closeReason
      }
    }
  }
`);

export const RegisterDealMutation = graphql(`
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
`);
