import{a as e}from"./rolldown-runtime-BWaJ3C7D.js";import{i as t,r as n,v as r}from"./i18n-CtWl0v93.js";import{S as i,_ as a,a as o,c as s,d as c,f as l,h as u,i as d,l as f,n as p,p as m,r as h,s as g,t as _,x as v}from"./gql-5hXlzFmA.js";import{a as y,c as b,d as x,f as ee,g as S,h as te,m as C,o as w,s as T,u as ne}from"./index-DzmDc7hm.js";import{n as re,r as E,t as D}from"./usePaged-Cpg-cNDH.js";var O=e(r(),1),ie=_(`
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
`),k=_(`
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
`),A=_(`
  query CustomerPick($search: String) {
    customers(first: 20, filter: { search: $search }, orderBy: { field: NAME }) {
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
`),j=_(`
  mutation ApproveDeal($id: ID!) {
    approveDeal(input: { id: $id }) {
      deal {
        id
        stage
      }
    }
  }
`),M=_(`
  mutation RejectDeal($id: ID!, $reason: String!) {
    rejectDeal(input: { id: $id, reason: $reason }) {
      deal {
        id
        stage
        closeReason
      }
    }
  }
`),N=_(`
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
`),P=t();function F({value:e,onChange:t,invalid:r,describedBy:i}){let{t:a}=n(),o=d(),[c,l]=(0,O.useState)(e?.name??``),[u,f]=(0,O.useState)(!1),[p,h]=(0,O.useState)(0),g=S(c.trim(),200),_=(0,O.useId)(),v=m(A,{search:g===e?.name?``:g},{skip:!u}),y=v.status===`ok`?v.data.customers.edges.map(e=>e.node):[],b=e=>{t({id:e.id,name:e.name}),l(e.name),f(!1)};return(0,P.jsxs)(`div`,{className:`combo wide`,children:[(0,P.jsx)(`input`,{type:`search`,className:`input`,role:`combobox`,"aria-expanded":u,"aria-controls":_,"aria-autocomplete":`list`,"aria-label":a(`dealForm.customer`),"aria-invalid":r||void 0,"aria-describedby":i,placeholder:a(`dealForm.customerSearch`),value:c,onChange:n=>{l(n.target.value),f(!0),h(0),e&&t(null)},onBlur:()=>f(!1),onKeyDown:e=>{if(e.key===`ArrowDown`&&!u)f(!0);else if(e.key===`ArrowDown`)h(e=>Math.min(e+1,y.length-1));else if(e.key===`ArrowUp`)h(e=>Math.max(e-1,0));else if(e.key===`Enter`&&u&&y[p])b(y[p]);else if(e.key===`Escape`&&u)f(!1);else return;e.preventDefault(),e.stopPropagation()},"data-testid":`customer-picker`}),u&&(0,P.jsxs)(`ul`,{className:`combo-list`,id:_,role:`listbox`,children:[v.status===`error`&&(0,P.jsx)(`li`,{className:`combo-empty error-message`,children:o(v.error)}),v.status===`ok`&&y.length===0&&(0,P.jsx)(`li`,{className:`combo-empty`,children:a(`dealForm.customerNone`)}),y.map((e,t)=>(0,P.jsxs)(`li`,{role:`option`,"aria-selected":t===p,className:t===p?`active`:void 0,onMouseDown:t=>{t.preventDefault(),b(e)},children:[(0,P.jsx)(`span`,{lang:s(e.country),children:e.name}),` `,(0,P.jsx)(C,{owner:e.owner})]},e.id))]})]})}var I=[`EUR`,`BGN`,`RON`,`CNY`,`USD`];function L({currency:e,fixedDealer:t,productLines:r,onClose:i,onDone:a}){let{t:o,locale:s}=n(),u=d(),[p,m]=(0,O.useState)(null),[h,_]=(0,O.useState)(t??null),[v,y]=(0,O.useState)({customerId:``,channel:`DEALER`,dealerId:``,productLineId:``,quantity:`1`,unitPrice:``,currency:e,expectedClose:``}),[b]=(0,O.useState)(ee),[S,re]=(0,O.useState)(!1),[E,D]=(0,O.useState)({}),[ie,k]=(0,O.useState)(!1),A={...v,customerId:p?.id??``,dealerId:h?.id??``},j=f(v.currency),M=(0,O.useMemo)(()=>ne(A,j,b),[JSON.stringify(A),j,b]),L=(e,t)=>{y(t=>({...t,...e})),D(e=>({...e,[t]:void 0,form:void 0}))},z=e=>{if(E[e])return E[e];let t=M.errors[e];return t&&(S||!R(t,A))?o(t):void 0},ae=async e=>{if(e.preventDefault(),re(!0),M.input){k(!0);try{a((await l(N,{input:M.input})).registerDeal.deal.stage,p?.name??``)}catch(e){let t=u(e),n=e instanceof c&&e.code===`BAD_USER_INPUT`?x(e.field):`form`;D({[n]:t}),k(!1)}}},B=M.amountMinor;return(0,P.jsx)(w,{title:o(`dealForm.title`),onClose:i,wide:!0,testId:`register-dialog`,children:(0,P.jsxs)(`form`,{className:`form`,onSubmit:ae,noValidate:!0,children:[(0,P.jsxs)(`div`,{className:`form-field`,children:[(0,P.jsx)(`span`,{children:o(`dealForm.customer`)}),(0,P.jsx)(F,{value:p,onChange:e=>{m(e),D(e=>({...e,customer:void 0}))},invalid:!!z(`customer`),describedBy:`deal-customer-error`}),(0,P.jsx)(T,{id:`deal-customer-error`,message:z(`customer`)})]}),(0,P.jsxs)(`fieldset`,{className:`form-field`,children:[(0,P.jsx)(`legend`,{children:o(`dealForm.channel`)}),t?(0,P.jsx)(`div`,{className:`radio-row`,"data-testid":`deal-fixed-dealer`,children:(0,P.jsx)(C,{owner:{kind:`DEALER`,dealer:t}})}):(0,P.jsxs)(`div`,{className:`radio-row`,children:[[`DEALER`,`DIRECT`].map(e=>(0,P.jsxs)(`label`,{className:`radio`,children:[(0,P.jsx)(`input`,{type:`radio`,name:`channel`,value:e,checked:v.channel===e,onChange:()=>L({channel:e},`dealer`),"data-testid":`channel-${e}`}),o(`channel.${e}`)]},e)),v.channel===`DEALER`&&(0,P.jsx)(te,{value:h,onChange:e=>{_(e),D(e=>({...e,dealer:void 0}))}})]}),(0,P.jsx)(T,{id:`deal-dealer-error`,message:z(`dealer`)})]}),(0,P.jsxs)(`label`,{className:`form-field`,children:[(0,P.jsx)(`span`,{children:o(`dealForm.productLine`)}),(0,P.jsxs)(`select`,{className:`input`,value:v.productLineId,onChange:e=>L({productLineId:e.target.value},`productLine`),"aria-invalid":!!z(`productLine`)||void 0,"data-testid":`deal-line`,children:[(0,P.jsx)(`option`,{value:``,children:o(`dealForm.choose`)}),r.map(e=>(0,P.jsx)(`option`,{value:e.id,children:e.name},e.id))]}),(0,P.jsx)(T,{id:`deal-line-error`,message:z(`productLine`)})]}),(0,P.jsxs)(`div`,{className:`form-row`,children:[(0,P.jsxs)(`label`,{className:`form-field`,children:[(0,P.jsx)(`span`,{children:o(`dealForm.quantity`)}),(0,P.jsx)(`input`,{className:`input num-input`,inputMode:`numeric`,value:v.quantity,onChange:e=>L({quantity:e.target.value},`quantity`),"aria-invalid":!!z(`quantity`)||void 0,"aria-describedby":`deal-quantity-error`,"data-testid":`deal-quantity`}),(0,P.jsx)(T,{id:`deal-quantity-error`,message:z(`quantity`)})]}),(0,P.jsxs)(`label`,{className:`form-field`,children:[(0,P.jsx)(`span`,{children:o(`dealForm.unitPrice`)}),(0,P.jsxs)(`span`,{className:`money-input`,children:[(0,P.jsx)(`input`,{className:`input num-input`,inputMode:`decimal`,value:v.unitPrice,placeholder:j?`0.00`:`0`,onChange:e=>L({unitPrice:e.target.value},`unitPrice`),"aria-invalid":!!z(`unitPrice`)||void 0,"aria-describedby":`deal-price-error`,"data-testid":`deal-price`}),(0,P.jsx)(`select`,{className:`input`,"aria-label":o(`dealForm.currency`),value:v.currency,onChange:e=>L({currency:e.target.value},`unitPrice`),"data-testid":`deal-currency`,children:Array.from(new Set([e,...I])).map(e=>(0,P.jsx)(`option`,{children:e},e))})]}),(0,P.jsx)(T,{id:`deal-price-error`,message:z(`unitPrice`)})]}),(0,P.jsxs)(`label`,{className:`form-field`,children:[(0,P.jsx)(`span`,{children:o(`dealForm.expectedClose`)}),(0,P.jsx)(`input`,{className:`input`,type:`date`,value:v.expectedClose,onChange:e=>L({expectedClose:e.target.value},`expectedClose`)}),(0,P.jsx)(T,{id:`deal-close-error`,message:z(`expectedClose`)})]})]}),(0,P.jsxs)(`div`,{className:`amount-preview`,"data-testid":`amount-preview`,"data-minor":B===null?``:B.toString(),children:[(0,P.jsx)(`span`,{className:`dim`,children:o(`dealForm.amount`)}),` `,(0,P.jsx)(`strong`,{children:B===null?`—`:g({minor:Number(B),currency:v.currency},s)})]}),E.form&&(0,P.jsx)(`div`,{className:`error-message`,role:`alert`,children:E.form}),(0,P.jsxs)(`div`,{className:`form-actions`,children:[(0,P.jsx)(`button`,{type:`button`,className:`btn`,onClick:i,children:o(`form.cancel`)}),(0,P.jsx)(`button`,{type:`submit`,className:`btn primary`,disabled:ie,"data-testid":`deal-submit`,children:o(`dealForm.submit`)})]})]})})}function R(e,t){switch(e){case`dealForm.err.customer`:case`dealForm.err.dealer`:case`dealForm.err.productLine`:case`dealForm.err.priceEmpty`:return!0;case`dealForm.err.quantity`:return t.quantity.trim()===``;default:return!1}}function z({deal:e,onClose:t,onDone:r}){let{t:i,locale:a}=n(),o=d(),[s,u]=(0,O.useState)(``),[f,p]=(0,O.useState)(null),[m,h]=(0,O.useState)(!1);return(0,P.jsx)(w,{title:i(`deals.rejectTitle`),onClose:t,testId:`reject-dialog`,children:(0,P.jsxs)(`form`,{className:`form`,onSubmit:async t=>{if(t.preventDefault(),!s.trim())p({field:!0,text:i(`deals.rejectReasonRequired`)});else{h(!0);try{await l(M,{id:e.id,reason:s.trim()}),r()}catch(e){let t=e instanceof c&&e.field===`input.reason`;p({field:t,text:o(e)}),h(!1)}}},noValidate:!0,children:[(0,P.jsxs)(`p`,{className:`dim`,children:[e.customer.name,` · `,e.channel.dealer?.name??i(`channel.DIRECT`),` · `,g(e.amount,a)]}),(0,P.jsxs)(`label`,{className:`form-field`,children:[(0,P.jsx)(`span`,{children:i(`deals.rejectReason`)}),(0,P.jsx)(`textarea`,{className:`input area`,rows:3,autoFocus:!0,value:s,onChange:e=>{u(e.target.value),p(null)},"aria-invalid":f?.field||void 0,"aria-describedby":`reject-reason-error`,"data-testid":`reject-reason`}),(0,P.jsx)(T,{id:`reject-reason-error`,message:f?.field?f.text:void 0})]}),f&&!f.field&&(0,P.jsx)(`div`,{className:`error-message`,role:`alert`,children:f.text}),(0,P.jsxs)(`div`,{className:`form-actions`,children:[(0,P.jsx)(`button`,{type:`button`,className:`btn`,onClick:t,children:i(`form.cancel`)}),(0,P.jsx)(`button`,{type:`submit`,className:`btn danger`,disabled:m,"data-testid":`reject-submit`,children:i(`deals.reject`)})]})]})})}var ae=[`PENDING_APPROVAL`,`REGISTERED`,`QUOTED`,`WON`,`LOST`,`CANCELLED`],B=100,oe=2026;function se(){let{t:e,locale:t}=n(),r=d(),c=i(),[,f]=v(),_=c.view===`all`?`all`:`inbox`,{can:x,ownDealer:ee}=u(),S=x(`deal.approve`),w=x(`dealers.all`),[T,ne]=(0,O.useState)(``),[A,M]=(0,O.useState)(``),[N,F]=(0,O.useState)(null),[I,R]=(0,O.useState)(``),[se,le]=(0,O.useState)({field:`REGISTERED_AT`,direction:`DESC`}),[ue,de]=(0,O.useState)({field:`REGISTERED_AT`,direction:`ASC`}),V=_===`inbox`?ue:se,fe=_===`inbox`?de:le,[pe,me]=(0,O.useState)(-1),[H,U]=(0,O.useState)(new Map),[W,G]=(0,O.useState)(null),[he,K]=(0,O.useState)(!1),[ge,_e]=(0,O.useState)(!1),[q,J]=(0,O.useState)(null),[Y,ve]=(0,O.useState)(null),X=m(k,{year:oe}),ye=X.status===`ok`?X.data.productLines:[],be=(0,O.useMemo)(()=>{if(_===`inbox`)return{stages:[`PENDING_APPROVAL`]};let e={};return T&&(e.stages=[T]),A&&(e.channelKind=A),N&&(e.dealerId=N.id),I&&(e.productLineId=I),e},[_,T,A,N,I]),xe=JSON.stringify([be,{field:V.field,direction:V.direction}]),Se=(0,O.useCallback)(async(e,t)=>{let[n,r]=JSON.parse(e),i=(await l(ie,{first:B,after:t,filter:n,orderBy:r})).deals;return{nodes:i.edges.map(e=>e.node),totalCount:i.totalCount,hasNextPage:i.pageInfo.hasNextPage,endCursor:i.pageInfo.endCursor}},[]),{paging:Z,onRangeEnd:Ce,retry:we,reload:Te}=re(xe,Se),Q=(0,O.useMemo)(()=>_===`inbox`?Z.items.filter(e=>!H.has(e.id)):Z.items,[_,Z.items,H]),$=Z.totalCount===null?null:_===`inbox`?Math.max(0,Z.totalCount-ce(H,Z.items)):Z.totalCount,Ee=(e,t)=>U(n=>new Map(n).set(e,t)),De=async t=>{ve(t.id);try{await l(j,{id:t.id}),Ee(t.id,`approved`),J({text:e(`deals.approved`,{customer:t.customer.name})})}catch(e){J({text:r(e),error:!0})}finally{ve(null)}},Oe=(0,O.useCallback)(e=>f(`/customers/${encodeURIComponent(e.customer.id)}`),[f]);E({count:Q.length,setSelected:me,onEnter:()=>{let e=Q[pe];e&&Oe(e)},enabled:!W&&!he});let ke=(0,O.useMemo)(()=>{let n=[{id:`registered`,header:e(`deals.col.registered`),width:`96px`,min:96,sortField:`REGISTERED_AT`,render:e=>o(e.registeredAt,t),title:e=>e.registeredAt},{id:`customer`,header:e(`deals.col.customer`),width:`minmax(160px, 2.2fr)`,min:160,title:e=>e.customer.name,render:e=>(0,P.jsx)(`span`,{className:`cell-name`,lang:s(e.customer.country),children:e.customer.name})},{id:`channel`,header:e(`deals.col.channel`),width:`minmax(120px, 1.6fr)`,min:120,render:e=>(0,P.jsx)(C,{owner:{kind:e.channel.kind,dealer:e.channel.dealer}})},{id:`line`,header:e(`deals.col.productLine`),width:`minmax(100px, 1.2fr)`,min:100,title:e=>e.productLine.name,render:e=>e.productLine.name},{id:`qty`,header:e(`deals.col.quantity`),width:`56px`,min:56,align:`end`,render:e=>e.quantity},{id:`unit`,header:e(`deals.col.unitPrice`),width:`104px`,min:104,align:`end`,render:e=>g(e.unitPrice,t)},{id:`amount`,header:e(`deals.col.amount`),width:`116px`,min:116,align:`end`,sortField:`AMOUNT`,render:e=>(0,P.jsx)(`span`,{className:`num`,children:g(e.amount,t)})}];return _===`all`?n.push({id:`stage`,header:e(`deals.col.stage`),width:`118px`,min:118,render:t=>(0,P.jsx)(`span`,{className:`stage stage-${t.stage.toLowerCase()}`,children:e(`stage.${t.stage}`)}),title:e=>e.closeReason||void 0},{id:`close`,header:e(`deals.col.expectedClose`),width:`96px`,min:96,sortField:`EXPECTED_CLOSE`,render:e=>o(e.expectedClose,t)}):S?n.push({id:`actions`,header:e(`deals.col.decision`),width:`170px`,min:170,render:t=>(0,P.jsxs)(`span`,{className:`row-actions`,children:[(0,P.jsx)(`button`,{type:`button`,className:`btn small primary`,disabled:Y===t.id,onClick:e=>{e.stopPropagation(),De(t)},"data-testid":`approve`,children:e(`deals.approve`)}),(0,P.jsx)(`button`,{type:`button`,className:`btn small`,disabled:Y===t.id,onClick:e=>{e.stopPropagation(),G(t)},"data-testid":`reject`,children:e(`deals.reject`)})]})}):n.push({id:`awaiting`,header:e(`deals.col.stage`),width:`150px`,min:150,render:()=>(0,P.jsx)(`span`,{className:`stage stage-pending_approval`,children:e(`access.awaiting`)})}),n},[e,t,_,Y,S]),Ae=_===`all`&&!!(T||A||N||I),je;return je=Z.error&&Z.items.length===0?(0,P.jsx)(h,{title:e(`deals.error`),error:Z.error,action:(0,P.jsx)(`button`,{type:`button`,className:`btn`,onClick:we,children:e(`customers.retry`)})}):$===0&&!Z.loading?_===`inbox`?(0,P.jsx)(p,{title:e(`deals.inboxEmpty`),icon:`✓`,children:(0,P.jsx)(`p`,{children:e(`deals.inboxEmptyBody`)})}):(0,P.jsx)(p,{title:e(`deals.empty`),children:Ae&&(0,P.jsx)(`p`,{children:e(`customers.empty.body`)})}):(0,P.jsx)(b,{label:e(_===`inbox`?`deals.inbox`:`deals.all`),columns:ke,rows:Q,rowKey:e=>e.id,pendingRows:D(Z),selectedIndex:pe,onSelect:me,onOpen:()=>{},onRangeEnd:Ce,sort:V,onSort:fe,sortLabel:t=>e(`customers.sortBy`,{column:t}),resetKey:xe}),(0,P.jsxs)(`div`,{className:`screen`,"data-testid":`deals-${_}`,children:[(0,P.jsxs)(`div`,{className:`toolbar`,children:[(0,P.jsx)(`h1`,{className:`screen-title`,children:e(`deals.title`)}),(0,P.jsxs)(`div`,{className:`tabs`,role:`tablist`,children:[(0,P.jsx)(a,{href:`/deals/inbox`,role:`tab`,"aria-selected":_===`inbox`,className:`tab${_===`inbox`?` active`:``}`,children:e(`deals.inbox`)}),(0,P.jsx)(a,{href:`/deals/all`,role:`tab`,"aria-selected":_===`all`,className:`tab${_===`all`?` active`:``}`,children:e(`deals.all`)})]}),_===`all`&&(0,P.jsxs)(P.Fragment,{children:[(0,P.jsxs)(`label`,{className:`field`,children:[(0,P.jsx)(`span`,{children:e(`deals.filter.stage`)}),(0,P.jsxs)(`select`,{className:`input`,value:T,onChange:e=>ne(e.target.value),"data-testid":`stage-filter`,children:[(0,P.jsx)(`option`,{value:``,children:e(`deals.filter.any`)}),ae.map(t=>(0,P.jsx)(`option`,{value:t,children:e(`stage.${t}`)},t))]})]}),w&&(0,P.jsxs)(`label`,{className:`field`,children:[(0,P.jsx)(`span`,{children:e(`deals.filter.channel`)}),(0,P.jsxs)(`select`,{className:`input`,value:A,onChange:e=>M(e.target.value),"data-testid":`channel-filter`,children:[(0,P.jsx)(`option`,{value:``,children:e(`deals.filter.any`)}),(0,P.jsx)(`option`,{value:`DEALER`,children:e(`channel.DEALER`)}),(0,P.jsx)(`option`,{value:`DIRECT`,children:e(`channel.DIRECT`)})]})]}),w&&(0,P.jsx)(te,{value:N,onChange:F}),(0,P.jsxs)(`label`,{className:`field`,children:[(0,P.jsx)(`span`,{children:e(`deals.filter.productLine`)}),(0,P.jsxs)(`select`,{className:`input`,value:I,onChange:e=>R(e.target.value),"data-testid":`line-filter`,children:[(0,P.jsx)(`option`,{value:``,children:e(`deals.filter.any`)}),ye.map(e=>(0,P.jsx)(`option`,{value:e.id,children:e.name},e.id))]})]}),Ae&&(0,P.jsx)(`button`,{type:`button`,className:`btn link`,onClick:()=>{ne(``),M(``),F(null),R(``)},children:e(`customers.filter.clear`)})]}),(0,P.jsx)(`span`,{className:`spacer`}),x(`data.import`)&&(0,P.jsx)(`button`,{type:`button`,className:`btn`,onClick:()=>_e(!0),"data-testid":`import-csv`,children:e(`import.action`)}),x(`deal.register`)&&(0,P.jsx)(`button`,{type:`button`,className:`btn primary`,onClick:()=>K(!0),"data-testid":`register-deal`,children:e(`deals.register`)})]}),(0,P.jsxs)(`div`,{className:`list-pane`,children:[je,(0,P.jsxs)(`div`,{className:`statusbar`,"aria-live":`polite`,children:[(0,P.jsx)(`span`,{"data-testid":`total-count`,children:$===null?`\xA0`:e(`deals.count`,{n:$})}),q&&(0,P.jsx)(`span`,{className:q.error?`error-message`:`notice`,"data-testid":`notice`,children:q.text}),Z.error&&Z.items.length>0&&(0,P.jsxs)(`span`,{className:`error-message`,children:[r(Z.error),` `,(0,P.jsx)(`button`,{type:`button`,className:`btn link`,onClick:we,children:e(`customers.retry`)})]}),(0,P.jsx)(`span`,{className:`spacer`}),(0,P.jsx)(`span`,{className:`dim`,children:e(`deals.keys`)})]})]}),W&&(0,P.jsx)(z,{deal:W,onClose:()=>G(null),onDone:()=>{Ee(W.id,`rejected`),J({text:e(`deals.rejected`,{customer:W.customer.name})}),G(null)}}),ge&&(0,P.jsx)(y,{kind:`deals`,onClose:()=>_e(!1),onImported:t=>{U(new Map),J({text:e(`import.notice`,{n:t.imported})}),Te()}}),he&&(0,P.jsx)(L,{currency:X.status===`ok`?X.data.policy?.currency??`EUR`:`EUR`,productLines:ye,fixedDealer:x(`deal.registerDirect`)?null:ee,onClose:()=>K(!1),onDone:(t,n)=>{K(!1),U(new Map),J({text:e(t===`PENDING_APPROVAL`?`deals.registeredPending`:`deals.registeredOk`,{customer:n})}),Te()}})]})}function ce(e,t){let n=0;for(let r of t)e.has(r.id)&&n++;return n}export{se as DealsScreen};