// The saved example queries of the Analyst console; each fills the editor.
// They are checked against the schema by examples.test.ts.
import type { MessageKey } from '../../i18n';

export type ConsoleExample = { id: string; label: MessageKey; query: string };

export const consoleExamples: ConsoleExample[] = [
  {
    id: 'dealers-open-conflicts',
    label: 'console.example.dealers',
    query: `# Dealers and their open (or acknowledged) conflicts
query DealersByOpenConflicts {
  dealers(first: 10) {
    edges {
      node {
        name
        openConflictCount
      }
    }
  }
}
`,
  },
  {
    id: 'direct-share-by-region',
    label: 'console.example.share',
    query: `# Customers and won volume by owner kind, per country
query DirectShareByRegion {
  ownershipShare(filter: { level: 2 }) {
    region {
      name
    }
    ownerKind
    customers
    customerSharePct
    wonDeals
    wonVolume {
      decimal
      currency
    }
  }
}
`,
  },
  {
    id: 'money-at-stake-by-kind',
    label: 'console.example.stake',
    query: `# Money at stake by conflict kind
query MoneyAtStakeByKind {
  conflictStats(groupBy: [KIND]) {
    kind
    count
    closedCount
    atStake {
      decimal
      currency
    }
  }
}
`,
  },
];
