import { graphql } from '../gql';

export const PaletteQuery = graphql(`
  query Palette($search: String!) {
    customers(first: 6, filter: { search: $search }, orderBy: { field: NAME }) {
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
    dealers(first: 6, filter: { search: $search }, orderBy: { field: NAME }) {
      edges {
        node {
          id
          code
          name
        }
      }
    }
  }
`);
