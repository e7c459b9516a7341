// The conflict board's GraphQL operations.
import { graphql } from '../../gql';

export const ConflictCardFragment = graphql(`
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
`);

export const BoardQuery = graphql(`
  query Board($open: ConflictFilter!, $ack: ConflictFilter!, $closed: ConflictFilter!, $live: ConflictFilter!) {
    open: conflicts(first: 100, filter: $open, orderBy: { field: DETECTED_AT, direction: DESC }) {
      totalCount
      edges {
        node {
          ...ConflictCard
        }
      }
    }
    ack: conflicts(first: 100, filter: $ack, orderBy: { field: DETECTED_AT, direction: DESC }) {
      totalCount
      edges {
        node {
          ...ConflictCard
        }
      }
    }
    closed: conflicts(first: 20, filter: $closed, orderBy: { field: UPDATED_AT, direction: DESC }) {
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
`);

export const BoardOptionsQuery = graphql(`
  query BoardOptions {
    regions {
      id
      name
      depth
    }
  }
`);

export const ConflictDetailQuery = graphql(`
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
`);

export const AcknowledgeMutation = graphql(`
  mutation AcknowledgeConflict($id: ID!) {
    acknowledgeConflict(input: { id: $id }) {
      conflict {
        id
        status
        updatedAt
      }
    }
  }
`);

export const ResolveMutation = graphql(`
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
`);

// The live feed: each event names the conflict; the board refetches what it
// shows, so filters and counts stay the server's.
export const ConflictEventsSubscription = graphql(`
  subscription ConflictEvents($after: String) {
    conflictEvents(after: $after) {
      cursor
      type
      conflict {
        id
      }
    }
  }
`);
