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
  {
    id: 'plan-attainment',
    label: 'console.example.plan',
    query: `# Each dealer's plan for 2026: actual, attainment, bonus, deviation
query PlanAttainment {
  dealerPerformance(year: 2026, first: 20) {
    totalCount
    edges {
      node {
        dealer {
          name
        }
        planned {
          decimal
          currency
        }
        actual {
          decimal
        }
        attainmentPct
        projectedBonus {
          decimal
        }
        planDeviation
      }
    }
  }
}
`,
  },
  {
    id: 'territory-coverage',
    label: 'console.example.coverage',
    query: `# Regions no dealer covers, and the first exclusive overlaps
query TerritoryCoverage {
  territoryCoverage {
    uncovered {
      region {
        name
      }
      customers
    }
    overlapCount
    overlaps(first: 20) {
      a {
        dealer {
          name
        }
        region {
          name
        }
      }
      b {
        dealer {
          name
        }
        region {
          name
        }
      }
      bothExclusive
    }
  }
}
`,
  },
];
