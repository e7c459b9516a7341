import{a as e,r as t}from"./rolldown-runtime-BWaJ3C7D.js";import{a as n,i as r,y as i}from"./i18n-BHKzeXiD.js";import{S as a,_ as o,a as s,f as c,h as l,i as u,n as d,p as f,r as p,s as m,t as h,x as g}from"./gql-0dk0-ODP.js";import{_,a as v,c as y,l as b,v as x}from"./index-CC60MFqO.js";import{n as S,r as C,t as w}from"./usePaged-C9Y0Igdi.js";function T(e,t,n,r){let i=Array(12).fill(0);for(let r of e){if(!r.closedAt||r.amount.currency!==n)continue;let e=new Date(r.closedAt);e.getUTCFullYear()===t&&(i[e.getUTCMonth()]+=r.amount.minor)}let a=0;return i.map((e,t)=>(a+=e,{month:t+1,actual:e,cumulative:a,pace:Math.floor(r*(t+1)/12)}))}var E=h(`
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
`),D=h(`
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
`),O=h(`
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
`),k=n();function A({id:e,year:t,onClose:n}){let{t:i,locale:a}=r(),c=f(D,{id:e,year:t,prevYear:t-1}),l=e=>(0,k.jsxs)(`div`,{className:`detail-head`,children:[(0,k.jsx)(`h2`,{className:`detail-title`,children:e}),n&&(0,k.jsx)(`button`,{type:`button`,className:`btn icon`,onClick:n,title:`${i(`detail.close`)} (Esc)`,"aria-label":i(`detail.close`),children:`×`})]});if(c.status===`loading`)return(0,k.jsxs)(`section`,{className:`detail`,"aria-busy":`true`,children:[l((0,k.jsx)(`span`,{className:`skeleton wide`})),(0,k.jsx)(`div`,{className:`detail-body`,children:Array.from({length:8},(e,t)=>(0,k.jsx)(`div`,{className:`skeleton-line`,children:(0,k.jsx)(`span`,{className:`skeleton`})},t))})]});if(c.status===`error`)return(0,k.jsxs)(`section`,{className:`detail`,children:[l(``),(0,k.jsx)(p,{title:i(`dealers.detailError`),error:c.error})]});let u=c.data.dealer;if(!u)return(0,k.jsxs)(`section`,{className:`detail`,children:[l(``),(0,k.jsx)(d,{title:i(`dealers.notFound`)})]});let h=i(`detail.none`),g=u.plan,_=g?T(u.won.edges.map(e=>e.node),t,g.plannedVolume.currency,g.plannedVolume.minor):[];return(0,k.jsxs)(`section`,{className:`detail`,"aria-label":u.name,"data-testid":`dealer-detail`,children:[l((0,k.jsxs)(k.Fragment,{children:[(0,k.jsx)(`span`,{className:`mono dim`,children:u.code}),` `,u.name]})),(0,k.jsxs)(`div`,{className:`detail-body`,children:[(0,k.jsxs)(`dl`,{className:`facts`,children:[(0,k.jsx)(`dt`,{children:i(`dealers.col.kind`)}),(0,k.jsxs)(`dd`,{children:[i(`dealerKind.${u.kind}`),` · `,i(`dealers.tierN`,{n:u.tier}),` ·`,` `,(0,k.jsx)(`span`,{className:`status status-${u.status.toLowerCase()}`,children:i(`dealerStatus.${u.status}`)})]}),(0,k.jsx)(`dt`,{children:i(`dealers.homeRegion`)}),(0,k.jsx)(`dd`,{children:u.homeRegion?.name??h}),(0,k.jsx)(`dt`,{children:i(`dealers.contract`)}),(0,k.jsxs)(`dd`,{children:[s(u.contractStart,a),` – `,u.contractEnd?s(u.contractEnd,a):i(`dealers.openEnded`)]}),(0,k.jsx)(`dt`,{children:i(`dealers.contact`)}),(0,k.jsxs)(`dd`,{"data-testid":`dealer-contact`,children:[u.contact.name||h,u.contact.email&&(0,k.jsxs)(k.Fragment,{children:[` · `,(0,k.jsx)(`a`,{href:`mailto:${u.contact.email}`,children:u.contact.email})]}),u.contact.phone&&(0,k.jsxs)(k.Fragment,{children:[` · `,(0,k.jsx)(`span`,{className:`mono`,children:u.contact.phone})]})]}),(0,k.jsx)(`dt`,{children:i(`dealers.col.credit`)}),(0,k.jsx)(`dd`,{children:m(u.creditLimit,a)}),(0,k.jsx)(`dt`,{children:i(`dealers.col.customers`)}),(0,k.jsxs)(`dd`,{children:[(0,k.jsx)(o,{href:`/customers`,children:u.customerCount}),` · `,i(`dealers.openConflicts`,{n:u.openConflictCount})]}),u.parent&&(0,k.jsxs)(k.Fragment,{children:[(0,k.jsx)(`dt`,{children:i(`dealers.parent`)}),(0,k.jsx)(`dd`,{children:(0,k.jsxs)(o,{href:`/dealers/${encodeURIComponent(u.parent.id)}`,children:[(0,k.jsx)(`span`,{className:`mono`,children:u.parent.code}),` `,u.parent.name]})})]})]}),(0,k.jsx)(`h3`,{className:`section-title`,children:i(`dealers.planTitle`,{year:String(t)})}),g?(0,k.jsxs)(`div`,{"data-testid":`dealer-plan`,children:[(0,k.jsxs)(`div`,{className:`plan-figures`,children:[(0,k.jsxs)(`span`,{children:[i(`dealers.col.plan`,{year:String(t)}),`: `,(0,k.jsx)(`strong`,{children:m(g.plannedVolume,a)})]}),(0,k.jsxs)(`span`,{children:[i(`dealers.col.actual`),`: `,(0,k.jsx)(`strong`,{children:m(g.actual,a)})]}),(0,k.jsx)(z,{pct:g.attainmentPct})]}),(0,k.jsx)(N,{bars:_,planned:g.plannedVolume.minor,currency:g.plannedVolume.currency}),u.prevPlan&&(0,k.jsx)(`p`,{className:`dim small`,children:i(`dealers.prevYear`,{year:String(t-1),plan:m(u.prevPlan.plannedVolume,a),actual:m(u.prevPlan.actual,a),pct:new Intl.NumberFormat(a,{maximumFractionDigits:1}).format(u.prevPlan.attainmentPct)})})]}):(0,k.jsx)(`p`,{className:`dim`,children:i(`dealers.noPlanYear`,{year:String(t)})}),g&&(0,k.jsx)(j,{id:u.id,year:t}),(0,k.jsx)(`h3`,{className:`section-title`,children:i(`dealers.territories`)}),u.territories.length===0?(0,k.jsx)(`p`,{className:`dim`,children:i(`dealers.noTerritories`)}):(0,k.jsxs)(`table`,{className:`mini-table`,"data-testid":`dealer-territories`,children:[(0,k.jsx)(`thead`,{children:(0,k.jsxs)(`tr`,{children:[(0,k.jsx)(`th`,{children:i(`territories.region`)}),(0,k.jsx)(`th`,{children:i(`territories.scope`)}),(0,k.jsx)(`th`,{children:i(`territories.valid`)})]})}),(0,k.jsx)(`tbody`,{children:u.territories.map(e=>(0,k.jsxs)(`tr`,{className:e.active?void 0:`inactive`,children:[(0,k.jsxs)(`td`,{title:e.region.path,children:[e.region.name,` `,e.exclusive&&(0,k.jsx)(`span`,{className:`badge`,children:i(`territories.exclusive`)})]}),(0,k.jsx)(`td`,{title:M(e,i),children:M(e,i)}),(0,k.jsxs)(`td`,{children:[s(e.validFrom,a),` – `,e.validTo?s(e.validTo,a):``]})]},e.id))})]}),u.subDealers.length>0&&(0,k.jsxs)(k.Fragment,{children:[(0,k.jsx)(`h3`,{className:`section-title`,children:i(`dealers.subDealers`)}),(0,k.jsx)(`ul`,{className:`plain-list`,children:u.subDealers.map(e=>(0,k.jsxs)(`li`,{children:[(0,k.jsxs)(o,{href:`/dealers/${encodeURIComponent(e.id)}`,children:[(0,k.jsx)(`span`,{className:`mono`,children:e.code}),` `,e.name]}),` `,(0,k.jsx)(`span`,{className:`dim`,children:i(`dealerStatus.${e.status}`)})]},e.id))})]})]})]})}function j({id:e,year:t}){let{t:n,locale:i}=r(),a=f(O,{id:e,year:t});if(a.status===`loading`)return(0,k.jsx)(`div`,{"aria-busy":`true`,children:Array.from({length:3},(e,t)=>(0,k.jsx)(`div`,{className:`skeleton-line`,children:(0,k.jsx)(`span`,{className:`skeleton`})},t))});if(a.status===`error`)return null;let o=a.data.performance.edges[0]?.node;if(!o||!o.hasPolicy)return null;let s=e=>new Intl.NumberFormat(i,{maximumFractionDigits:1}).format(e),c=e=>m(e,i);return(0,k.jsxs)(k.Fragment,{children:[(0,k.jsx)(`h3`,{className:`section-title`,children:n(`dealers.bonusTitle`,{year:String(t)})}),(0,k.jsxs)(`dl`,{className:`facts`,"data-testid":`dealer-bonus`,children:[(0,k.jsx)(`dt`,{children:n(`dealers.bonusNow`)}),(0,k.jsxs)(`dd`,{children:[(0,k.jsx)(`strong`,{"data-testid":`bonus`,children:c(o.bonus)}),` `,(0,k.jsx)(`span`,{className:`dim`,children:o.bonusTier?n(`dealers.bonusTier`,{pct:s(o.bonusTier.minAttainmentPct),bonus:s(o.bonusTier.bonusPct)}):n(`dealers.bonusNoTier`)})]}),(0,k.jsx)(`dt`,{children:n(`dealers.projected`)}),(0,k.jsx)(`dd`,{"data-testid":`projected-bonus`,children:n(`dealers.projectedLine`,{actual:c(o.projectedActual),bonus:c(o.projectedBonus)})}),(0,k.jsx)(`dt`,{children:n(`dealers.marketing`)}),(0,k.jsxs)(`dd`,{children:[(0,k.jsx)(`strong`,{children:c(o.marketingBudget)}),` `,(0,k.jsx)(`span`,{className:`dim`,children:n(`dealers.marketingSplit`,{manufacturer:c(o.marketingManufacturerShare),dealer:c(o.marketingDealerShare)})})]}),o.compensationOwed.minor>0&&(0,k.jsxs)(k.Fragment,{children:[(0,k.jsx)(`dt`,{children:n(`dealers.compensation`)}),(0,k.jsx)(`dd`,{children:c(o.compensationOwed)})]}),(0,k.jsx)(`dt`,{children:n(`dealers.credit`)}),(0,k.jsxs)(`dd`,{children:[c(o.creditUsed),` / `,c(o.creditLimit),` `,o.overCreditLimit&&(0,k.jsx)(`span`,{className:`badge danger`,children:n(`dealers.overCredit`)})]})]}),o.planDeviation&&(0,k.jsx)(`div`,{className:`callout warn`,children:n(`dealers.behindPlan`,{amount:c(o.shortfall)})})]})}function M(e,t){return`${e.segments.length?e.segments.map(e=>t(`segment.${e}`)).join(`, `):t(`territories.allSegments`)} · ${e.productLines.length?e.productLines.map(e=>e.name).join(`, `):t(`territories.allLines`)}`}function N({bars:e,planned:t,currency:n}){let{t:i,locale:a}=r(),o=Math.max(t,...e.map(e=>e.cumulative),1),s=e=>120-e/o*114,c=Array.from({length:12},(e,t)=>new Intl.DateTimeFormat(a,{month:`narrow`,timeZone:`UTC`}).format(Date.UTC(2026,t,1))),l=e.map((e,t)=>`${t*30+15},${s(e.pace)}`).join(` `);return(0,k.jsxs)(`svg`,{className:`plan-chart`,viewBox:`0 0 360 134`,role:`img`,"aria-label":i(`dealers.chartLabel`),"data-testid":`plan-chart`,children:[e.map((e,t)=>(0,k.jsx)(`rect`,{x:t*30+3,width:24,y:s(e.cumulative),height:120-s(e.cumulative),className:e.cumulative>=e.pace?`bar good`:`bar`,children:(0,k.jsx)(`title`,{children:`${c[t]}: ${P(e.cumulative,n,a)} / ${P(e.pace,n,a)}`})},e.month)),(0,k.jsx)(`polyline`,{points:l,className:`pace`}),c.map((e,t)=>(0,k.jsx)(`text`,{x:t*30+15,y:132,className:`axis`,children:e},t))]})}function P(e,t,n){return m({minor:e,currency:t},n)}var F=t({DealersScreen:()=>R}),I=e(i(),1),L=2026;function R(){let{t:e,locale:t}=r(),n=u(),i=a(),[,o]=g(),s=i.id?decodeURIComponent(i.id):void 0,[f,h]=(0,I.useState)(``),T=_(f.trim(),250),[D,O]=(0,I.useState)(``),[j,M]=(0,I.useState)(``),[N,P]=(0,I.useState)({field:`NAME`,direction:`ASC`}),[F,R]=(0,I.useState)(-1),B=(0,I.useRef)(null),{can:V}=l(),[H,U]=(0,I.useState)(!1),[W,G]=(0,I.useState)(``),K=(0,I.useMemo)(()=>{let e={};return T&&(e.search=T),D&&(e.kind=D),j&&(e.status=j),e},[T,D,j]),q=JSON.stringify([K,N]),J=(0,I.useCallback)(async(e,t)=>{let[n,r]=JSON.parse(e),i=(await c(E,{first:100,after:t,filter:n,orderBy:r,year:L})).dealers;return{nodes:i.edges.map(e=>e.node),totalCount:i.totalCount,hasNextPage:i.pageInfo.hasNextPage,endCursor:i.pageInfo.endCursor}},[]),{paging:Y,onRangeEnd:X,retry:ee,reload:te}=S(q,J),Z=(0,I.useCallback)(e=>o(`/dealers/${encodeURIComponent(e.id)}`),[o]),Q=(0,I.useCallback)(()=>o(`/dealers`),[o]);C({count:Y.items.length,setSelected:R,search:B,onEnter:()=>{let e=Y.items[F];e&&Z(e)},onEscape:()=>s&&Q()});let ne=(0,I.useMemo)(()=>[{id:`code`,header:e(`dealers.col.code`),width:`84px`,min:84,sortField:`CODE`,render:e=>(0,k.jsx)(`span`,{className:`mono`,children:e.code})},{id:`name`,header:e(`dealers.col.name`),width:`minmax(150px, 2fr)`,min:150,sortField:`NAME`,title:e=>e.name,render:e=>(0,k.jsx)(`span`,{className:`cell-name`,children:e.name})},{id:`kind`,header:e(`dealers.col.kind`),width:`92px`,min:92,render:t=>e(`dealerKind.${t.kind}`)},{id:`status`,header:e(`dealers.col.status`),width:`84px`,min:84,render:t=>(0,k.jsx)(`span`,{className:`status status-${t.status.toLowerCase()}`,children:e(`dealerStatus.${t.status}`)})},{id:`tier`,header:e(`dealers.col.tier`),width:`44px`,min:44,align:`end`,sortField:`TIER`,render:e=>e.tier},{id:`customers`,header:e(`dealers.col.customers`),width:`70px`,min:70,align:`end`,render:e=>e.customerCount},{id:`plan`,header:e(`dealers.col.plan`,{year:String(L)}),width:`110px`,min:110,align:`end`,render:e=>e.plan?m(e.plan.plannedVolume,t):``},{id:`actual`,header:e(`dealers.col.actual`),width:`110px`,min:110,align:`end`,render:e=>e.plan?m(e.plan.actual,t):``},{id:`attainment`,header:e(`dealers.col.attainment`),width:`120px`,min:120,render:t=>t.plan?(0,k.jsx)(z,{pct:t.plan.attainmentPct}):(0,k.jsx)(`span`,{className:`dim`,children:e(`dealers.noPlan`)})},{id:`credit`,header:e(`dealers.col.credit`),width:`106px`,min:106,align:`end`,render:e=>m(e.creditLimit,t)},{id:`conflicts`,header:e(`dealers.col.conflicts`),width:`70px`,min:70,align:`end`,render:e=>e.openConflictCount>0?(0,k.jsx)(`span`,{className:`badge warn`,children:e.openConflictCount}):(0,k.jsx)(`span`,{className:`dim`,children:`0`})}],[e,t]),$;$=Y.error&&Y.items.length===0?(0,k.jsx)(p,{title:e(`dealers.error`),error:Y.error,action:(0,k.jsx)(`button`,{type:`button`,className:`btn`,onClick:ee,children:e(`customers.retry`)})}):Y.totalCount===0?(0,k.jsx)(d,{title:e(`dealers.empty`)}):(0,k.jsx)(b,{label:e(`dealers.title`),columns:ne,rows:Y.items,rowKey:e=>e.id,pendingRows:w(Y),selectedIndex:F,openKey:s,onSelect:R,onOpen:Z,onRangeEnd:X,sort:N,onSort:P,sortLabel:t=>e(`customers.sortBy`,{column:t}),resetKey:q});let re=(0,k.jsxs)(`div`,{className:`list-pane`,children:[$,(0,k.jsxs)(`div`,{className:`statusbar`,children:[(0,k.jsx)(`span`,{"data-testid":`total-count`,children:Y.totalCount===null?`\xA0`:e(`dealers.count`,{n:Y.totalCount})}),Y.error&&Y.items.length>0&&(0,k.jsx)(`span`,{className:`error-message`,children:n(Y.error)}),(0,k.jsx)(`span`,{className:`spacer`}),(0,k.jsx)(`span`,{className:`dim`,children:e(`customers.keys`)})]})]});return(0,k.jsxs)(`div`,{className:`screen`,children:[(0,k.jsxs)(`div`,{className:`toolbar`,role:`search`,children:[(0,k.jsx)(`h1`,{className:`screen-title`,children:e(`dealers.title`)}),(0,k.jsx)(`input`,{ref:B,type:`search`,className:`input search`,"aria-label":e(`dealers.search`),placeholder:`${e(`dealers.search`)}  /`,value:f,onChange:e=>h(e.target.value),"data-testid":`dealer-search`}),(0,k.jsxs)(`label`,{className:`field`,children:[(0,k.jsx)(`span`,{children:e(`dealers.col.kind`)}),(0,k.jsxs)(`select`,{className:`input`,value:D,onChange:e=>O(e.target.value),"data-testid":`kind-filter`,children:[(0,k.jsx)(`option`,{value:``,children:e(`deals.filter.any`)}),[`DISTRIBUTOR`,`DEALER`,`SUBDEALER`].map(t=>(0,k.jsx)(`option`,{value:t,children:e(`dealerKind.${t}`)},t))]})]}),(0,k.jsxs)(`label`,{className:`field`,children:[(0,k.jsx)(`span`,{children:e(`dealers.col.status`)}),(0,k.jsxs)(`select`,{className:`input`,value:j,onChange:e=>M(e.target.value),"data-testid":`status-filter`,children:[(0,k.jsx)(`option`,{value:``,children:e(`deals.filter.any`)}),[`ACTIVE`,`SUSPENDED`,`TERMINATED`].map(t=>(0,k.jsx)(`option`,{value:t,children:e(`dealerStatus.${t}`)},t))]})]}),(0,k.jsx)(`span`,{className:`spacer`}),W&&(0,k.jsx)(`span`,{className:`notice`,"data-testid":`notice`,children:W}),(0,k.jsx)(y,{kind:`dealers`,filter:K}),V(`data.import`)&&(0,k.jsx)(`button`,{type:`button`,className:`btn`,onClick:()=>U(!0),"data-testid":`import-csv`,children:e(`import.action`)})]}),(0,k.jsx)(x,{id:`dealers`,label:e(`dealers.title`),left:re,initialRight:520,right:s?(0,k.jsx)(A,{id:s,year:L,onClose:Q},s):null}),H&&(0,k.jsx)(v,{kind:`dealers`,onClose:()=>U(!1),onImported:t=>{G(e(`import.notice`,{n:t.imported})),te()}})]})}function z({pct:e}){let{locale:t}=r();return(0,k.jsxs)(`span`,{className:`attain attain-${e>=100?`good`:e>=50?`mid`:`low`}`,"data-pct":e.toFixed(1),children:[(0,k.jsx)(`span`,{className:`attain-bar`,"aria-hidden":`true`,children:(0,k.jsx)(`span`,{style:{width:`${Math.min(100,Math.max(0,e))}%`}})}),new Intl.NumberFormat(t,{maximumFractionDigits:1}).format(e),` %`]})}export{M as i,L as n,A as r,F as t};