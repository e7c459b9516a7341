/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Customers($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {\n    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          taxId\n          country\n          segment\n          size\n          keyAccount\n          keyAccountReason\n          dealCount\n          createdAt\n          region {\n            id\n            name\n            path\n          }\n          owner {\n            kind\n            since\n            dealer {\n              id\n              name\n              code\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.CustomersDocument,
    "\n  query CustomerFilterOptions {\n    regions {\n      id\n      name\n      path\n      depth\n      country\n    }\n  }\n": typeof types.CustomerFilterOptionsDocument,
    "\n  query DealerSearch($search: String) {\n    dealers(first: 20, filter: { search: $search }, orderBy: { field: NAME }) {\n      totalCount\n      edges {\n        node {\n          id\n          code\n          name\n          kind\n        }\n      }\n    }\n  }\n": typeof types.DealerSearchDocument,
    "\n  query CustomerDetail($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      taxId\n      country\n      segment\n      size\n      keyAccount\n      keyAccountReason\n      dealCount\n      openDealCount\n      region {\n        id\n        name\n        path\n      }\n      owner {\n        kind\n        since\n        dealer {\n          id\n          name\n          code\n        }\n      }\n      ownershipHistory {\n        id\n        fromKind\n        fromDealer {\n          id\n          name\n        }\n        toKind\n        toDealer {\n          id\n          name\n        }\n        how\n        reason\n        decidedBy\n        at\n      }\n      deals(first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            stage\n            registeredAt\n            productLine {\n              id\n              name\n            }\n            amount {\n              minor\n              currency\n            }\n            channel {\n              kind\n              dealer {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.CustomerDetailDocument,
};
const documents: Documents = {
    "\n  query Customers($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {\n    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          taxId\n          country\n          segment\n          size\n          keyAccount\n          keyAccountReason\n          dealCount\n          createdAt\n          region {\n            id\n            name\n            path\n          }\n          owner {\n            kind\n            since\n            dealer {\n              id\n              name\n              code\n            }\n          }\n        }\n      }\n    }\n  }\n": types.CustomersDocument,
    "\n  query CustomerFilterOptions {\n    regions {\n      id\n      name\n      path\n      depth\n      country\n    }\n  }\n": types.CustomerFilterOptionsDocument,
    "\n  query DealerSearch($search: String) {\n    dealers(first: 20, filter: { search: $search }, orderBy: { field: NAME }) {\n      totalCount\n      edges {\n        node {\n          id\n          code\n          name\n          kind\n        }\n      }\n    }\n  }\n": types.DealerSearchDocument,
    "\n  query CustomerDetail($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      taxId\n      country\n      segment\n      size\n      keyAccount\n      keyAccountReason\n      dealCount\n      openDealCount\n      region {\n        id\n        name\n        path\n      }\n      owner {\n        kind\n        since\n        dealer {\n          id\n          name\n          code\n        }\n      }\n      ownershipHistory {\n        id\n        fromKind\n        fromDealer {\n          id\n          name\n        }\n        toKind\n        toDealer {\n          id\n          name\n        }\n        how\n        reason\n        decidedBy\n        at\n      }\n      deals(first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            stage\n            registeredAt\n            productLine {\n              id\n              name\n            }\n            amount {\n              minor\n              currency\n            }\n            channel {\n              kind\n              dealer {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.CustomerDetailDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Customers($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {\n    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          taxId\n          country\n          segment\n          size\n          keyAccount\n          keyAccountReason\n          dealCount\n          createdAt\n          region {\n            id\n            name\n            path\n          }\n          owner {\n            kind\n            since\n            dealer {\n              id\n              name\n              code\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CustomersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerFilterOptions {\n    regions {\n      id\n      name\n      path\n      depth\n      country\n    }\n  }\n"): typeof import('./graphql').CustomerFilterOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealerSearch($search: String) {\n    dealers(first: 20, filter: { search: $search }, orderBy: { field: NAME }) {\n      totalCount\n      edges {\n        node {\n          id\n          code\n          name\n          kind\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DealerSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerDetail($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      taxId\n      country\n      segment\n      size\n      keyAccount\n      keyAccountReason\n      dealCount\n      openDealCount\n      region {\n        id\n        name\n        path\n      }\n      owner {\n        kind\n        since\n        dealer {\n          id\n          name\n          code\n        }\n      }\n      ownershipHistory {\n        id\n        fromKind\n        fromDealer {\n          id\n          name\n        }\n        toKind\n        toDealer {\n          id\n          name\n        }\n        how\n        reason\n        decidedBy\n        at\n      }\n      deals(first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            stage\n            registeredAt\n            productLine {\n              id\n              name\n            }\n            amount {\n              minor\n              currency\n            }\n            channel {\n              kind\n              dealer {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CustomerDetailDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
