import{C as e,D as t,E as n,S as r,_ as i,a,c as o,i as s,m as c,n as l,o as u,p as d,r as f,t as p,v as m,w as h}from"./gql-BnZdo-Kx.js";import{m as g,o as _,p as v}from"./index-24ei8O0Z.js";import{n as y,r as b,t as x}from"./usePaged-BSvUxYR4.js";function S(e,t,n,r){let i=Array(12).fill(0);for(let r of e){if(!r.closedAt||r.amount.currency!==n)continue;let e=new Date(r.closedAt);e.getUTCFullYear()===t&&(i[e.getUTCMonth()]+=r.amount.minor)}let a=0;return i.map((e,t)=>(a+=e,{month:t+1,actual:e,cumulative:a,pace:Math.floor(r*(t+1)/12)}))}var C=p(`
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
`),w=p(`
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
`),T=a();function E({id:e,year:t,onClose:n}){let{t:r,locale:a}=i(),s=c(w,{id:e,year:t,prevYear:t-1}),d=e=>(0,T.jsxs)(`div`,{className:`detail-head`,children:[(0,T.jsx)(`h2`,{className:`detail-title`,children:e}),(0,T.jsx)(`button`,{type:`button`,className:`btn icon`,onClick:n,title:`${r(`detail.close`)} (Esc)`,"aria-label":r(`detail.close`),children:`×`})]});if(s.status===`loading`)return(0,T.jsxs)(`section`,{className:`detail`,"aria-busy":`true`,children:[d((0,T.jsx)(`span`,{className:`skeleton wide`})),(0,T.jsx)(`div`,{className:`detail-body`,children:Array.from({length:8},(e,t)=>(0,T.jsx)(`div`,{className:`skeleton-line`,children:(0,T.jsx)(`span`,{className:`skeleton`})},t))})]});if(s.status===`error`)return(0,T.jsxs)(`section`,{className:`detail`,children:[d(``),(0,T.jsx)(f,{title:r(`dealers.detailError`),error:s.error})]});let p=s.data.dealer;if(!p)return(0,T.jsxs)(`section`,{className:`detail`,children:[d(``),(0,T.jsx)(l,{title:r(`dealers.notFound`)})]});let h=r(`detail.none`),g=p.plan,_=g?S(p.won.edges.map(e=>e.node),t,g.plannedVolume.currency,g.plannedVolume.minor):[];return(0,T.jsxs)(`section`,{className:`detail`,"aria-label":p.name,"data-testid":`dealer-detail`,children:[d((0,T.jsxs)(T.Fragment,{children:[(0,T.jsx)(`span`,{className:`mono dim`,children:p.code}),` `,p.name]})),(0,T.jsxs)(`div`,{className:`detail-body`,children:[(0,T.jsxs)(`dl`,{className:`facts`,children:[(0,T.jsx)(`dt`,{children:r(`dealers.col.kind`)}),(0,T.jsxs)(`dd`,{children:[r(`dealerKind.${p.kind}`),` · `,r(`dealers.tierN`,{n:p.tier}),` ·`,` `,(0,T.jsx)(`span`,{className:`status status-${p.status.toLowerCase()}`,children:r(`dealerStatus.${p.status}`)})]}),(0,T.jsx)(`dt`,{children:r(`dealers.homeRegion`)}),(0,T.jsx)(`dd`,{children:p.homeRegion?.name??h}),(0,T.jsx)(`dt`,{children:r(`dealers.contract`)}),(0,T.jsxs)(`dd`,{children:[u(p.contractStart,a),` – `,p.contractEnd?u(p.contractEnd,a):r(`dealers.openEnded`)]}),(0,T.jsx)(`dt`,{children:r(`dealers.contact`)}),(0,T.jsxs)(`dd`,{"data-testid":`dealer-contact`,children:[p.contact.name||h,p.contact.email&&(0,T.jsxs)(T.Fragment,{children:[` · `,(0,T.jsx)(`a`,{href:`mailto:${p.contact.email}`,children:p.contact.email})]}),p.contact.phone&&(0,T.jsxs)(T.Fragment,{children:[` · `,(0,T.jsx)(`span`,{className:`mono`,children:p.contact.phone})]})]}),(0,T.jsx)(`dt`,{children:r(`dealers.col.credit`)}),(0,T.jsx)(`dd`,{children:o(p.creditLimit,a)}),(0,T.jsx)(`dt`,{children:r(`dealers.col.customers`)}),(0,T.jsxs)(`dd`,{children:[(0,T.jsx)(m,{href:`/customers`,children:p.customerCount}),` · `,r(`dealers.openConflicts`,{n:p.openConflictCount})]}),p.parent&&(0,T.jsxs)(T.Fragment,{children:[(0,T.jsx)(`dt`,{children:r(`dealers.parent`)}),(0,T.jsx)(`dd`,{children:(0,T.jsxs)(m,{href:`/dealers/${encodeURIComponent(p.parent.id)}`,children:[(0,T.jsx)(`span`,{className:`mono`,children:p.parent.code}),` `,p.parent.name]})})]})]}),(0,T.jsx)(`h3`,{className:`section-title`,children:r(`dealers.planTitle`,{year:String(t)})}),g?(0,T.jsxs)(`div`,{"data-testid":`dealer-plan`,children:[(0,T.jsxs)(`div`,{className:`plan-figures`,children:[(0,T.jsxs)(`span`,{children:[r(`dealers.col.plan`,{year:String(t)}),`: `,(0,T.jsx)(`strong`,{children:o(g.plannedVolume,a)})]}),(0,T.jsxs)(`span`,{children:[r(`dealers.col.actual`),`: `,(0,T.jsx)(`strong`,{children:o(g.actual,a)})]}),(0,T.jsx)(P,{pct:g.attainmentPct})]}),(0,T.jsx)(O,{bars:_,planned:g.plannedVolume.minor,currency:g.plannedVolume.currency}),p.prevPlan&&(0,T.jsx)(`p`,{className:`dim small`,children:r(`dealers.prevYear`,{year:String(t-1),plan:o(p.prevPlan.plannedVolume,a),actual:o(p.prevPlan.actual,a),pct:new Intl.NumberFormat(a,{maximumFractionDigits:1}).format(p.prevPlan.attainmentPct)})})]}):(0,T.jsx)(`p`,{className:`dim`,children:r(`dealers.noPlanYear`,{year:String(t)})}),(0,T.jsx)(`h3`,{className:`section-title`,children:r(`dealers.territories`)}),p.territories.length===0?(0,T.jsx)(`p`,{className:`dim`,children:r(`dealers.noTerritories`)}):(0,T.jsxs)(`table`,{className:`mini-table`,"data-testid":`dealer-territories`,children:[(0,T.jsx)(`thead`,{children:(0,T.jsxs)(`tr`,{children:[(0,T.jsx)(`th`,{children:r(`territories.region`)}),(0,T.jsx)(`th`,{children:r(`territories.scope`)}),(0,T.jsx)(`th`,{children:r(`territories.valid`)})]})}),(0,T.jsx)(`tbody`,{children:p.territories.map(e=>(0,T.jsxs)(`tr`,{className:e.active?void 0:`inactive`,children:[(0,T.jsxs)(`td`,{title:e.region.path,children:[e.region.name,` `,e.exclusive&&(0,T.jsx)(`span`,{className:`badge`,children:r(`territories.exclusive`)})]}),(0,T.jsx)(`td`,{title:D(e,r),children:D(e,r)}),(0,T.jsxs)(`td`,{children:[u(e.validFrom,a),` – `,e.validTo?u(e.validTo,a):``]})]},e.id))})]}),p.subDealers.length>0&&(0,T.jsxs)(T.Fragment,{children:[(0,T.jsx)(`h3`,{className:`section-title`,children:r(`dealers.subDealers`)}),(0,T.jsx)(`ul`,{className:`plain-list`,children:p.subDealers.map(e=>(0,T.jsxs)(`li`,{children:[(0,T.jsxs)(m,{href:`/dealers/${encodeURIComponent(e.id)}`,children:[(0,T.jsx)(`span`,{className:`mono`,children:e.code}),` `,e.name]}),` `,(0,T.jsx)(`span`,{className:`dim`,children:r(`dealerStatus.${e.status}`)})]},e.id))})]})]})]})}function D(e,t){return`${e.segments.length?e.segments.map(e=>t(`segment.${e}`)).join(`, `):t(`territories.allSegments`)} · ${e.productLines.length?e.productLines.map(e=>e.name).join(`, `):t(`territories.allLines`)}`}function O({bars:e,planned:t,currency:n}){let{t:r,locale:a}=i(),o=Math.max(t,...e.map(e=>e.cumulative),1),s=e=>120-e/o*114,c=Array.from({length:12},(e,t)=>new Intl.DateTimeFormat(a,{month:`narrow`,timeZone:`UTC`}).format(Date.UTC(2026,t,1))),l=e.map((e,t)=>`${t*30+15},${s(e.pace)}`).join(` `);return(0,T.jsxs)(`svg`,{className:`plan-chart`,viewBox:`0 0 360 134`,role:`img`,"aria-label":r(`dealers.chartLabel`),"data-testid":`plan-chart`,children:[e.map((e,t)=>(0,T.jsx)(`rect`,{x:t*30+3,width:24,y:s(e.cumulative),height:120-s(e.cumulative),className:e.cumulative>=e.pace?`bar good`:`bar`,children:(0,T.jsx)(`title`,{children:`${c[t]}: ${k(e.cumulative,n,a)} / ${k(e.pace,n,a)}`})},e.month)),(0,T.jsx)(`polyline`,{points:l,className:`pace`}),c.map((e,t)=>(0,T.jsx)(`text`,{x:t*30+15,y:132,className:`axis`,children:e},t))]})}function k(e,t,n){return o({minor:e,currency:t},n)}var A=n({DealersScreen:()=>N}),j=t(h(),1),M=2026;function N(){let{t,locale:n}=i(),a=s(),c=e(),[,u]=r(),p=c.id?decodeURIComponent(c.id):void 0,[m,h]=(0,j.useState)(``),S=v(m.trim(),250),[w,D]=(0,j.useState)(``),[O,k]=(0,j.useState)(``),[A,N]=(0,j.useState)({field:`NAME`,direction:`ASC`}),[F,I]=(0,j.useState)(-1),L=(0,j.useRef)(null),R=(0,j.useMemo)(()=>{let e={};return S&&(e.search=S),w&&(e.kind=w),O&&(e.status=O),e},[S,w,O]),z=JSON.stringify([R,A]),B=(0,j.useCallback)(async(e,t)=>{let[n,r]=JSON.parse(e),i=(await d(C,{first:100,after:t,filter:n,orderBy:r,year:M})).dealers;return{nodes:i.edges.map(e=>e.node),totalCount:i.totalCount,hasNextPage:i.pageInfo.hasNextPage,endCursor:i.pageInfo.endCursor}},[]),{paging:V,onRangeEnd:H,retry:U}=y(z,B),W=(0,j.useCallback)(e=>u(`/dealers/${encodeURIComponent(e.id)}`),[u]),G=(0,j.useCallback)(()=>u(`/dealers`),[u]);b({count:V.items.length,setSelected:I,search:L,onEnter:()=>{let e=V.items[F];e&&W(e)},onEscape:()=>p&&G()});let K=(0,j.useMemo)(()=>[{id:`code`,header:t(`dealers.col.code`),width:`84px`,min:84,sortField:`CODE`,render:e=>(0,T.jsx)(`span`,{className:`mono`,children:e.code})},{id:`name`,header:t(`dealers.col.name`),width:`minmax(150px, 2fr)`,min:150,sortField:`NAME`,title:e=>e.name,render:e=>(0,T.jsx)(`span`,{className:`cell-name`,children:e.name})},{id:`kind`,header:t(`dealers.col.kind`),width:`92px`,min:92,render:e=>t(`dealerKind.${e.kind}`)},{id:`status`,header:t(`dealers.col.status`),width:`84px`,min:84,render:e=>(0,T.jsx)(`span`,{className:`status status-${e.status.toLowerCase()}`,children:t(`dealerStatus.${e.status}`)})},{id:`tier`,header:t(`dealers.col.tier`),width:`44px`,min:44,align:`end`,sortField:`TIER`,render:e=>e.tier},{id:`customers`,header:t(`dealers.col.customers`),width:`70px`,min:70,align:`end`,render:e=>e.customerCount},{id:`plan`,header:t(`dealers.col.plan`,{year:String(M)}),width:`110px`,min:110,align:`end`,render:e=>e.plan?o(e.plan.plannedVolume,n):``},{id:`actual`,header:t(`dealers.col.actual`),width:`110px`,min:110,align:`end`,render:e=>e.plan?o(e.plan.actual,n):``},{id:`attainment`,header:t(`dealers.col.attainment`),width:`120px`,min:120,render:e=>e.plan?(0,T.jsx)(P,{pct:e.plan.attainmentPct}):(0,T.jsx)(`span`,{className:`dim`,children:t(`dealers.noPlan`)})},{id:`credit`,header:t(`dealers.col.credit`),width:`106px`,min:106,align:`end`,render:e=>o(e.creditLimit,n)},{id:`conflicts`,header:t(`dealers.col.conflicts`),width:`70px`,min:70,align:`end`,render:e=>e.openConflictCount>0?(0,T.jsx)(`span`,{className:`badge warn`,children:e.openConflictCount}):(0,T.jsx)(`span`,{className:`dim`,children:`0`})}],[t,n]),q;q=V.error&&V.items.length===0?(0,T.jsx)(f,{title:t(`dealers.error`),error:V.error,action:(0,T.jsx)(`button`,{type:`button`,className:`btn`,onClick:U,children:t(`customers.retry`)})}):V.totalCount===0?(0,T.jsx)(l,{title:t(`dealers.empty`)}):(0,T.jsx)(_,{label:t(`dealers.title`),columns:K,rows:V.items,rowKey:e=>e.id,pendingRows:x(V),selectedIndex:F,openKey:p,onSelect:I,onOpen:W,onRangeEnd:H,sort:A,onSort:N,sortLabel:e=>t(`customers.sortBy`,{column:e}),resetKey:z});let J=(0,T.jsxs)(`div`,{className:`list-pane`,children:[q,(0,T.jsxs)(`div`,{className:`statusbar`,children:[(0,T.jsx)(`span`,{"data-testid":`total-count`,children:V.totalCount===null?`\xA0`:t(`dealers.count`,{n:V.totalCount})}),V.error&&V.items.length>0&&(0,T.jsx)(`span`,{className:`error-message`,children:a(V.error)}),(0,T.jsx)(`span`,{className:`spacer`}),(0,T.jsx)(`span`,{className:`dim`,children:t(`customers.keys`)})]})]});return(0,T.jsxs)(`div`,{className:`screen`,children:[(0,T.jsxs)(`div`,{className:`toolbar`,role:`search`,children:[(0,T.jsx)(`h1`,{className:`screen-title`,children:t(`dealers.title`)}),(0,T.jsx)(`input`,{ref:L,type:`search`,className:`input search`,"aria-label":t(`dealers.search`),placeholder:`${t(`dealers.search`)}  /`,value:m,onChange:e=>h(e.target.value),"data-testid":`dealer-search`}),(0,T.jsxs)(`label`,{className:`field`,children:[(0,T.jsx)(`span`,{children:t(`dealers.col.kind`)}),(0,T.jsxs)(`select`,{className:`input`,value:w,onChange:e=>D(e.target.value),"data-testid":`kind-filter`,children:[(0,T.jsx)(`option`,{value:``,children:t(`deals.filter.any`)}),[`DISTRIBUTOR`,`DEALER`,`SUBDEALER`].map(e=>(0,T.jsx)(`option`,{value:e,children:t(`dealerKind.${e}`)},e))]})]}),(0,T.jsxs)(`label`,{className:`field`,children:[(0,T.jsx)(`span`,{children:t(`dealers.col.status`)}),(0,T.jsxs)(`select`,{className:`input`,value:O,onChange:e=>k(e.target.value),"data-testid":`status-filter`,children:[(0,T.jsx)(`option`,{value:``,children:t(`deals.filter.any`)}),[`ACTIVE`,`SUSPENDED`,`TERMINATED`].map(e=>(0,T.jsx)(`option`,{value:e,children:t(`dealerStatus.${e}`)},e))]})]})]}),(0,T.jsx)(g,{id:`dealers`,label:t(`dealers.title`),left:J,initialRight:520,right:p?(0,T.jsx)(E,{id:p,year:M,onClose:G},p):null})]})}function P({pct:e}){let{locale:t}=i();return(0,T.jsxs)(`span`,{className:`attain attain-${e>=100?`good`:e>=50?`mid`:`low`}`,"data-pct":e.toFixed(1),children:[(0,T.jsx)(`span`,{className:`attain-bar`,"aria-hidden":`true`,children:(0,T.jsx)(`span`,{style:{width:`${Math.min(100,Math.max(0,e))}%`}})}),new Intl.NumberFormat(t,{maximumFractionDigits:1}).format(e),` %`]})}export{D as n,A as t};