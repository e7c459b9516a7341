import{a as e,r as t}from"./rolldown-runtime-BWaJ3C7D.js";import{i as n,r,v as i}from"./i18n-zT47jvHF.js";import{C as a,M as o,N as s,O as c,_ as l,b as u,g as d,h as f,j as p,k as m,s as h,v as g,x as _,y as v}from"./index-BpBvcvhn.js";import{n as y,r as b,t as x}from"./usePaged-CPZryJN2.js";function S(e,t,n,r){let i=Array(12).fill(0);for(let r of e){if(!r.closedAt||r.amount.currency!==n)continue;let e=new Date(r.closedAt);e.getUTCFullYear()===t&&(i[e.getUTCMonth()]+=r.amount.minor)}let a=0;return i.map((e,t)=>(a+=e,{month:t+1,actual:e,cumulative:a,pace:Math.floor(r*(t+1)/12)}))}var C=f(`
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
`),w=f(`
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
`),T=f(`
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
`),E=n();function D({id:e,year:t,onClose:n}){let{t:i,locale:o}=r(),s=m(w,{id:e,year:t,prevYear:t-1}),c=e=>(0,E.jsxs)(`div`,{className:`detail-head`,children:[(0,E.jsx)(`h2`,{className:`detail-title`,children:e}),n&&(0,E.jsx)(`button`,{type:`button`,className:`btn icon`,onClick:n,title:`${i(`detail.close`)} (Esc)`,"aria-label":i(`detail.close`),children:`×`})]});if(s.status===`loading`)return(0,E.jsxs)(`section`,{className:`detail`,"aria-busy":`true`,children:[c((0,E.jsx)(`span`,{className:`skeleton wide`})),(0,E.jsx)(`div`,{className:`detail-body`,children:Array.from({length:8},(e,t)=>(0,E.jsx)(`div`,{className:`skeleton-line`,children:(0,E.jsx)(`span`,{className:`skeleton`})},t))})]});if(s.status===`error`)return(0,E.jsxs)(`section`,{className:`detail`,children:[c(``),(0,E.jsx)(g,{title:i(`dealers.detailError`),error:s.error})]});let u=s.data.dealer;if(!u)return(0,E.jsxs)(`section`,{className:`detail`,children:[c(``),(0,E.jsx)(l,{title:i(`dealers.notFound`)})]});let d=i(`detail.none`),f=u.plan,h=f?S(u.won.edges.map(e=>e.node),t,f.plannedVolume.currency,f.plannedVolume.minor):[];return(0,E.jsxs)(`section`,{className:`detail`,"aria-label":u.name,"data-testid":`dealer-detail`,children:[c((0,E.jsxs)(E.Fragment,{children:[(0,E.jsx)(`span`,{className:`mono dim`,children:u.code}),` `,u.name]})),(0,E.jsxs)(`div`,{className:`detail-body`,children:[(0,E.jsxs)(`dl`,{className:`facts`,children:[(0,E.jsx)(`dt`,{children:i(`dealers.col.kind`)}),(0,E.jsxs)(`dd`,{children:[i(`dealerKind.${u.kind}`),` · `,i(`dealers.tierN`,{n:u.tier}),` ·`,` `,(0,E.jsx)(`span`,{className:`status status-${u.status.toLowerCase()}`,children:i(`dealerStatus.${u.status}`)})]}),(0,E.jsx)(`dt`,{children:i(`dealers.homeRegion`)}),(0,E.jsx)(`dd`,{children:u.homeRegion?.name??d}),(0,E.jsx)(`dt`,{children:i(`dealers.contract`)}),(0,E.jsxs)(`dd`,{children:[_(u.contractStart,o),` – `,u.contractEnd?_(u.contractEnd,o):i(`dealers.openEnded`)]}),(0,E.jsx)(`dt`,{children:i(`dealers.contact`)}),(0,E.jsxs)(`dd`,{"data-testid":`dealer-contact`,children:[u.contact.name||d,u.contact.email&&(0,E.jsxs)(E.Fragment,{children:[` · `,(0,E.jsx)(`a`,{href:`mailto:${u.contact.email}`,children:u.contact.email})]}),u.contact.phone&&(0,E.jsxs)(E.Fragment,{children:[` · `,(0,E.jsx)(`span`,{className:`mono`,children:u.contact.phone})]})]}),(0,E.jsx)(`dt`,{children:i(`dealers.col.credit`)}),(0,E.jsx)(`dd`,{children:a(u.creditLimit,o)}),(0,E.jsx)(`dt`,{children:i(`dealers.col.customers`)}),(0,E.jsxs)(`dd`,{children:[(0,E.jsx)(p,{href:`/customers`,children:u.customerCount}),` · `,i(`dealers.openConflicts`,{n:u.openConflictCount})]}),u.parent&&(0,E.jsxs)(E.Fragment,{children:[(0,E.jsx)(`dt`,{children:i(`dealers.parent`)}),(0,E.jsx)(`dd`,{children:(0,E.jsxs)(p,{href:`/dealers/${encodeURIComponent(u.parent.id)}`,children:[(0,E.jsx)(`span`,{className:`mono`,children:u.parent.code}),` `,u.parent.name]})})]})]}),(0,E.jsx)(`h3`,{className:`section-title`,children:i(`dealers.planTitle`,{year:String(t)})}),f?(0,E.jsxs)(`div`,{"data-testid":`dealer-plan`,children:[(0,E.jsxs)(`div`,{className:`plan-figures`,children:[(0,E.jsxs)(`span`,{children:[i(`dealers.col.plan`,{year:String(t)}),`: `,(0,E.jsx)(`strong`,{children:a(f.plannedVolume,o)})]}),(0,E.jsxs)(`span`,{children:[i(`dealers.col.actual`),`: `,(0,E.jsx)(`strong`,{children:a(f.actual,o)})]}),(0,E.jsx)(I,{pct:f.attainmentPct})]}),(0,E.jsx)(A,{bars:h,planned:f.plannedVolume.minor,currency:f.plannedVolume.currency}),u.prevPlan&&(0,E.jsx)(`p`,{className:`dim small`,children:i(`dealers.prevYear`,{year:String(t-1),plan:a(u.prevPlan.plannedVolume,o),actual:a(u.prevPlan.actual,o),pct:new Intl.NumberFormat(o,{maximumFractionDigits:1}).format(u.prevPlan.attainmentPct)})})]}):(0,E.jsx)(`p`,{className:`dim`,children:i(`dealers.noPlanYear`,{year:String(t)})}),f&&(0,E.jsx)(O,{id:u.id,year:t}),(0,E.jsx)(`h3`,{className:`section-title`,children:i(`dealers.territories`)}),u.territories.length===0?(0,E.jsx)(`p`,{className:`dim`,children:i(`dealers.noTerritories`)}):(0,E.jsxs)(`table`,{className:`mini-table`,"data-testid":`dealer-territories`,children:[(0,E.jsx)(`thead`,{children:(0,E.jsxs)(`tr`,{children:[(0,E.jsx)(`th`,{children:i(`territories.region`)}),(0,E.jsx)(`th`,{children:i(`territories.scope`)}),(0,E.jsx)(`th`,{children:i(`territories.valid`)})]})}),(0,E.jsx)(`tbody`,{children:u.territories.map(e=>(0,E.jsxs)(`tr`,{className:e.active?void 0:`inactive`,children:[(0,E.jsxs)(`td`,{title:e.region.path,children:[e.region.name,` `,e.exclusive&&(0,E.jsx)(`span`,{className:`badge`,children:i(`territories.exclusive`)})]}),(0,E.jsx)(`td`,{title:k(e,i),children:k(e,i)}),(0,E.jsxs)(`td`,{children:[_(e.validFrom,o),` – `,e.validTo?_(e.validTo,o):``]})]},e.id))})]}),u.subDealers.length>0&&(0,E.jsxs)(E.Fragment,{children:[(0,E.jsx)(`h3`,{className:`section-title`,children:i(`dealers.subDealers`)}),(0,E.jsx)(`ul`,{className:`plain-list`,children:u.subDealers.map(e=>(0,E.jsxs)(`li`,{children:[(0,E.jsxs)(p,{href:`/dealers/${encodeURIComponent(e.id)}`,children:[(0,E.jsx)(`span`,{className:`mono`,children:e.code}),` `,e.name]}),` `,(0,E.jsx)(`span`,{className:`dim`,children:i(`dealerStatus.${e.status}`)})]},e.id))})]})]})]})}function O({id:e,year:t}){let{t:n,locale:i}=r(),o=m(T,{id:e,year:t});if(o.status===`loading`)return(0,E.jsx)(`div`,{"aria-busy":`true`,children:Array.from({length:3},(e,t)=>(0,E.jsx)(`div`,{className:`skeleton-line`,children:(0,E.jsx)(`span`,{className:`skeleton`})},t))});if(o.status===`error`)return null;let s=o.data.performance.edges[0]?.node;if(!s||!s.hasPolicy)return null;let c=e=>new Intl.NumberFormat(i,{maximumFractionDigits:1}).format(e),l=e=>a(e,i);return(0,E.jsxs)(E.Fragment,{children:[(0,E.jsx)(`h3`,{className:`section-title`,children:n(`dealers.bonusTitle`,{year:String(t)})}),(0,E.jsxs)(`dl`,{className:`facts`,"data-testid":`dealer-bonus`,children:[(0,E.jsx)(`dt`,{children:n(`dealers.bonusNow`)}),(0,E.jsxs)(`dd`,{children:[(0,E.jsx)(`strong`,{"data-testid":`bonus`,children:l(s.bonus)}),` `,(0,E.jsx)(`span`,{className:`dim`,children:s.bonusTier?n(`dealers.bonusTier`,{pct:c(s.bonusTier.minAttainmentPct),bonus:c(s.bonusTier.bonusPct)}):n(`dealers.bonusNoTier`)})]}),(0,E.jsx)(`dt`,{children:n(`dealers.projected`)}),(0,E.jsx)(`dd`,{"data-testid":`projected-bonus`,children:n(`dealers.projectedLine`,{actual:l(s.projectedActual),bonus:l(s.projectedBonus)})}),(0,E.jsx)(`dt`,{children:n(`dealers.marketing`)}),(0,E.jsxs)(`dd`,{children:[(0,E.jsx)(`strong`,{children:l(s.marketingBudget)}),` `,(0,E.jsx)(`span`,{className:`dim`,children:n(`dealers.marketingSplit`,{manufacturer:l(s.marketingManufacturerShare),dealer:l(s.marketingDealerShare)})})]}),s.compensationOwed.minor>0&&(0,E.jsxs)(E.Fragment,{children:[(0,E.jsx)(`dt`,{children:n(`dealers.compensation`)}),(0,E.jsx)(`dd`,{children:l(s.compensationOwed)})]}),(0,E.jsx)(`dt`,{children:n(`dealers.credit`)}),(0,E.jsxs)(`dd`,{children:[l(s.creditUsed),` / `,l(s.creditLimit),` `,s.overCreditLimit&&(0,E.jsx)(`span`,{className:`badge danger`,children:n(`dealers.overCredit`)})]})]}),s.planDeviation&&(0,E.jsx)(`div`,{className:`callout warn`,children:n(`dealers.behindPlan`,{amount:l(s.shortfall)})})]})}function k(e,t){return`${e.segments.length?e.segments.map(e=>t(`segment.${e}`)).join(`, `):t(`territories.allSegments`)} · ${e.productLines.length?e.productLines.map(e=>e.name).join(`, `):t(`territories.allLines`)}`}function A({bars:e,planned:t,currency:n}){let{t:i,locale:a}=r(),o=Math.max(t,...e.map(e=>e.cumulative),1),s=e=>120-e/o*114,c=Array.from({length:12},(e,t)=>new Intl.DateTimeFormat(a,{month:`narrow`,timeZone:`UTC`}).format(Date.UTC(2026,t,1))),l=e.map((e,t)=>`${t*30+15},${s(e.pace)}`).join(` `);return(0,E.jsxs)(`svg`,{className:`plan-chart`,viewBox:`0 0 360 134`,role:`img`,"aria-label":i(`dealers.chartLabel`),"data-testid":`plan-chart`,children:[e.map((e,t)=>(0,E.jsx)(`rect`,{x:t*30+3,width:24,y:s(e.cumulative),height:120-s(e.cumulative),className:e.cumulative>=e.pace?`bar good`:`bar`,children:(0,E.jsx)(`title`,{children:`${c[t]}: ${j(e.cumulative,n,a)} / ${j(e.pace,n,a)}`})},e.month)),(0,E.jsx)(`polyline`,{points:l,className:`pace`}),c.map((e,t)=>(0,E.jsx)(`text`,{x:t*30+15,y:132,className:`axis`,children:e},t))]})}function j(e,t,n){return a({minor:e,currency:t},n)}var M=t({DealersScreen:()=>F}),N=e(i(),1),P=2026;function F(){let{t:e,locale:t}=r(),n=v(),i=s(),[,f]=o(),p=i.id?decodeURIComponent(i.id):void 0,[m,_]=(0,N.useState)(``),S=d(m.trim(),250),[w,T]=(0,N.useState)(``),[O,k]=(0,N.useState)(``),[A,j]=(0,N.useState)({field:`NAME`,direction:`ASC`}),[M,F]=(0,N.useState)(-1),L=(0,N.useRef)(null),R=(0,N.useMemo)(()=>{let e={};return S&&(e.search=S),w&&(e.kind=w),O&&(e.status=O),e},[S,w,O]),z=JSON.stringify([R,A]),B=(0,N.useCallback)(async(e,t)=>{let[n,r]=JSON.parse(e),i=(await c(C,{first:100,after:t,filter:n,orderBy:r,year:P})).dealers;return{nodes:i.edges.map(e=>e.node),totalCount:i.totalCount,hasNextPage:i.pageInfo.hasNextPage,endCursor:i.pageInfo.endCursor}},[]),{paging:V,onRangeEnd:H,retry:U}=y(z,B),W=(0,N.useCallback)(e=>f(`/dealers/${encodeURIComponent(e.id)}`),[f]),G=(0,N.useCallback)(()=>f(`/dealers`),[f]);b({count:V.items.length,setSelected:F,search:L,onEnter:()=>{let e=V.items[M];e&&W(e)},onEscape:()=>p&&G()});let K=(0,N.useMemo)(()=>[{id:`code`,header:e(`dealers.col.code`),width:`84px`,min:84,sortField:`CODE`,render:e=>(0,E.jsx)(`span`,{className:`mono`,children:e.code})},{id:`name`,header:e(`dealers.col.name`),width:`minmax(150px, 2fr)`,min:150,sortField:`NAME`,title:e=>e.name,render:e=>(0,E.jsx)(`span`,{className:`cell-name`,children:e.name})},{id:`kind`,header:e(`dealers.col.kind`),width:`92px`,min:92,render:t=>e(`dealerKind.${t.kind}`)},{id:`status`,header:e(`dealers.col.status`),width:`84px`,min:84,render:t=>(0,E.jsx)(`span`,{className:`status status-${t.status.toLowerCase()}`,children:e(`dealerStatus.${t.status}`)})},{id:`tier`,header:e(`dealers.col.tier`),width:`44px`,min:44,align:`end`,sortField:`TIER`,render:e=>e.tier},{id:`customers`,header:e(`dealers.col.customers`),width:`70px`,min:70,align:`end`,render:e=>e.customerCount},{id:`plan`,header:e(`dealers.col.plan`,{year:String(P)}),width:`110px`,min:110,align:`end`,render:e=>e.plan?a(e.plan.plannedVolume,t):``},{id:`actual`,header:e(`dealers.col.actual`),width:`110px`,min:110,align:`end`,render:e=>e.plan?a(e.plan.actual,t):``},{id:`attainment`,header:e(`dealers.col.attainment`),width:`120px`,min:120,render:t=>t.plan?(0,E.jsx)(I,{pct:t.plan.attainmentPct}):(0,E.jsx)(`span`,{className:`dim`,children:e(`dealers.noPlan`)})},{id:`credit`,header:e(`dealers.col.credit`),width:`106px`,min:106,align:`end`,render:e=>a(e.creditLimit,t)},{id:`conflicts`,header:e(`dealers.col.conflicts`),width:`70px`,min:70,align:`end`,render:e=>e.openConflictCount>0?(0,E.jsx)(`span`,{className:`badge warn`,children:e.openConflictCount}):(0,E.jsx)(`span`,{className:`dim`,children:`0`})}],[e,t]),q;q=V.error&&V.items.length===0?(0,E.jsx)(g,{title:e(`dealers.error`),error:V.error,action:(0,E.jsx)(`button`,{type:`button`,className:`btn`,onClick:U,children:e(`customers.retry`)})}):V.totalCount===0?(0,E.jsx)(l,{title:e(`dealers.empty`)}):(0,E.jsx)(h,{label:e(`dealers.title`),columns:K,rows:V.items,rowKey:e=>e.id,pendingRows:x(V),selectedIndex:M,openKey:p,onSelect:F,onOpen:W,onRangeEnd:H,sort:A,onSort:j,sortLabel:t=>e(`customers.sortBy`,{column:t}),resetKey:z});let J=(0,E.jsxs)(`div`,{className:`list-pane`,children:[q,(0,E.jsxs)(`div`,{className:`statusbar`,children:[(0,E.jsx)(`span`,{"data-testid":`total-count`,children:V.totalCount===null?`\xA0`:e(`dealers.count`,{n:V.totalCount})}),V.error&&V.items.length>0&&(0,E.jsx)(`span`,{className:`error-message`,children:n(V.error)}),(0,E.jsx)(`span`,{className:`spacer`}),(0,E.jsx)(`span`,{className:`dim`,children:e(`customers.keys`)})]})]});return(0,E.jsxs)(`div`,{className:`screen`,children:[(0,E.jsxs)(`div`,{className:`toolbar`,role:`search`,children:[(0,E.jsx)(`h1`,{className:`screen-title`,children:e(`dealers.title`)}),(0,E.jsx)(`input`,{ref:L,type:`search`,className:`input search`,"aria-label":e(`dealers.search`),placeholder:`${e(`dealers.search`)}  /`,value:m,onChange:e=>_(e.target.value),"data-testid":`dealer-search`}),(0,E.jsxs)(`label`,{className:`field`,children:[(0,E.jsx)(`span`,{children:e(`dealers.col.kind`)}),(0,E.jsxs)(`select`,{className:`input`,value:w,onChange:e=>T(e.target.value),"data-testid":`kind-filter`,children:[(0,E.jsx)(`option`,{value:``,children:e(`deals.filter.any`)}),[`DISTRIBUTOR`,`DEALER`,`SUBDEALER`].map(t=>(0,E.jsx)(`option`,{value:t,children:e(`dealerKind.${t}`)},t))]})]}),(0,E.jsxs)(`label`,{className:`field`,children:[(0,E.jsx)(`span`,{children:e(`dealers.col.status`)}),(0,E.jsxs)(`select`,{className:`input`,value:O,onChange:e=>k(e.target.value),"data-testid":`status-filter`,children:[(0,E.jsx)(`option`,{value:``,children:e(`deals.filter.any`)}),[`ACTIVE`,`SUSPENDED`,`TERMINATED`].map(t=>(0,E.jsx)(`option`,{value:t,children:e(`dealerStatus.${t}`)},t))]})]})]}),(0,E.jsx)(u,{id:`dealers`,label:e(`dealers.title`),left:J,initialRight:520,right:p?(0,E.jsx)(D,{id:p,year:P,onClose:G},p):null})]})}function I({pct:e}){let{locale:t}=r();return(0,E.jsxs)(`span`,{className:`attain attain-${e>=100?`good`:e>=50?`mid`:`low`}`,"data-pct":e.toFixed(1),children:[(0,E.jsx)(`span`,{className:`attain-bar`,"aria-hidden":`true`,children:(0,E.jsx)(`span`,{style:{width:`${Math.min(100,Math.max(0,e))}%`}})}),new Intl.NumberFormat(t,{maximumFractionDigits:1}).format(e),` %`]})}export{k as i,P as n,D as r,M as t};