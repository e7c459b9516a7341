import { graphql } from '../../gql';

export const TerritoryRegionsQuery = graphql(`
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
`);

export const AssignmentsQuery = graphql(`
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
`);
