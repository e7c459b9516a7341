import { graphql } from '../../gql';

export const PoliciesQuery = graphql(`
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
`);

export const SetPolicyMutation = graphql(`
  mutation SetPolicy($input: SetPolicyInput!) {
    setPolicy(input: $input) {
      policy {
        id
        year
        updatedAt
      }
    }
  }
`);
