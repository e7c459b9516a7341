import{a as e,r as t}from"./rolldown-runtime-BWaJ3C7D.js";import{a as n,i as r,t as i}from"./jsx-runtime-BqxWIu6Q.js";import{A as a,C as o,M as s,O as c,_ as l,b as u,g as d,h as f,j as p,k as m,s as h,v as g,x as _,y as v}from"./index-DxQZN-QP.js";import{n as y,r as b,t as x}from"./usePaged-CpPlU3sh.js";function S(e,t,n,r){let i=Array(12).fill(0);for(let r of e){if(!r.closedAt||r.amount.currency!==n)continue;let e=new Date(r.closedAt);e.getUTCFullYear()===t&&(i[e.getUTCMonth()]+=r.amount.minor)}let a=0;return i.map((e,t)=>(a+=e,{month:t+1,actual:e,cumulative:a,pace:Math.floor(r*(t+1)/12)}))}var C=f(`
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
`),T=i();function E({id:e,year:t,onClose:n}){let{t:i,locale:s}=r(),c=m(w,{id:e,year:t,prevYear:t-1}),u=e=>(0,T.jsxs)(`div`,{className:`detail-head`,children:[(0,T.jsx)(`h2`,{className:`detail-title`,children:e}),(0,T.jsx)(`button`,{type:`button`,className:`btn icon`,onClick:n,title:`${i(`detail.close`)} (Esc)`,"aria-label":i(`detail.close`),children:`×`})]});if(c.status===`loading`)return(0,T.jsxs)(`section`,{className:`detail`,"aria-busy":`true`,children:[u((0,T.jsx)(`span`,{className:`skeleton wide`})),(0,T.jsx)(`div`,{className:`detail-body`,children:Array.from({length:8},(e,t)=>(0,T.jsx)(`div`,{className:`skeleton-line`,children:(0,T.jsx)(`span`,{className:`skeleton`})},t))})]});if(c.status===`error`)return(0,T.jsxs)(`section`,{className:`detail`,children:[u(``),(0,T.jsx)(g,{title:i(`dealers.detailError`),error:c.error})]});let d=c.data.dealer;if(!d)return(0,T.jsxs)(`section`,{className:`detail`,children:[u(``),(0,T.jsx)(l,{title:i(`dealers.notFound`)})]});let f=i(`detail.none`),p=d.plan,h=p?S(d.won.edges.map(e=>e.node),t,p.plannedVolume.currency,p.plannedVolume.minor):[];return(0,T.jsxs)(`section`,{className:`detail`,"aria-label":d.name,"data-testid":`dealer-detail`,children:[u((0,T.jsxs)(T.Fragment,{children:[(0,T.jsx)(`span`,{className:`mono dim`,children:d.code}),` `,d.name]})),(0,T.jsxs)(`div`,{className:`detail-body`,children:[(0,T.jsxs)(`dl`,{className:`facts`,children:[(0,T.jsx)(`dt`,{children:i(`dealers.col.kind`)}),(0,T.jsxs)(`dd`,{children:[i(`dealerKind.${d.kind}`),` · `,i(`dealers.tierN`,{n:d.tier}),` ·`,` `,(0,T.jsx)(`span`,{className:`status status-${d.status.toLowerCase()}`,children:i(`dealerStatus.${d.status}`)})]}),(0,T.jsx)(`dt`,{children:i(`dealers.homeRegion`)}),(0,T.jsx)(`dd`,{children:d.homeRegion?.name??f}),(0,T.jsx)(`dt`,{children:i(`dealers.contract`)}),(0,T.jsxs)(`dd`,{children:[_(d.contractStart,s),` – `,d.contractEnd?_(d.contractEnd,s):i(`dealers.openEnded`)]}),(0,T.jsx)(`dt`,{children:i(`dealers.contact`)}),(0,T.jsxs)(`dd`,{"data-testid":`dealer-contact`,children:[d.contact.name||f,d.contact.email&&(0,T.jsxs)(T.Fragment,{children:[` · `,(0,T.jsx)(`a`,{href:`mailto:${d.contact.email}`,children:d.contact.email})]}),d.contact.phone&&(0,T.jsxs)(T.Fragment,{children:[` · `,(0,T.jsx)(`span`,{className:`mono`,children:d.contact.phone})]})]}),(0,T.jsx)(`dt`,{children:i(`dealers.col.credit`)}),(0,T.jsx)(`dd`,{children:o(d.creditLimit,s)}),(0,T.jsx)(`dt`,{children:i(`dealers.col.customers`)}),(0,T.jsxs)(`dd`,{children:[(0,T.jsx)(a,{href:`/customers`,children:d.customerCount}),` · `,i(`dealers.openConflicts`,{n:d.openConflictCount})]}),d.parent&&(0,T.jsxs)(T.Fragment,{children:[(0,T.jsx)(`dt`,{children:i(`dealers.parent`)}),(0,T.jsx)(`dd`,{children:(0,T.jsxs)(a,{href:`/dealers/${encodeURIComponent(d.parent.id)}`,children:[(0,T.jsx)(`span`,{className:`mono`,children:d.parent.code}),` `,d.parent.name]})})]})]}),(0,T.jsx)(`h3`,{className:`section-title`,children:i(`dealers.planTitle`,{year:String(t)})}),p?(0,T.jsxs)(`div`,{"data-testid":`dealer-plan`,children:[(0,T.jsxs)(`div`,{className:`plan-figures`,children:[(0,T.jsxs)(`span`,{children:[i(`dealers.col.plan`,{year:String(t)}),`: `,(0,T.jsx)(`strong`,{children:o(p.plannedVolume,s)})]}),(0,T.jsxs)(`span`,{children:[i(`dealers.col.actual`),`: `,(0,T.jsx)(`strong`,{children:o(p.actual,s)})]}),(0,T.jsx)(P,{pct:p.attainmentPct})]}),(0,T.jsx)(O,{bars:h,planned:p.plannedVolume.minor,currency:p.plannedVolume.currency}),d.prevPlan&&(0,T.jsx)(`p`,{className:`dim small`,children:i(`dealers.prevYear`,{year:String(t-1),plan:o(d.prevPlan.plannedVolume,s),actual:o(d.prevPlan.actual,s),pct:new Intl.NumberFormat(s,{maximumFractionDigits:1}).format(d.prevPlan.attainmentPct)})})]}):(0,T.jsx)(`p`,{className:`dim`,children:i(`dealers.noPlanYear`,{year:String(t)})}),(0,T.jsx)(`h3`,{className:`section-title`,children:i(`dealers.territories`)}),d.territories.length===0?(0,T.jsx)(`p`,{className:`dim`,children:i(`dealers.noTerritories`)}):(0,T.jsxs)(`table`,{className:`mini-table`,"data-testid":`dealer-territories`,children:[(0,T.jsx)(`thead`,{children:(0,T.jsxs)(`tr`,{children:[(0,T.jsx)(`th`,{children:i(`territories.region`)}),(0,T.jsx)(`th`,{children:i(`territories.scope`)}),(0,T.jsx)(`th`,{children:i(`territories.valid`)})]})}),(0,T.jsx)(`tbody`,{children:d.territories.map(e=>(0,T.jsxs)(`tr`,{className:e.active?void 0:`inactive`,children:[(0,T.jsxs)(`td`,{title:e.region.path,children:[e.region.name,` `,e.exclusive&&(0,T.jsx)(`span`,{className:`badge`,children:i(`territories.exclusive`)})]}),(0,T.jsx)(`td`,{title:D(e,i),children:D(e,i)}),(0,T.jsxs)(`td`,{children:[_(e.validFrom,s),` – `,e.validTo?_(e.validTo,s):``]})]},e.id))})]}),d.subDealers.length>0&&(0,T.jsxs)(T.Fragment,{children:[(0,T.jsx)(`h3`,{className:`section-title`,children:i(`dealers.subDealers`)}),(0,T.jsx)(`ul`,{className:`plain-list`,children:d.subDealers.map(e=>(0,T.jsxs)(`li`,{children:[(0,T.jsxs)(a,{href:`/dealers/${encodeURIComponent(e.id)}`,children:[(0,T.jsx)(`span`,{className:`mono`,children:e.code}),` `,e.name]}),` `,(0,T.jsx)(`span`,{className:`dim`,children:i(`dealerStatus.${e.status}`)})]},e.id))})]})]})]})}function D(e,t){return`${e.segments.length?e.segments.map(e=>t(`segment.${e}`)).join(`, `):t(`territories.allSegments`)} · ${e.productLines.length?e.productLines.map(e=>e.name).join(`, `):t(`territories.allLines`)}`}function O({bars:e,planned:t,currency:n}){let{t:i,locale:a}=r(),o=Math.max(t,...e.map(e=>e.cumulative),1),s=e=>120-e/o*114,c=Array.from({length:12},(e,t)=>new Intl.DateTimeFormat(a,{month:`narrow`,timeZone:`UTC`}).format(Date.UTC(2026,t,1))),l=e.map((e,t)=>`${t*30+15},${s(e.pace)}`).join(` `);return(0,T.jsxs)(`svg`,{className:`plan-chart`,viewBox:`0 0 360 134`,role:`img`,"aria-label":i(`dealers.chartLabel`),"data-testid":`plan-chart`,children:[e.map((e,t)=>(0,T.jsx)(`rect`,{x:t*30+3,width:24,y:s(e.cumulative),height:120-s(e.cumulative),className:e.cumulative>=e.pace?`bar good`:`bar`,children:(0,T.jsx)(`title`,{children:`${c[t]}: ${k(e.cumulative,n,a)} / ${k(e.pace,n,a)}`})},e.month)),(0,T.jsx)(`polyline`,{points:l,className:`pace`}),c.map((e,t)=>(0,T.jsx)(`text`,{x:t*30+15,y:132,className:`axis`,children:e},t))]})}function k(e,t,n){return o({minor:e,currency:t},n)}var A=t({DealersScreen:()=>N}),j=e(n(),1),M=2026;function N(){let{t:e,locale:t}=r(),n=v(),i=s(),[,a]=p(),f=i.id?decodeURIComponent(i.id):void 0,[m,_]=(0,j.useState)(``),S=d(m.trim(),250),[w,D]=(0,j.useState)(``),[O,k]=(0,j.useState)(``),[A,N]=(0,j.useState)({field:`NAME`,direction:`ASC`}),[F,I]=(0,j.useState)(-1),L=(0,j.useRef)(null),R=(0,j.useMemo)(()=>{let e={};return S&&(e.search=S),w&&(e.kind=w),O&&(e.status=O),e},[S,w,O]),z=JSON.stringify([R,A]),B=(0,j.useCallback)(async(e,t)=>{let[n,r]=JSON.parse(e),i=(await c(C,{first:100,after:t,filter:n,orderBy:r,year:M})).dealers;return{nodes:i.edges.map(e=>e.node),totalCount:i.totalCount,hasNextPage:i.pageInfo.hasNextPage,endCursor:i.pageInfo.endCursor}},[]),{paging:V,onRangeEnd:H,retry:U}=y(z,B),W=(0,j.useCallback)(e=>a(`/dealers/${encodeURIComponent(e.id)}`),[a]),G=(0,j.useCallback)(()=>a(`/dealers`),[a]);b({count:V.items.length,setSelected:I,search:L,onEnter:()=>{let e=V.items[F];e&&W(e)},onEscape:()=>f&&G()});let K=(0,j.useMemo)(()=>[{id:`code`,header:e(`dealers.col.code`),width:`84px`,min:84,sortField:`CODE`,render:e=>(0,T.jsx)(`span`,{className:`mono`,children:e.code})},{id:`name`,header:e(`dealers.col.name`),width:`minmax(150px, 2fr)`,min:150,sortField:`NAME`,title:e=>e.name,render:e=>(0,T.jsx)(`span`,{className:`cell-name`,children:e.name})},{id:`kind`,header:e(`dealers.col.kind`),width:`92px`,min:92,render:t=>e(`dealerKind.${t.kind}`)},{id:`status`,header:e(`dealers.col.status`),width:`84px`,min:84,render:t=>(0,T.jsx)(`span`,{className:`status status-${t.status.toLowerCase()}`,children:e(`dealerStatus.${t.status}`)})},{id:`tier`,header:e(`dealers.col.tier`),width:`44px`,min:44,align:`end`,sortField:`TIER`,render:e=>e.tier},{id:`customers`,header:e(`dealers.col.customers`),width:`70px`,min:70,align:`end`,render:e=>e.customerCount},{id:`plan`,header:e(`dealers.col.plan`,{year:String(M)}),width:`110px`,min:110,align:`end`,render:e=>e.plan?o(e.plan.plannedVolume,t):``},{id:`actual`,header:e(`dealers.col.actual`),width:`110px`,min:110,align:`end`,render:e=>e.plan?o(e.plan.actual,t):``},{id:`attainment`,header:e(`dealers.col.attainment`),width:`120px`,min:120,render:t=>t.plan?(0,T.jsx)(P,{pct:t.plan.attainmentPct}):(0,T.jsx)(`span`,{className:`dim`,children:e(`dealers.noPlan`)})},{id:`credit`,header:e(`dealers.col.credit`),width:`106px`,min:106,align:`end`,render:e=>o(e.creditLimit,t)},{id:`conflicts`,header:e(`dealers.col.conflicts`),width:`70px`,min:70,align:`end`,render:e=>e.openConflictCount>0?(0,T.jsx)(`span`,{className:`badge warn`,children:e.openConflictCount}):(0,T.jsx)(`span`,{className:`dim`,children:`0`})}],[e,t]),q;q=V.error&&V.items.length===0?(0,T.jsx)(g,{title:e(`dealers.error`),error:V.error,action:(0,T.jsx)(`button`,{type:`button`,className:`btn`,onClick:U,children:e(`customers.retry`)})}):V.totalCount===0?(0,T.jsx)(l,{title:e(`dealers.empty`)}):(0,T.jsx)(h,{label:e(`dealers.title`),columns:K,rows:V.items,rowKey:e=>e.id,pendingRows:x(V),selectedIndex:F,openKey:f,onSelect:I,onOpen:W,onRangeEnd:H,sort:A,onSort:N,sortLabel:t=>e(`customers.sortBy`,{column:t}),resetKey:z});let J=(0,T.jsxs)(`div`,{className:`list-pane`,children:[q,(0,T.jsxs)(`div`,{className:`statusbar`,children:[(0,T.jsx)(`span`,{"data-testid":`total-count`,children:V.totalCount===null?`\xA0`:e(`dealers.count`,{n:V.totalCount})}),V.error&&V.items.length>0&&(0,T.jsx)(`span`,{className:`error-message`,children:n(V.error)}),(0,T.jsx)(`span`,{className:`spacer`}),(0,T.jsx)(`span`,{className:`dim`,children:e(`customers.keys`)})]})]});return(0,T.jsxs)(`div`,{className:`screen`,children:[(0,T.jsxs)(`div`,{className:`toolbar`,role:`search`,children:[(0,T.jsx)(`h1`,{className:`screen-title`,children:e(`dealers.title`)}),(0,T.jsx)(`input`,{ref:L,type:`search`,className:`input search`,"aria-label":e(`dealers.search`),placeholder:`${e(`dealers.search`)}  /`,value:m,onChange:e=>_(e.target.value),"data-testid":`dealer-search`}),(0,T.jsxs)(`label`,{className:`field`,children:[(0,T.jsx)(`span`,{children:e(`dealers.col.kind`)}),(0,T.jsxs)(`select`,{className:`input`,value:w,onChange:e=>D(e.target.value),"data-testid":`kind-filter`,children:[(0,T.jsx)(`option`,{value:``,children:e(`deals.filter.any`)}),[`DISTRIBUTOR`,`DEALER`,`SUBDEALER`].map(t=>(0,T.jsx)(`option`,{value:t,children:e(`dealerKind.${t}`)},t))]})]}),(0,T.jsxs)(`label`,{className:`field`,children:[(0,T.jsx)(`span`,{children:e(`dealers.col.status`)}),(0,T.jsxs)(`select`,{className:`input`,value:O,onChange:e=>k(e.target.value),"data-testid":`status-filter`,children:[(0,T.jsx)(`option`,{value:``,children:e(`deals.filter.any`)}),[`ACTIVE`,`SUSPENDED`,`TERMINATED`].map(t=>(0,T.jsx)(`option`,{value:t,children:e(`dealerStatus.${t}`)},t))]})]})]}),(0,T.jsx)(u,{id:`dealers`,label:e(`dealers.title`),left:J,initialRight:520,right:f?(0,T.jsx)(E,{id:f,year:M,onClose:G},f):null})]})}function P({pct:e}){let{locale:t}=r();return(0,T.jsxs)(`span`,{className:`attain attain-${e>=100?`good`:e>=50?`mid`:`low`}`,"data-pct":e.toFixed(1),children:[(0,T.jsx)(`span`,{className:`attain-bar`,"aria-hidden":`true`,children:(0,T.jsx)(`span`,{style:{width:`${Math.min(100,Math.max(0,e))}%`}})}),new Intl.NumberFormat(t,{maximumFractionDigits:1}).format(e),` %`]})}export{D as n,A as t};