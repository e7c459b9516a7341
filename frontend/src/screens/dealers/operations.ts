// The Dealers screen's GraphQL operations.
import { graphql } from '../../gql';

export const DealersQuery = graphql(`
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
`);

export const DealerDetailQuery = graphql(`
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
      won: deals(first: 200, filter: { stages: [WON] }, orderBy: { field: REGISTERED_AT, direction: DESC }) {
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
`);

// The dealer's bonus and marketing budget for the year (analytics): asked
// apart from the detail, so the page stands even if it is refused.
export const DealerPerformanceQuery = graphql(`
  query DealerPerformance($id: ID!, $year: Int!) {
    performance: dealerPerformance(year: $year, filter: { dealerId: $id }, first: 1) {
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
`);
