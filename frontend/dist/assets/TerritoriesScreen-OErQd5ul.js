import{a as e}from"./rolldown-runtime-BWaJ3C7D.js";import{a as t,i as n,y as r}from"./i18n-BHKzeXiD.js";import{S as i,_ as a,a as o,c as s,f as c,n as l,p as u,r as d,t as f,x as p}from"./gql-0dk0-ODP.js";import{v as m}from"./index-CC60MFqO.js";import{i as h}from"./DealersScreen-BBIMjNG1.js";var g=e(r(),1);function _(e,t){return t===e||t.startsWith(e+`.`)}function v(e,t){return!(t.segment&&e.segments.length>0&&!e.segments.includes(t.segment)||t.productLineId&&e.productLines.length>0&&!e.productLines.some(e=>e.id===t.productLineId))}function y(e,t){let n=e.segments.length===0||t.segments.length===0||e.segments.some(e=>t.segments.includes(e)),r=e.productLines.length===0||t.productLines.length===0||e.productLines.some(e=>t.productLines.some(t=>t.id===e.id));return n&&r}function b(e,t,n={}){let r=t.filter(e=>e.active&&v(e,n)),i=e.map(e=>{let t=r.filter(t=>_(t.region.path,e.path)).sort((e,t)=>t.region.path.length-e.region.path.length||e.dealer.name.localeCompare(t.dealer.name)),n=[],i=t.filter(e=>e.exclusive);for(let t=0;t<i.length;t++)for(let r=t+1;r<i.length;r++){let a=i[t],o=i[r];a.dealer.id!==o.dealer.id&&y(a,o)&&(a.region.path===e.path||o.region.path===e.path)&&n.push([a,o])}return{region:e,covering:t,overlaps:n,status:`covered`}});for(let e of i)e.covering.length>0||(e.status=i.some(t=>t.covering.length>0&&t.region.path!==e.region.path&&_(e.region.path,t.region.path))?`partial`:`gap`);return i}var x=f(`
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
`),S=f(`
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
`),C=t(),w=[`INDUSTRIAL`,`CONSTRUCTION`,`AGRICULTURE`,`UTILITIES`,`RETAIL`,`PUBLIC`];function T(){let[e,t]=(0,g.useState)({items:null,error:null}),[n,r]=(0,g.useState)(0);return(0,g.useEffect)(()=>{let e=!0;return(async()=>{let e=[],t=null;for(;;){let n=await c(S,{after:t});if(e.push(...n.territoryAssignments.edges.map(e=>e.node)),!n.territoryAssignments.pageInfo.hasNextPage)break;t=n.territoryAssignments.pageInfo.endCursor??null}return e})().then(n=>e&&t({items:n,error:null}),n=>e&&t({items:null,error:n})),()=>{e=!1}},[n]),{...e,retry:()=>r(e=>e+1)}}function E(){let{t:e}=n(),t=i(),[,r]=p(),a=t.id?decodeURIComponent(t.id):void 0,o=u(x,{}),s=T(),[c,f]=(0,g.useState)(``),[h,_]=(0,g.useState)(``),[v,y]=(0,g.useState)(!1),S=(0,g.useMemo)(()=>o.status!==`ok`||!s.items?null:b(o.data.regions,s.items,{segment:c||void 0,productLineId:h||void 0}),[o,s.items,c,h]),E=S?.filter(e=>e.status===`gap`).length??0,k=S?.reduce((e,t)=>e+t.overlaps.length,0)??0,A=S?.filter(e=>!v||e.status===`gap`||e.overlaps.length>0)??[],j=S?Math.min(...S.map(e=>e.region.depth)):0,M=S?.find(e=>e.region.id===a),N,P=o.status===`error`?o.error:s.error;return N=P?(0,C.jsx)(d,{title:e(`territories.error`),error:P,action:(0,C.jsx)(`button`,{type:`button`,className:`btn`,onClick:()=>{o.reload(),s.retry()},children:e(`customers.retry`)})}):S?A.length===0?(0,C.jsx)(l,{title:e(v?`territories.noProblems`:`territories.noRegions`),icon:`✓`}):(0,C.jsxs)(`div`,{className:`tree-table`,role:`table`,"aria-label":e(`territories.title`),"data-testid":`territory-tree`,children:[(0,C.jsxs)(`div`,{className:`tree-row tree-head`,role:`row`,children:[(0,C.jsx)(`span`,{role:`columnheader`,children:e(`territories.region`)}),(0,C.jsx)(`span`,{role:`columnheader`,children:e(`territories.coveredBy`)}),(0,C.jsx)(`span`,{role:`columnheader`,children:e(`territories.state`)})]}),A.map(e=>(0,C.jsx)(D,{c:e,indent:e.region.depth-j,open:e.region.id===a,onOpen:()=>r(`/territories/${encodeURIComponent(e.region.id)}`)},e.region.id))]}):(0,C.jsx)(`div`,{className:`tree-table`,"aria-busy":`true`,children:Array.from({length:16},(e,t)=>(0,C.jsx)(`div`,{className:`skeleton-line`,children:(0,C.jsx)(`span`,{className:`skeleton`})},t))}),(0,C.jsxs)(`div`,{className:`screen`,children:[(0,C.jsxs)(`div`,{className:`toolbar`,children:[(0,C.jsx)(`h1`,{className:`screen-title`,children:e(`territories.title`)}),(0,C.jsxs)(`label`,{className:`field`,children:[(0,C.jsx)(`span`,{children:e(`customers.col.segment`)}),(0,C.jsxs)(`select`,{className:`input`,value:c,onChange:e=>f(e.target.value),"data-testid":`segment-scope`,children:[(0,C.jsx)(`option`,{value:``,children:e(`territories.allSegments`)}),w.map(t=>(0,C.jsx)(`option`,{value:t,children:e(`segment.${t}`)},t))]})]}),(0,C.jsxs)(`label`,{className:`field`,children:[(0,C.jsx)(`span`,{children:e(`deals.filter.productLine`)}),(0,C.jsxs)(`select`,{className:`input`,value:h,onChange:e=>_(e.target.value),"data-testid":`line-scope`,children:[(0,C.jsx)(`option`,{value:``,children:e(`territories.allLines`)}),(o.status===`ok`?o.data.productLines:[]).map(e=>(0,C.jsx)(`option`,{value:e.id,children:e.name},e.id))]})]}),(0,C.jsxs)(`label`,{className:`radio`,children:[(0,C.jsx)(`input`,{type:`checkbox`,checked:v,onChange:e=>y(e.target.checked),"data-testid":`problems-only`}),e(`territories.problemsOnly`)]}),(0,C.jsx)(`span`,{className:`spacer`}),S&&(0,C.jsxs)(`span`,{className:`summary`,"data-testid":`coverage-summary`,"data-gaps":E,"data-overlaps":k,children:[(0,C.jsx)(`span`,{className:E?`badge danger`:`badge`,children:e(`territories.gaps`,{n:E})}),` `,(0,C.jsx)(`span`,{className:k?`badge warn`:`badge`,children:e(`territories.overlaps`,{n:k})})]})]}),(0,C.jsx)(m,{id:`territories`,label:e(`territories.title`),left:(0,C.jsx)(`div`,{className:`list-pane scroll`,children:N}),right:M?(0,C.jsx)(O,{c:M,onClose:()=>r(`/territories`)}):null})]})}function D({c:e,indent:t,open:r,onOpen:i}){let{t:a}=n(),o=e.covering.filter(t=>t.region.path===e.region.path),c=e.covering.length-o.length,l=e.overlaps.length?`territories.state.overlap`:`territories.state.${e.status}`;return(0,C.jsxs)(`div`,{className:`tree-row status-${e.status}${e.overlaps.length?` has-overlap`:``}${r?` open`:``}`,role:`row`,tabIndex:0,"data-path":e.region.path,"data-status":e.status,"data-overlaps":e.overlaps.length,onClick:i,onKeyDown:e=>e.key===`Enter`&&i(),children:[(0,C.jsx)(`span`,{role:`cell`,className:`tree-name`,style:{paddingLeft:6+t*16},lang:s(e.region.path.split(`.`)[1]?.toUpperCase()),children:e.region.name}),(0,C.jsxs)(`span`,{role:`cell`,className:`tree-cover`,children:[o.map(e=>(0,C.jsxs)(`span`,{className:`chip chip-dealer${e.exclusive?` exclusive`:``}`,title:`${e.dealer.name} · ${h(e,a)}`,children:[e.exclusive&&`◆ `,e.dealer.code,(e.segments.length>0||e.productLines.length>0)&&(0,C.jsx)(`span`,{className:`scope-mark`,children:`*`})]},e.id)),c>0&&(0,C.jsx)(`span`,{className:`dim small`,children:a(`territories.inherited`,{n:c})})]}),(0,C.jsx)(`span`,{role:`cell`,children:(0,C.jsx)(`span`,{className:`badge ${e.overlaps.length?`warn`:e.status===`gap`?`danger`:e.status===`partial`?``:`ok`}`,children:a(l)})})]})}function O({c:e,onClose:t}){let{t:r,locale:i}=n();return(0,C.jsxs)(`section`,{className:`detail`,"aria-label":e.region.name,"data-testid":`region-detail`,children:[(0,C.jsxs)(`div`,{className:`detail-head`,children:[(0,C.jsxs)(`h2`,{className:`detail-title`,children:[e.region.name,` `,(0,C.jsx)(`span`,{className:`dim mono small`,children:e.region.path})]}),(0,C.jsx)(`button`,{type:`button`,className:`btn icon`,onClick:t,"aria-label":r(`detail.close`),title:`${r(`detail.close`)} (Esc)`,children:`×`})]}),(0,C.jsxs)(`div`,{className:`detail-body`,children:[e.overlaps.length>0&&(0,C.jsx)(`div`,{className:`callout warn`,role:`note`,children:e.overlaps.map(([e,t])=>(0,C.jsx)(`p`,{children:r(`territories.overlapText`,{a:e.dealer.name,b:t.dealer.name})},e.id+t.id))}),e.status===`gap`&&(0,C.jsx)(`div`,{className:`callout danger`,children:r(`territories.gapText`)}),e.status===`partial`&&(0,C.jsx)(`p`,{className:`dim`,children:r(`territories.partialText`)}),e.covering.length>0&&(0,C.jsxs)(`table`,{className:`mini-table`,children:[(0,C.jsx)(`thead`,{children:(0,C.jsxs)(`tr`,{children:[(0,C.jsx)(`th`,{children:r(`deals.col.channel`)}),(0,C.jsx)(`th`,{children:r(`territories.scope`)}),(0,C.jsx)(`th`,{children:r(`territories.from`)})]})}),(0,C.jsx)(`tbody`,{children:e.covering.map(t=>(0,C.jsxs)(`tr`,{children:[(0,C.jsxs)(`td`,{title:t.dealer.name,children:[(0,C.jsx)(a,{href:`/dealers/${encodeURIComponent(t.dealer.id)}`,children:t.dealer.name}),` `,t.exclusive&&(0,C.jsx)(`span`,{className:`badge`,children:r(`territories.exclusive`)})]}),(0,C.jsx)(`td`,{title:h(t,r),children:h(t,r)}),(0,C.jsx)(`td`,{title:`${o(t.validFrom,i)} – ${t.validTo?o(t.validTo,i):``}`,children:t.region.path===e.region.path?r(`territories.here`):t.region.name})]},t.id))})]})]})]})}export{E as TerritoriesScreen};