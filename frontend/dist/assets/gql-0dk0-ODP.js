import{a as e,t}from"./rolldown-runtime-BWaJ3C7D.js";import{a as n,d as r,f as i,h as a,i as o,l as s,m as c,o as l,s as u,u as d,y as f}from"./i18n-BHKzeXiD.js";function p(e,t){if(e instanceof RegExp)return{keys:!1,pattern:e};var n,r,i,a,o=[],s=``,c=e.split(`/`);for(c[0]||c.shift();i=c.shift();)n=i[0],n===`*`?(o.push(n),s+=i[1]===`?`?`(?:/(.*))?`:`/(.*)`):n===`:`?(r=i.indexOf(`?`,1),a=i.indexOf(`.`,1),o.push(i.substring(1,~r?r:~a?a:i.length)),s+=~r&&!~a?`(?:/([^/]+?))?`:`/([^/]+?)`,~a&&(s+=(~r?`?`:``)+`\\`+i.substring(a))):s+=`/`+i;return{keys:o,pattern:RegExp(`^`+s+(t?`(?=$|/)`:`/?$`),`i`)}}var m=t((e=>{var t=f();function n(e,t){return e===t&&(e!==0||1/e==1/t)||e!==e&&t!==t}var r=typeof Object.is==`function`?Object.is:n,i=t.useState,a=t.useEffect,o=t.useLayoutEffect,s=t.useDebugValue;function c(e,t){var n=t(),r=i({inst:{value:n,getSnapshot:t}}),c=r[0].inst,u=r[1];return o(function(){c.value=n,c.getSnapshot=t,l(c)&&u({inst:c})},[e,n,t]),a(function(){return l(c)&&u({inst:c}),e(function(){l(c)&&u({inst:c})})},[e]),s(n),n}function l(e){var t=e.getSnapshot;e=e.value;try{var n=t();return!r(e,n)}catch{return!0}}function u(e,t){return t()}var d=typeof window>`u`||window.document===void 0||window.document.createElement===void 0?u:c;e.useSyncExternalStore=t.useSyncExternalStore===void 0?d:t.useSyncExternalStore})),h=t(((e,t)=>{t.exports=m()})),g=e(f(),1),ee=h(),te=g.useInsertionEffect,_=typeof window<`u`&&window.document!==void 0&&window.document.createElement!==void 0?g.useLayoutEffect:g.useEffect,ne=te||_,v=e=>{let t=g.useRef([e,(...e)=>t[0](...e)]).current;return ne(()=>{t[0]=e}),t[1]},y=[`popstate`,`pushState`,`replaceState`,`hashchange`],b=[],x=()=>b.forEach(e=>e()),re=e=>(b.push(e)===1&&y.forEach(e=>addEventListener(e,x)),()=>{b=b.filter(t=>t!==e),b.length||y.forEach(e=>removeEventListener(e,x))}),S=(e,t)=>(0,ee.useSyncExternalStore)(re,e,t),C=()=>location.search,ie=({ssrSearch:e}={})=>S(C,e==null?C:()=>e),w=()=>location.pathname,ae=({ssrPath:e}={})=>S(w,e==null?w:()=>e),oe=(e,{replace:t=!1,state:n=null}={})=>history[t?`replaceState`:`pushState`](n,``,e),se=e=>[ae(e),oe],T=Symbol.for(`wouter_v3`);if(typeof history<`u`&&window[T]===void 0){for(let e of[`pushState`,`replaceState`]){let t=history[e];history[e]=function(){let n=t.apply(this,arguments),r=new Event(e);return r.arguments=arguments,dispatchEvent(r),n}}Object.defineProperty(window,T,{value:!0})}var E=(e=``)=>e===`/`?``:e,ce=(e,t)=>e[0]===`~`?e.slice(1):E(t)+e,D=(e,t)=>(e=O(E(e)),t=O(t),!e||(t.toLowerCase()+`/`).startsWith(e.toLowerCase()+`/`)?t.slice(e.length)||`/`:`~`+t),O=e=>{try{return e.includes(`%`)?decodeURI(e):e}catch{return e}},k=e=>O(e[0]===`?`?e.slice(1):e),A={hook:se,searchHook:ie,parser:p,base:``,ssrPath:void 0,ssrSearch:void 0,ssrContext:void 0,hrefs:e=>e,aroundNav:(e,t,n)=>e(t,n)},j=(0,g.createContext)(A),M=()=>(0,g.useContext)(j),N={},P=(0,g.createContext)(N),F=()=>(0,g.useContext)(P),I=(e,t=e.base)=>D(t,e.hook(e)[0]),L=e=>{let[t,n]=e.hook(e);return[D(e.base,t),v((t,r)=>e.aroundNav(n,ce(t,e.base),r))]},le=()=>L(M()),ue=()=>{let e=M();return k(e.searchHook(e))},R=(e,t,n,r)=>{let{pattern:i,keys:a}=t instanceof RegExp?{pattern:t}:e(t||`*`,r),o=i.exec(n);if(!o)return[!1,null];let s={};for(let e=1;e<o.length;e++)s[e-1]=o[e];if(a)for(let e=0;e<a.length;e++)s[a[e]]=o[e+1];else Object.assign(s,o.groups);return r?[!0,s,o[0]]:[!0,s]},z=({children:e,...t})=>{let n=M(),r=t.hook?A:n,i=r;if(t.ssrPath){let[e,n=t.ssrSearch??``]=t.ssrPath.split(`?`);e&&(t.ssrSearch=n,t.ssrPath=e)}t.hrefs=t.hrefs??t.hook?.hrefs,t.searchHook=t.searchHook??t.hook?.searchHook;let a=(0,g.useRef)(r),o=a.current,s=o;for(let e in r){let n=e===`base`?r[e]+(t[e]??``):t[e]??r[e];n!==s[e]&&(o===s&&(a.current=s={...s}),s[e]=n),(n!==r[e]||n!==i[e])&&(i=s)}return(0,g.createElement)(j.Provider,{value:i},e)},B=({children:e,component:t},n)=>t?(0,g.createElement)(t,{params:n}):typeof e==`function`?e(n):e,V=e=>{let t=(0,g.useRef)(N),n=t.current,r=Object.keys(e);return t.current=r.length!==Object.keys(n).length||r.some(t=>e[t]!==n[t])?e:n},H=({path:e,nest:t,match:n,...r})=>{let i=M(),a=I(i),[o,s,c]=n??R(i.parser,e,a,t),l=V({...F(),...s});if(!o)return null;let u=B(r,l);return(0,g.createElement)(P.Provider,{value:l},c?(0,g.createElement)(z,{base:c},u):u)},de=(0,g.forwardRef)((e,t)=>{let n=M(),[r,i]=L(n),{to:a=``,href:o=a,onClick:s,asChild:c,children:l,className:u,replace:d,state:f,transition:p,...m}=e;return m.onClick=v(t=>{t.ctrlKey||t.metaKey||t.altKey||t.shiftKey||t.button!==0||(s?.(t),t.defaultPrevented||(t.preventDefault(),i(o,e)))}),m.href=n.hrefs(o[0]===`~`?o.slice(1):n.base+o,n),u!==void 0&&(m.className=u?.call?u(r===o):u),t&&(m.ref=t),c&&(0,g.isValidElement)(l)?(0,g.cloneElement)(l,m):(0,g.createElement)(`a`,m,l)}),U=(e,t=[])=>{if(Array.isArray(e))for(let n of e)U(n&&n.type===g.Fragment?n.props.children:n,t);else t.push(e);return t},fe=({children:e,location:t})=>{let n=M(),r=I(n);for(let i of U(e)){let e=0;if((0,g.isValidElement)(i)&&(e=R(n.parser,i.props.path,t||r,i.props.nest))[0])return(0,g.cloneElement)(i,{match:e})}return null},pe=e=>{let{to:t,href:n=t}=e,r=M(),[,i]=L(r),a=v(()=>i(t||n,e)),{ssrContext:o}=r;return _(()=>{a()},[]),o&&(o.redirectTo=t),null},W=n(),G=(0,g.createContext)(null);function me({children:e}){let[t,n]=(0,g.useState)({status:`checking`}),[r,a]=(0,g.useState)(0);(0,g.useEffect)(()=>{let e=new AbortController;return u(e.signal).then(e=>n(e?{status:`signedIn`,user:e}:{status:`anonymous`,expired:!1}),t=>{e.signal.aborted||n({status:`anonymous`,expired:!1,unreachable:t instanceof l?t.message:String(t)})}),()=>e.abort()},[r]),(0,g.useEffect)(()=>i(()=>n(e=>e.status===`signedIn`?{status:`anonymous`,expired:!0}:e)),[]);let o=(0,g.useCallback)(async(e,t)=>{let r=await s(e,t);return r.ok&&n({status:`signedIn`,user:r.user}),r},[]),c=(0,g.useCallback)(async()=>{await d(),n({status:`anonymous`,expired:!1,signedOut:!0})},[]),f=(0,g.useCallback)(()=>{n({status:`checking`}),a(e=>e+1)},[]),p=(0,g.useMemo)(()=>({state:t,signIn:o,signOut:c,retry:f}),[t,o,c,f]);return(0,W.jsx)(G.Provider,{value:p,children:e})}function K(){let e=(0,g.useContext)(G);if(!e)throw Error(`useSession outside SessionProvider`);return e}function he(){let{state:e}=K();if(e.status!==`signedIn`)throw Error(`useAccess outside the signed-in app`);let t=e.user;return(0,g.useMemo)(()=>({user:t,role:t.role,can:e=>c(t.role,e),ownDealer:t.dealer?{id:a(t.dealer.id),name:t.dealer.name}:null}),[t])}var ge=`/graphql`,q=class extends Error{code;field;status;constructor(e,t,n,r){super(e),this.name=`GraphQLRequestError`,this.code=t,this.field=n,this.status=r}};async function J(e,t,n){let i;try{i=await fetch(ge,{method:`POST`,headers:{"content-type":`application/json`,accept:`application/json`},body:JSON.stringify({query:e.toString(),variables:t}),signal:n})}catch(e){throw n?.aborted?e:new q(String(e.message??e),`NETWORK`)}let a;try{a=await i.json()}catch{a=void 0}let o=a?.errors?.find(e=>e.extensions?.code===`UNAUTHENTICATED`);if(o||i.status===401)throw r(),new q(o?.message??`HTTP ${i.status}`,`UNAUTHENTICATED`,void 0,i.status);let s=a?.errors?.[0];if(s)throw new q(s.message,s.extensions?.code??`INTERNAL`,s.extensions?.field);if(!i.ok||!a?.data)throw new q(`HTTP ${i.status}`,`HTTP`,void 0,i.status);return a.data}function _e(e,t,n={}){let r=JSON.stringify(t),[i,a]=(0,g.useState)({status:`loading`}),[o,s]=(0,g.useState)(0),c=(0,g.useRef)(t);return c.current=t,(0,g.useEffect)(()=>{if(n.skip)return;let t=new AbortController;return a({status:`loading`}),J(e,c.current,t.signal).then(e=>a({status:`ok`,data:e}),e=>{t.signal.aborted||a({status:`error`,error:e})}),()=>t.abort()},[e,r,o,n.skip]),{...i,reload:()=>s(e=>e+1)}}var Y=new Map;function X(e){let t=Y.get(e);if(t===void 0){try{t=new Intl.NumberFormat(`en`,{style:`currency`,currency:e}).resolvedOptions().maximumFractionDigits??2}catch{t=2}Y.set(e,t)}return t}function Z(e,t){let n=BigInt(e),r=n<0n,i=(r?-n:n).toString().padStart(t+1,`0`),a=t?i.slice(0,i.length-t):i,o=t?`.`+i.slice(i.length-t):``;return(r?`-`:``)+a+o}function ve(e,t){let n=X(e.currency),r=Z(e.minor,n);return new Intl.NumberFormat(t,{style:`currency`,currency:e.currency,minimumFractionDigits:n,maximumFractionDigits:n}).format(r)}function ye(e,t){if(!e)return``;let n=new Date(e.length===10?e+`T00:00:00Z`:e);return Number.isNaN(n.getTime())?e:new Intl.DateTimeFormat(t,{year:`numeric`,month:`2-digit`,day:`2-digit`,timeZone:e.length===10?`UTC`:void 0}).format(n)}function be(e,t){if(!e)return``;let n=new Date(e);return Number.isNaN(n.getTime())?e:new Intl.DateTimeFormat(t,{dateStyle:`medium`,timeStyle:`short`}).format(n)}function xe(e){switch(e?.toUpperCase()){case`BG`:return`bg`;case`RO`:return`ro`;case`RU`:return`ru`;case`CN`:return`zh-Hans`;default:return}}function Se({title:e,children:t,icon:n=`∅`}){return(0,W.jsxs)(`div`,{className:`state`,role:`status`,children:[(0,W.jsx)(`div`,{className:`state-icon`,"aria-hidden":`true`,children:n}),(0,W.jsx)(`div`,{className:`state-title`,children:e}),t&&(0,W.jsx)(`div`,{className:`state-body`,children:t})]})}function Q(){let{t:e}=o();return t=>{if(t instanceof q){if(t.code===`HTTP`)return e(`error.http`,{status:String(t.status??``)});if(t.code===`NETWORK`)return e(`error.network`,{message:t.message})}return t.message}}function Ce({title:e,error:t,action:n}){let r=Q();return(0,W.jsxs)(`div`,{className:`state state-error`,role:`alert`,children:[(0,W.jsx)(`div`,{className:`state-icon`,"aria-hidden":`true`,children:`!`}),(0,W.jsx)(`div`,{className:`state-title`,children:e}),(0,W.jsx)(`div`,{className:`state-body error-message`,children:r(t)}),n]})}var $=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}},we={"\n  fragment ConflictCard on Conflict {\n    id\n    kind\n    status\n    severity\n    detectedAt\n    updatedAt\n    resolution\n    atStake {\n      minor\n      currency\n    }\n    customer {\n      id\n      name\n      country\n    }\n    parties {\n      direct\n      otherPartners\n      dealers {\n        id\n        name\n        code\n      }\n    }\n  }\n":new $(`
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
    `,{fragmentName:`ConflictCard`}),"\n  query Board($open: ConflictFilter!, $ack: ConflictFilter!, $closed: ConflictFilter!, $live: ConflictFilter!) {\n    open: conflicts(first: 100, filter: $open, orderBy: { field: DETECTED_AT, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          ...ConflictCard\n        }\n      }\n    }\n    ack: conflicts(first: 100, filter: $ack, orderBy: { field: DETECTED_AT, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          ...ConflictCard\n        }\n      }\n    }\n    closed: conflicts(first: 20, filter: $closed, orderBy: { field: UPDATED_AT, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          ...ConflictCard\n        }\n      }\n    }\n    byKind: conflictStats(groupBy: [KIND], filter: $live) {\n      kind\n      count\n    }\n  }\n":new $(`
    query Board($open: ConflictFilter!, $ack: ConflictFilter!, $closed: ConflictFilter!, $live: ConflictFilter!) {
  open: conflicts(
    first: 100
    filter: $open
    orderBy: {field: DETECTED_AT, direction: DESC}
  ) {
    totalCount
    edges {
      node {
        ...ConflictCard
      }
    }
  }
  ack: conflicts(
    first: 100
    filter: $ack
    orderBy: {field: DETECTED_AT, direction: DESC}
  ) {
    totalCount
    edges {
      node {
        ...ConflictCard
      }
    }
  }
  closed: conflicts(
    first: 20
    filter: $closed
    orderBy: {field: UPDATED_AT, direction: DESC}
  ) {
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
}`),"\n  query BoardOptions {\n    regions {\n      id\n      name\n      depth\n    }\n  }\n":new $(`
    query BoardOptions {
  regions {
    id
    name
    depth
  }
}
    `),"\n  query ConflictDetail($id: ID!, $lang: String!) {\n    conflict(id: $id) {\n      ...ConflictCard\n      acknowledgedAt\n      acknowledgedBy\n      closedAt\n      closedBy\n      resolutionNote\n      suggestedDealer {\n        id\n        name\n      }\n      explanation {\n        text(lang: $lang)\n        until\n      }\n      customers {\n        id\n        name\n      }\n      customer {\n        id\n        name\n        keyAccount\n        owner {\n          kind\n          since\n          dealer {\n            id\n            name\n          }\n        }\n        ownershipHistory {\n          id\n          fromKind\n          fromDealer {\n            id\n            name\n          }\n          toKind\n          toDealer {\n            id\n            name\n          }\n          how\n          reason\n          decidedBy\n          at\n        }\n      }\n      deals {\n        id\n        stage\n        quantity\n        registeredAt\n        protectedUntil\n        unitPrice {\n          minor\n          currency\n        }\n        amount {\n          minor\n          currency\n        }\n        prepaid {\n          minor\n          currency\n        }\n        productLine {\n          id\n          name\n        }\n        channel {\n          kind\n          dealer {\n            id\n            name\n          }\n        }\n      }\n      compensations {\n        basis\n        amount {\n          minor\n          currency\n        }\n        dealer {\n          id\n          name\n        }\n      }\n      splits {\n        sharePct\n        deal {\n          id\n        }\n      }\n      events {\n        cursor\n        type\n        at\n        reason\n      }\n    }\n  }\n":new $(`
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
}`),"\n  mutation AcknowledgeConflict($id: ID!) {\n    acknowledgeConflict(input: { id: $id }) {\n      conflict {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n":new $(`
    mutation AcknowledgeConflict($id: ID!) {
  acknowledgeConflict(input: {id: $id}) {
    conflict {
      id
      status
      updatedAt
    }
  }
}
    `),"\n  mutation ResolveConflict($input: ResolveConflictInput!) {\n    resolveConflict(input: $input) {\n      conflict {\n        id\n        status\n        resolution\n        updatedAt\n      }\n      cancelledDeals {\n        id\n      }\n    }\n  }\n":new $(`
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
    `),"\n  subscription ConflictEvents($after: String) {\n    conflictEvents(after: $after) {\n      cursor\n      type\n      conflict {\n        id\n      }\n    }\n  }\n":new $(`
    subscription ConflictEvents($after: String) {
  conflictEvents(after: $after) {
    cursor
    type
    conflict {
      id
    }
  }
}
    `),"\n  query Customers($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {\n    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          taxId\n          country\n          segment\n          size\n          keyAccount\n          keyAccountReason\n          dealCount\n          createdAt\n          region {\n            id\n            name\n            path\n          }\n          owner {\n            kind\n            since\n            dealer {\n              id\n              name\n              code\n            }\n          }\n        }\n      }\n    }\n  }\n":new $(`
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
    `),"\n  query CustomerFilterOptions {\n    regions {\n      id\n      name\n      path\n      depth\n      country\n    }\n  }\n":new $(`
    query CustomerFilterOptions {
  regions {
    id
    name
    path
    depth
    country
  }
}
    `),"\n  query DealerSearch($search: String) {\n    dealers(first: 20, filter: { search: $search }, orderBy: { field: NAME }) {\n      totalCount\n      edges {\n        node {\n          id\n          code\n          name\n          kind\n        }\n      }\n    }\n  }\n":new $(`
    query DealerSearch($search: String) {
  dealers(first: 20, filter: {search: $search}, orderBy: {field: NAME}) {
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
    `),"\n  query CustomerDetail($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      taxId\n      country\n      segment\n      size\n      keyAccount\n      keyAccountReason\n      dealCount\n      openDealCount\n      openConflictCount\n      conflicts {\n        id\n        kind\n        status\n        severity\n        detectedAt\n        customers {\n          id\n          name\n          country\n          owner {\n            kind\n            dealer {\n              id\n              name\n            }\n          }\n        }\n      }\n      region {\n        id\n        name\n        path\n      }\n      owner {\n        kind\n        since\n        dealer {\n          id\n          name\n          code\n        }\n      }\n      ownershipHistory {\n        id\n        fromKind\n        fromDealer {\n          id\n          name\n        }\n        toKind\n        toDealer {\n          id\n          name\n        }\n        how\n        reason\n        decidedBy\n        at\n      }\n      deals(first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            stage\n            registeredAt\n            productLine {\n              id\n              name\n            }\n            amount {\n              minor\n              currency\n            }\n            channel {\n              kind\n              dealer {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n":new $(`
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
    `),"\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      customer {\n        id\n        name\n      }\n    }\n  }\n":new $(`
    mutation CreateCustomer($input: CreateCustomerInput!) {
  createCustomer(input: $input) {
    customer {
      id
      name
    }
  }
}
    `),"\n  mutation TransferCustomer($input: TransferCustomerInput!) {\n    transferCustomer(input: $input) {\n      customer {\n        id\n      }\n      change {\n        id\n      }\n    }\n  }\n":new $(`
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
    `),"\n  query Dealers($first: Int!, $after: String, $filter: DealerFilter, $orderBy: DealerOrder, $year: Int!) {\n    dealers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          code\n          name\n          kind\n          status\n          tier\n          customerCount\n          openConflictCount\n          homeRegion {\n            id\n            name\n            country\n          }\n          creditLimit {\n            minor\n            currency\n          }\n          plan(year: $year) {\n            attainmentPct\n            plannedVolume {\n              minor\n              currency\n            }\n            actual {\n              minor\n              currency\n            }\n          }\n        }\n      }\n    }\n  }\n":new $(`
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
    `),"\n  query DealerDetail($id: ID!, $year: Int!, $prevYear: Int!) {\n    dealer(id: $id) {\n      id\n      code\n      name\n      kind\n      status\n      tier\n      contractStart\n      contractEnd\n      customerCount\n      openConflictCount\n      homeRegion {\n        id\n        name\n        path\n        country\n      }\n      creditLimit {\n        minor\n        currency\n      }\n      contact {\n        name\n        email\n        phone\n      }\n      parent {\n        id\n        code\n        name\n      }\n      subDealers {\n        id\n        code\n        name\n        status\n      }\n      territories {\n        id\n        exclusive\n        active\n        validFrom\n        validTo\n        segments\n        region {\n          id\n          name\n          path\n        }\n        productLines {\n          id\n          name\n        }\n      }\n      plan(year: $year) {\n        attainmentPct\n        prepaymentPct\n        plannedVolume {\n          minor\n          currency\n        }\n        actual {\n          minor\n          currency\n        }\n      }\n      prevPlan: plan(year: $prevYear) {\n        attainmentPct\n        plannedVolume {\n          minor\n          currency\n        }\n        actual {\n          minor\n          currency\n        }\n      }\n      won: deals(first: 200, filter: { stages: [WON] }, orderBy: { field: REGISTERED_AT, direction: DESC }) {\n        totalCount\n        edges {\n          node {\n            id\n            closedAt\n            amount {\n              minor\n              currency\n            }\n          }\n        }\n      }\n    }\n  }\n":new $(`
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
    won: deals(
      first: 200
      filter: {stages: [WON]}
      orderBy: {field: REGISTERED_AT, direction: DESC}
    ) {
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
    `),"\n  query DealerPerformance($id: ID!, $year: Int!) {\n    performance: dealerPerformance(year: $year, filter: { dealerId: $id }, first: 1) {\n      edges {\n        node {\n          hasPolicy\n          bonusTier {\n            minAttainmentPct\n            bonusPct\n          }\n          bonus {\n            minor\n            currency\n          }\n          projectedActual {\n            minor\n            currency\n          }\n          projectedBonus {\n            minor\n            currency\n          }\n          marketingBudget {\n            minor\n            currency\n          }\n          marketingManufacturerShare {\n            minor\n            currency\n          }\n          marketingDealerShare {\n            minor\n            currency\n          }\n          compensationOwed {\n            minor\n            currency\n          }\n          creditUsed {\n            minor\n            currency\n          }\n          creditLimit {\n            minor\n            currency\n          }\n          overCreditLimit\n          shortfall {\n            minor\n            currency\n          }\n          planDeviation\n        }\n      }\n    }\n  }\n":new $(`
    query DealerPerformance($id: ID!, $year: Int!) {
  performance: dealerPerformance(year: $year, filter: {dealerId: $id}, first: 1) {
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
    `),"\n  query Deals($first: Int!, $after: String, $filter: DealFilter, $orderBy: DealOrder) {\n    deals(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          stage\n          quantity\n          registeredAt\n          expectedClose\n          protectedUntil\n          closeReason\n          unitPrice {\n            minor\n            currency\n          }\n          amount {\n            minor\n            currency\n          }\n          customer {\n            id\n            name\n            country\n          }\n          productLine {\n            id\n            name\n          }\n          channel {\n            kind\n            dealer {\n              id\n              name\n              code\n            }\n          }\n        }\n      }\n    }\n  }\n":new $(`
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
    `),"\n  query DealOptions($year: Int!) {\n    productLines {\n      id\n      code\n      name\n    }\n    policy(year: $year) {\n      year\n      currency\n      registrationRequiresApproval\n    }\n  }\n":new $(`
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
    `),"\n  query CustomerPick($search: String) {\n    customers(first: 20, filter: { search: $search }, orderBy: { field: NAME }) {\n      edges {\n        node {\n          id\n          name\n          country\n          taxId\n          owner {\n            kind\n            dealer {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n":new $(`
    query CustomerPick($search: String) {
  customers(first: 20, filter: {search: $search}, orderBy: {field: NAME}) {
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
    `),"\n  mutation ApproveDeal($id: ID!) {\n    approveDeal(input: { id: $id }) {\n      deal {\n        id\n        stage\n      }\n    }\n  }\n":new $(`
    mutation ApproveDeal($id: ID!) {
  approveDeal(input: {id: $id}) {
    deal {
      id
      stage
    }
  }
}
    `),"\n  mutation RejectDeal($id: ID!, $reason: String!) {\n    rejectDeal(input: { id: $id, reason: $reason }) {\n      deal {\n        id\n        stage\n        closeReason\n      }\n    }\n  }\n":new $(`
    mutation RejectDeal($id: ID!, $reason: String!) {
  rejectDeal(input: {id: $id, reason: $reason}) {
    deal {
      id
      stage
      closeReason
    }
  }
}
    `),"\n  mutation RegisterDeal($input: RegisterDealInput!) {\n    registerDeal(input: $input) {\n      deal {\n        id\n        stage\n        amount {\n          minor\n          currency\n        }\n      }\n    }\n  }\n":new $(`
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
    `),"\n  query Policies {\n    policies {\n      id\n      year\n      currency\n      directSaleThreshold {\n        minor\n        currency\n      }\n      registrationProtectionDays\n      registrationRequiresApproval\n      priceMismatchTolerancePct\n      marketingBudgetPct\n      manufacturerSharePct\n      defaultCompensationPct\n      planDeviationMarginPct\n      priceFloors {\n        productLine {\n          id\n          name\n        }\n        minUnitPrice {\n          minor\n          currency\n        }\n      }\n      bonusTiers {\n        minAttainmentPct\n        bonusPct\n      }\n      updatedAt\n    }\n    productLines {\n      id\n      name\n    }\n  }\n":new $(`
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
    `),"\n  mutation SetPolicy($input: SetPolicyInput!) {\n    setPolicy(input: $input) {\n      policy {\n        id\n        year\n        updatedAt\n      }\n    }\n  }\n":new $(`
    mutation SetPolicy($input: SetPolicyInput!) {
  setPolicy(input: $input) {
    policy {
      id
      year
      updatedAt
    }
  }
}
    `),"\n  query TerritoryRegions {\n    regions {\n      id\n      path\n      name\n      depth\n      country\n    }\n    productLines {\n      id\n      name\n    }\n  }\n":new $(`
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
    `),"\n  query Assignments($after: String) {\n    territoryAssignments(first: 200, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          exclusive\n          active\n          validFrom\n          validTo\n          segments\n          dealer {\n            id\n            name\n            code\n          }\n          region {\n            id\n            path\n            name\n          }\n          productLines {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n":new $(`
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
    `),"\n  query Palette($search: String!) {\n    customers(first: 6, filter: { search: $search }, orderBy: { field: NAME }) {\n      edges {\n        node {\n          id\n          name\n          country\n          conflicts(statuses: [OPEN, ACKNOWLEDGED]) {\n            id\n            kind\n            severity\n          }\n        }\n      }\n    }\n    dealers(first: 6, filter: { search: $search }, orderBy: { field: NAME }) {\n      edges {\n        node {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n":new $(`
    query Palette($search: String!) {
  customers(first: 6, filter: {search: $search}, orderBy: {field: NAME}) {
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
  dealers(first: 6, filter: {search: $search}, orderBy: {field: NAME}) {
    edges {
      node {
        id
        code
        name
      }
    }
  }
}
    `)};function Te(e){return we[e]??{}}export{ue as C,F as S,de as _,ye as a,fe as b,xe as c,q as d,J as f,K as g,he as h,Q as i,X as l,me as m,Se as n,be as o,_e as p,Ce as r,ve as s,Te as t,Z as u,pe as v,le as x,H as y};