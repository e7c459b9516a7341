import{a as e,r as t}from"./rolldown-runtime-BWaJ3C7D.js";import{i as n,r,v as i}from"./i18n-CtWl0v93.js";import{S as a,_ as o,a as s,f as c,h as l,i as u,n as d,p as f,r as p,s as m,t as h,x as g}from"./gql-5hXlzFmA.js";import{_,a as v,c as y,g as b}from"./index-DzmDc7hm.js";import{n as x,r as S,t as C}from"./usePaged-Cpg-cNDH.js";function w(e,t,n,r){let i=Array(12).fill(0);for(let r of e){if(!r.closedAt||r.amount.currency!==n)continue;let e=new Date(r.closedAt);e.getUTCFullYear()===t&&(i[e.getUTCMonth()]+=r.amount.minor)}let a=0;return i.map((e,t)=>(a+=e,{month:t+1,actual:e,cumulative:a,pace:Math.floor(r*(t+1)/12)}))}var T=h(`
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
`),E=h(`
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
`),D=h(`
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
`),O=n();function k({id:e,year:t,onClose:n}){let{t:i,locale:a}=r(),c=f(E,{id:e,year:t,prevYear:t-1}),l=e=>(0,O.jsxs)(`div`,{className:`detail-head`,children:[(0,O.jsx)(`h2`,{className:`detail-title`,children:e}),n&&(0,O.jsx)(`button`,{type:`button`,className:`btn icon`,onClick:n,title:`${i(`detail.close`)} (Esc)`,"aria-label":i(`detail.close`),children:`×`})]});if(c.status===`loading`)return(0,O.jsxs)(`section`,{className:`detail`,"aria-busy":`true`,children:[l((0,O.jsx)(`span`,{className:`skeleton wide`})),(0,O.jsx)(`div`,{className:`detail-body`,children:Array.from({length:8},(e,t)=>(0,O.jsx)(`div`,{className:`skeleton-line`,children:(0,O.jsx)(`span`,{className:`skeleton`})},t))})]});if(c.status===`error`)return(0,O.jsxs)(`section`,{className:`detail`,children:[l(``),(0,O.jsx)(p,{title:i(`dealers.detailError`),error:c.error})]});let u=c.data.dealer;if(!u)return(0,O.jsxs)(`section`,{className:`detail`,children:[l(``),(0,O.jsx)(d,{title:i(`dealers.notFound`)})]});let h=i(`detail.none`),g=u.plan,_=g?w(u.won.edges.map(e=>e.node),t,g.plannedVolume.currency,g.plannedVolume.minor):[];return(0,O.jsxs)(`section`,{className:`detail`,"aria-label":u.name,"data-testid":`dealer-detail`,children:[l((0,O.jsxs)(O.Fragment,{children:[(0,O.jsx)(`span`,{className:`mono dim`,children:u.code}),` `,u.name]})),(0,O.jsxs)(`div`,{className:`detail-body`,children:[(0,O.jsxs)(`dl`,{className:`facts`,children:[(0,O.jsx)(`dt`,{children:i(`dealers.col.kind`)}),(0,O.jsxs)(`dd`,{children:[i(`dealerKind.${u.kind}`),` · `,i(`dealers.tierN`,{n:u.tier}),` ·`,` `,(0,O.jsx)(`span`,{className:`status status-${u.status.toLowerCase()}`,children:i(`dealerStatus.${u.status}`)})]}),(0,O.jsx)(`dt`,{children:i(`dealers.homeRegion`)}),(0,O.jsx)(`dd`,{children:u.homeRegion?.name??h}),(0,O.jsx)(`dt`,{children:i(`dealers.contract`)}),(0,O.jsxs)(`dd`,{children:[s(u.contractStart,a),` – `,u.contractEnd?s(u.contractEnd,a):i(`dealers.openEnded`)]}),(0,O.jsx)(`dt`,{children:i(`dealers.contact`)}),(0,O.jsxs)(`dd`,{"data-testid":`dealer-contact`,children:[u.contact.name||h,u.contact.email&&(0,O.jsxs)(O.Fragment,{children:[` · `,(0,O.jsx)(`a`,{href:`mailto:${u.contact.email}`,children:u.contact.email})]}),u.contact.phone&&(0,O.jsxs)(O.Fragment,{children:[` · `,(0,O.jsx)(`span`,{className:`mono`,children:u.contact.phone})]})]}),(0,O.jsx)(`dt`,{children:i(`dealers.col.credit`)}),(0,O.jsx)(`dd`,{children:m(u.creditLimit,a)}),(0,O.jsx)(`dt`,{children:i(`dealers.col.customers`)}),(0,O.jsxs)(`dd`,{children:[(0,O.jsx)(o,{href:`/customers`,children:u.customerCount}),` · `,i(`dealers.openConflicts`,{n:u.openConflictCount})]}),u.parent&&(0,O.jsxs)(O.Fragment,{children:[(0,O.jsx)(`dt`,{children:i(`dealers.parent`)}),(0,O.jsx)(`dd`,{children:(0,O.jsxs)(o,{href:`/dealers/${encodeURIComponent(u.parent.id)}`,children:[(0,O.jsx)(`span`,{className:`mono`,children:u.parent.code}),` `,u.parent.name]})})]})]}),(0,O.jsx)(`h3`,{className:`section-title`,children:i(`dealers.planTitle`,{year:String(t)})}),g?(0,O.jsxs)(`div`,{"data-testid":`dealer-plan`,children:[(0,O.jsxs)(`div`,{className:`plan-figures`,children:[(0,O.jsxs)(`span`,{children:[i(`dealers.col.plan`,{year:String(t)}),`: `,(0,O.jsx)(`strong`,{children:m(g.plannedVolume,a)})]}),(0,O.jsxs)(`span`,{children:[i(`dealers.col.actual`),`: `,(0,O.jsx)(`strong`,{children:m(g.actual,a)})]}),(0,O.jsx)(R,{pct:g.attainmentPct})]}),(0,O.jsx)(M,{bars:_,planned:g.plannedVolume.minor,currency:g.plannedVolume.currency}),u.prevPlan&&(0,O.jsx)(`p`,{className:`dim small`,children:i(`dealers.prevYear`,{year:String(t-1),plan:m(u.prevPlan.plannedVolume,a),actual:m(u.prevPlan.actual,a),pct:new Intl.NumberFormat(a,{maximumFractionDigits:1}).format(u.prevPlan.attainmentPct)})})]}):(0,O.jsx)(`p`,{className:`dim`,children:i(`dealers.noPlanYear`,{year:String(t)})}),g&&(0,O.jsx)(A,{id:u.id,year:t}),(0,O.jsx)(`h3`,{className:`section-title`,children:i(`dealers.territories`)}),u.territories.length===0?(0,O.jsx)(`p`,{className:`dim`,children:i(`dealers.noTerritories`)}):(0,O.jsxs)(`table`,{className:`mini-table`,"data-testid":`dealer-territories`,children:[(0,O.jsx)(`thead`,{children:(0,O.jsxs)(`tr`,{children:[(0,O.jsx)(`th`,{children:i(`territories.region`)}),(0,O.jsx)(`th`,{children:i(`territories.scope`)}),(0,O.jsx)(`th`,{children:i(`territories.valid`)})]})}),(0,O.jsx)(`tbody`,{children:u.territories.map(e=>(0,O.jsxs)(`tr`,{className:e.active?void 0:`inactive`,children:[(0,O.jsxs)(`td`,{title:e.region.path,children:[e.region.name,` `,e.exclusive&&(0,O.jsx)(`span`,{className:`badge`,children:i(`territories.exclusive`)})]}),(0,O.jsx)(`td`,{title:j(e,i),children:j(e,i)}),(0,O.jsxs)(`td`,{children:[s(e.validFrom,a),` – `,e.validTo?s(e.validTo,a):``]})]},e.id))})]}),u.subDealers.length>0&&(0,O.jsxs)(O.Fragment,{children:[(0,O.jsx)(`h3`,{className:`section-title`,children:i(`dealers.subDealers`)}),(0,O.jsx)(`ul`,{className:`plain-list`,children:u.subDealers.map(e=>(0,O.jsxs)(`li`,{children:[(0,O.jsxs)(o,{href:`/dealers/${encodeURIComponent(e.id)}`,children:[(0,O.jsx)(`span`,{className:`mono`,children:e.code}),` `,e.name]}),` `,(0,O.jsx)(`span`,{className:`dim`,children:i(`dealerStatus.${e.status}`)})]},e.id))})]})]})]})}function A({id:e,year:t}){let{t:n,locale:i}=r(),a=f(D,{id:e,year:t});if(a.status===`loading`)return(0,O.jsx)(`div`,{"aria-busy":`true`,children:Array.from({length:3},(e,t)=>(0,O.jsx)(`div`,{className:`skeleton-line`,children:(0,O.jsx)(`span`,{className:`skeleton`})},t))});if(a.status===`error`)return null;let o=a.data.performance.edges[0]?.node;if(!o||!o.hasPolicy)return null;let s=e=>new Intl.NumberFormat(i,{maximumFractionDigits:1}).format(e),c=e=>m(e,i);return(0,O.jsxs)(O.Fragment,{children:[(0,O.jsx)(`h3`,{className:`section-title`,children:n(`dealers.bonusTitle`,{year:String(t)})}),(0,O.jsxs)(`dl`,{className:`facts`,"data-testid":`dealer-bonus`,children:[(0,O.jsx)(`dt`,{children:n(`dealers.bonusNow`)}),(0,O.jsxs)(`dd`,{children:[(0,O.jsx)(`strong`,{"data-testid":`bonus`,children:c(o.bonus)}),` `,(0,O.jsx)(`span`,{className:`dim`,children:o.bonusTier?n(`dealers.bonusTier`,{pct:s(o.bonusTier.minAttainmentPct),bonus:s(o.bonusTier.bonusPct)}):n(`dealers.bonusNoTier`)})]}),(0,O.jsx)(`dt`,{children:n(`dealers.projected`)}),(0,O.jsx)(`dd`,{"data-testid":`projected-bonus`,children:n(`dealers.projectedLine`,{actual:c(o.projectedActual),bonus:c(o.projectedBonus)})}),(0,O.jsx)(`dt`,{children:n(`dealers.marketing`)}),(0,O.jsxs)(`dd`,{children:[(0,O.jsx)(`strong`,{children:c(o.marketingBudget)}),` `,(0,O.jsx)(`span`,{className:`dim`,children:n(`dealers.marketingSplit`,{manufacturer:c(o.marketingManufacturerShare),dealer:c(o.marketingDealerShare)})})]}),o.compensationOwed.minor>0&&(0,O.jsxs)(O.Fragment,{children:[(0,O.jsx)(`dt`,{children:n(`dealers.compensation`)}),(0,O.jsx)(`dd`,{children:c(o.compensationOwed)})]}),(0,O.jsx)(`dt`,{children:n(`dealers.credit`)}),(0,O.jsxs)(`dd`,{children:[c(o.creditUsed),` / `,c(o.creditLimit),` `,o.overCreditLimit&&(0,O.jsx)(`span`,{className:`badge danger`,children:n(`dealers.overCredit`)})]})]}),o.planDeviation&&(0,O.jsx)(`div`,{className:`callout warn`,children:n(`dealers.behindPlan`,{amount:c(o.shortfall)})})]})}function j(e,t){return`${e.segments.length?e.segments.map(e=>t(`segment.${e}`)).join(`, `):t(`territories.allSegments`)} · ${e.productLines.length?e.productLines.map(e=>e.name).join(`, `):t(`territories.allLines`)}`}function M({bars:e,planned:t,currency:n}){let{t:i,locale:a}=r(),o=Math.max(t,...e.map(e=>e.cumulative),1),s=e=>120-e/o*114,c=Array.from({length:12},(e,t)=>new Intl.DateTimeFormat(a,{month:`narrow`,timeZone:`UTC`}).format(Date.UTC(2026,t,1))),l=e.map((e,t)=>`${t*30+15},${s(e.pace)}`).join(` `);return(0,O.jsxs)(`svg`,{className:`plan-chart`,viewBox:`0 0 360 134`,role:`img`,"aria-label":i(`dealers.chartLabel`),"data-testid":`plan-chart`,children:[e.map((e,t)=>(0,O.jsx)(`rect`,{x:t*30+3,width:24,y:s(e.cumulative),height:120-s(e.cumulative),className:e.cumulative>=e.pace?`bar good`:`bar`,children:(0,O.jsx)(`title`,{children:`${c[t]}: ${N(e.cumulative,n,a)} / ${N(e.pace,n,a)}`})},e.month)),(0,O.jsx)(`polyline`,{points:l,className:`pace`}),c.map((e,t)=>(0,O.jsx)(`text`,{x:t*30+15,y:132,className:`axis`,children:e},t))]})}function N(e,t,n){return m({minor:e,currency:t},n)}var P=t({DealersScreen:()=>L}),F=e(i(),1),I=2026;function L(){let{t:e,locale:t}=r(),n=u(),i=a(),[,o]=g(),s=i.id?decodeURIComponent(i.id):void 0,[f,h]=(0,F.useState)(``),w=b(f.trim(),250),[E,D]=(0,F.useState)(``),[A,j]=(0,F.useState)(``),[M,N]=(0,F.useState)({field:`NAME`,direction:`ASC`}),[P,L]=(0,F.useState)(-1),z=(0,F.useRef)(null),{can:B}=l(),[V,H]=(0,F.useState)(!1),[U,W]=(0,F.useState)(``),G=(0,F.useMemo)(()=>{let e={};return w&&(e.search=w),E&&(e.kind=E),A&&(e.status=A),e},[w,E,A]),K=JSON.stringify([G,M]),q=(0,F.useCallback)(async(e,t)=>{let[n,r]=JSON.parse(e),i=(await c(T,{first:100,after:t,filter:n,orderBy:r,year:I})).dealers;return{nodes:i.edges.map(e=>e.node),totalCount:i.totalCount,hasNextPage:i.pageInfo.hasNextPage,endCursor:i.pageInfo.endCursor}},[]),{paging:J,onRangeEnd:Y,retry:X,reload:ee}=x(K,q),Z=(0,F.useCallback)(e=>o(`/dealers/${encodeURIComponent(e.id)}`),[o]),Q=(0,F.useCallback)(()=>o(`/dealers`),[o]);S({count:J.items.length,setSelected:L,search:z,onEnter:()=>{let e=J.items[P];e&&Z(e)},onEscape:()=>s&&Q()});let te=(0,F.useMemo)(()=>[{id:`code`,header:e(`dealers.col.code`),width:`84px`,min:84,sortField:`CODE`,render:e=>(0,O.jsx)(`span`,{className:`mono`,children:e.code})},{id:`name`,header:e(`dealers.col.name`),width:`minmax(150px, 2fr)`,min:150,sortField:`NAME`,title:e=>e.name,render:e=>(0,O.jsx)(`span`,{className:`cell-name`,children:e.name})},{id:`kind`,header:e(`dealers.col.kind`),width:`92px`,min:92,render:t=>e(`dealerKind.${t.kind}`)},{id:`status`,header:e(`dealers.col.status`),width:`84px`,min:84,render:t=>(0,O.jsx)(`span`,{className:`status status-${t.status.toLowerCase()}`,children:e(`dealerStatus.${t.status}`)})},{id:`tier`,header:e(`dealers.col.tier`),width:`44px`,min:44,align:`end`,sortField:`TIER`,render:e=>e.tier},{id:`customers`,header:e(`dealers.col.customers`),width:`70px`,min:70,align:`end`,render:e=>e.customerCount},{id:`plan`,header:e(`dealers.col.plan`,{year:String(I)}),width:`110px`,min:110,align:`end`,render:e=>e.plan?m(e.plan.plannedVolume,t):``},{id:`actual`,header:e(`dealers.col.actual`),width:`110px`,min:110,align:`end`,render:e=>e.plan?m(e.plan.actual,t):``},{id:`attainment`,header:e(`dealers.col.attainment`),width:`120px`,min:120,render:t=>t.plan?(0,O.jsx)(R,{pct:t.plan.attainmentPct}):(0,O.jsx)(`span`,{className:`dim`,children:e(`dealers.noPlan`)})},{id:`credit`,header:e(`dealers.col.credit`),width:`106px`,min:106,align:`end`,render:e=>m(e.creditLimit,t)},{id:`conflicts`,header:e(`dealers.col.conflicts`),width:`70px`,min:70,align:`end`,render:e=>e.openConflictCount>0?(0,O.jsx)(`span`,{className:`badge warn`,children:e.openConflictCount}):(0,O.jsx)(`span`,{className:`dim`,children:`0`})}],[e,t]),$;$=J.error&&J.items.length===0?(0,O.jsx)(p,{title:e(`dealers.error`),error:J.error,action:(0,O.jsx)(`button`,{type:`button`,className:`btn`,onClick:X,children:e(`customers.retry`)})}):J.totalCount===0?(0,O.jsx)(d,{title:e(`dealers.empty`)}):(0,O.jsx)(y,{label:e(`dealers.title`),columns:te,rows:J.items,rowKey:e=>e.id,pendingRows:C(J),selectedIndex:P,openKey:s,onSelect:L,onOpen:Z,onRangeEnd:Y,sort:M,onSort:N,sortLabel:t=>e(`customers.sortBy`,{column:t}),resetKey:K});let ne=(0,O.jsxs)(`div`,{className:`list-pane`,children:[$,(0,O.jsxs)(`div`,{className:`statusbar`,children:[(0,O.jsx)(`span`,{"data-testid":`total-count`,children:J.totalCount===null?`\xA0`:e(`dealers.count`,{n:J.totalCount})}),J.error&&J.items.length>0&&(0,O.jsx)(`span`,{className:`error-message`,children:n(J.error)}),(0,O.jsx)(`span`,{className:`spacer`}),(0,O.jsx)(`span`,{className:`dim`,children:e(`customers.keys`)})]})]});return(0,O.jsxs)(`div`,{className:`screen`,children:[(0,O.jsxs)(`div`,{className:`toolbar`,role:`search`,children:[(0,O.jsx)(`h1`,{className:`screen-title`,children:e(`dealers.title`)}),(0,O.jsx)(`input`,{ref:z,type:`search`,className:`input search`,"aria-label":e(`dealers.search`),placeholder:`${e(`dealers.search`)}  /`,value:f,onChange:e=>h(e.target.value),"data-testid":`dealer-search`}),(0,O.jsxs)(`label`,{className:`field`,children:[(0,O.jsx)(`span`,{children:e(`dealers.col.kind`)}),(0,O.jsxs)(`select`,{className:`input`,value:E,onChange:e=>D(e.target.value),"data-testid":`kind-filter`,children:[(0,O.jsx)(`option`,{value:``,children:e(`deals.filter.any`)}),[`DISTRIBUTOR`,`DEALER`,`SUBDEALER`].map(t=>(0,O.jsx)(`option`,{value:t,children:e(`dealerKind.${t}`)},t))]})]}),(0,O.jsxs)(`label`,{className:`field`,children:[(0,O.jsx)(`span`,{children:e(`dealers.col.status`)}),(0,O.jsxs)(`select`,{className:`input`,value:A,onChange:e=>j(e.target.value),"data-testid":`status-filter`,children:[(0,O.jsx)(`option`,{value:``,children:e(`deals.filter.any`)}),[`ACTIVE`,`SUSPENDED`,`TERMINATED`].map(t=>(0,O.jsx)(`option`,{value:t,children:e(`dealerStatus.${t}`)},t))]})]}),(0,O.jsx)(`span`,{className:`spacer`}),U&&(0,O.jsx)(`span`,{className:`notice`,"data-testid":`notice`,children:U}),B(`data.import`)&&(0,O.jsx)(`button`,{type:`button`,className:`btn`,onClick:()=>H(!0),"data-testid":`import-csv`,children:e(`import.action`)})]}),(0,O.jsx)(_,{id:`dealers`,label:e(`dealers.title`),left:ne,initialRight:520,right:s?(0,O.jsx)(k,{id:s,year:I,onClose:Q},s):null}),V&&(0,O.jsx)(v,{kind:`dealers`,onClose:()=>H(!1),onImported:t=>{W(e(`import.notice`,{n:t.imported})),ee()}})]})}function R({pct:e}){let{locale:t}=r();return(0,O.jsxs)(`span`,{className:`attain attain-${e>=100?`good`:e>=50?`mid`:`low`}`,"data-pct":e.toFixed(1),children:[(0,O.jsx)(`span`,{className:`attain-bar`,"aria-hidden":`true`,children:(0,O.jsx)(`span`,{style:{width:`${Math.min(100,Math.max(0,e))}%`}})}),new Intl.NumberFormat(t,{maximumFractionDigits:1}).format(e),` %`]})}export{j as i,I as n,k as r,P as t};