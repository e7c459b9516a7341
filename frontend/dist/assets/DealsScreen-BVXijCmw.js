import{a as e}from"./rolldown-runtime-BWaJ3C7D.js";import{i as t,r as n,v as r}from"./i18n-zT47jvHF.js";import{A as i,C as a,D as o,M as s,N as c,O as l,T as u,_ as d,d as f,g as p,h as m,j as h,k as g,l as _,m as v,n as y,p as b,r as x,s as ee,u as S,v as C,w,x as T,y as E}from"./index-BpBvcvhn.js";import{n as te,r as ne,t as D}from"./usePaged-CPZryJN2.js";var O=e(r(),1),k=m(`
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
`),re=m(`
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
`),A=m(`
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
`),j=m(`
  mutation ApproveDeal($id: ID!) {
    approveDeal(input: { id: $id }) {
      deal {
        id
        stage
      }
    }
  }
`),M=m(`
  mutation RejectDeal($id: ID!, $reason: String!) {
    rejectDeal(input: { id: $id, reason: $reason }) {
      deal {
        id
        stage
        closeReason
      }
    }
  }
`),N=m(`
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
`),P=t();function F({value:e,onChange:t,invalid:r,describedBy:i}){let{t:a}=n(),o=E(),[s,c]=(0,O.useState)(e?.name??``),[l,u]=(0,O.useState)(!1),[d,f]=(0,O.useState)(0),m=p(s.trim(),200),h=(0,O.useId)(),_=g(A,{search:m===e?.name?``:m},{skip:!l}),v=_.status===`ok`?_.data.customers.edges.map(e=>e.node):[],y=e=>{t({id:e.id,name:e.name}),c(e.name),u(!1)};return(0,P.jsxs)(`div`,{className:`combo wide`,children:[(0,P.jsx)(`input`,{type:`search`,className:`input`,role:`combobox`,"aria-expanded":l,"aria-controls":h,"aria-autocomplete":`list`,"aria-label":a(`dealForm.customer`),"aria-invalid":r||void 0,"aria-describedby":i,placeholder:a(`dealForm.customerSearch`),value:s,onChange:n=>{c(n.target.value),u(!0),f(0),e&&t(null)},onBlur:()=>u(!1),onKeyDown:e=>{if(e.key===`ArrowDown`&&!l)u(!0);else if(e.key===`ArrowDown`)f(e=>Math.min(e+1,v.length-1));else if(e.key===`ArrowUp`)f(e=>Math.max(e-1,0));else if(e.key===`Enter`&&l&&v[d])y(v[d]);else if(e.key===`Escape`&&l)u(!1);else return;e.preventDefault(),e.stopPropagation()},"data-testid":`customer-picker`}),l&&(0,P.jsxs)(`ul`,{className:`combo-list`,id:h,role:`listbox`,children:[_.status===`error`&&(0,P.jsx)(`li`,{className:`combo-empty error-message`,children:o(_.error)}),_.status===`ok`&&v.length===0&&(0,P.jsx)(`li`,{className:`combo-empty`,children:a(`dealForm.customerNone`)}),v.map((e,t)=>(0,P.jsxs)(`li`,{role:`option`,"aria-selected":t===d,className:t===d?`active`:void 0,onMouseDown:t=>{t.preventDefault(),y(e)},children:[(0,P.jsx)(`span`,{lang:w(e.country),children:e.name}),` `,(0,P.jsx)(b,{owner:e.owner})]},e.id))]})]})}var I=[`EUR`,`BGN`,`RON`,`CNY`,`USD`];function L({currency:e,fixedDealer:t,productLines:r,onClose:i,onDone:s}){let{t:c,locale:d}=n(),p=E(),[m,h]=(0,O.useState)(null),[g,ee]=(0,O.useState)(t??null),[C,w]=(0,O.useState)({customerId:``,channel:`DEALER`,dealerId:``,productLineId:``,quantity:`1`,unitPrice:``,currency:e,expectedClose:``}),[T]=(0,O.useState)(f),[te,ne]=(0,O.useState)(!1),[D,k]=(0,O.useState)({}),[re,A]=(0,O.useState)(!1),j={...C,customerId:m?.id??``,dealerId:g?.id??``},M=u(C.currency),L=(0,O.useMemo)(()=>_(j,M,T),[JSON.stringify(j),M,T]),z=(e,t)=>{w(t=>({...t,...e})),k(e=>({...e,[t]:void 0,form:void 0}))},B=e=>{if(D[e])return D[e];let t=L.errors[e];return t&&(te||!R(t,j))?c(t):void 0},ie=async e=>{if(e.preventDefault(),ne(!0),L.input){A(!0);try{s((await l(N,{input:L.input})).registerDeal.deal.stage,m?.name??``)}catch(e){let t=p(e),n=e instanceof o&&e.code===`BAD_USER_INPUT`?S(e.field):`form`;k({[n]:t}),A(!1)}}},V=L.amountMinor;return(0,P.jsx)(y,{title:c(`dealForm.title`),onClose:i,wide:!0,testId:`register-dialog`,children:(0,P.jsxs)(`form`,{className:`form`,onSubmit:ie,noValidate:!0,children:[(0,P.jsxs)(`div`,{className:`form-field`,children:[(0,P.jsx)(`span`,{children:c(`dealForm.customer`)}),(0,P.jsx)(F,{value:m,onChange:e=>{h(e),k(e=>({...e,customer:void 0}))},invalid:!!B(`customer`),describedBy:`deal-customer-error`}),(0,P.jsx)(x,{id:`deal-customer-error`,message:B(`customer`)})]}),(0,P.jsxs)(`fieldset`,{className:`form-field`,children:[(0,P.jsx)(`legend`,{children:c(`dealForm.channel`)}),t?(0,P.jsx)(`div`,{className:`radio-row`,"data-testid":`deal-fixed-dealer`,children:(0,P.jsx)(b,{owner:{kind:`DEALER`,dealer:t}})}):(0,P.jsxs)(`div`,{className:`radio-row`,children:[[`DEALER`,`DIRECT`].map(e=>(0,P.jsxs)(`label`,{className:`radio`,children:[(0,P.jsx)(`input`,{type:`radio`,name:`channel`,value:e,checked:C.channel===e,onChange:()=>z({channel:e},`dealer`),"data-testid":`channel-${e}`}),c(`channel.${e}`)]},e)),C.channel===`DEALER`&&(0,P.jsx)(v,{value:g,onChange:e=>{ee(e),k(e=>({...e,dealer:void 0}))}})]}),(0,P.jsx)(x,{id:`deal-dealer-error`,message:B(`dealer`)})]}),(0,P.jsxs)(`label`,{className:`form-field`,children:[(0,P.jsx)(`span`,{children:c(`dealForm.productLine`)}),(0,P.jsxs)(`select`,{className:`input`,value:C.productLineId,onChange:e=>z({productLineId:e.target.value},`productLine`),"aria-invalid":!!B(`productLine`)||void 0,"data-testid":`deal-line`,children:[(0,P.jsx)(`option`,{value:``,children:c(`dealForm.choose`)}),r.map(e=>(0,P.jsx)(`option`,{value:e.id,children:e.name},e.id))]}),(0,P.jsx)(x,{id:`deal-line-error`,message:B(`productLine`)})]}),(0,P.jsxs)(`div`,{className:`form-row`,children:[(0,P.jsxs)(`label`,{className:`form-field`,children:[(0,P.jsx)(`span`,{children:c(`dealForm.quantity`)}),(0,P.jsx)(`input`,{className:`input num-input`,inputMode:`numeric`,value:C.quantity,onChange:e=>z({quantity:e.target.value},`quantity`),"aria-invalid":!!B(`quantity`)||void 0,"aria-describedby":`deal-quantity-error`,"data-testid":`deal-quantity`}),(0,P.jsx)(x,{id:`deal-quantity-error`,message:B(`quantity`)})]}),(0,P.jsxs)(`label`,{className:`form-field`,children:[(0,P.jsx)(`span`,{children:c(`dealForm.unitPrice`)}),(0,P.jsxs)(`span`,{className:`money-input`,children:[(0,P.jsx)(`input`,{className:`input num-input`,inputMode:`decimal`,value:C.unitPrice,placeholder:M?`0.00`:`0`,onChange:e=>z({unitPrice:e.target.value},`unitPrice`),"aria-invalid":!!B(`unitPrice`)||void 0,"aria-describedby":`deal-price-error`,"data-testid":`deal-price`}),(0,P.jsx)(`select`,{className:`input`,"aria-label":c(`dealForm.currency`),value:C.currency,onChange:e=>z({currency:e.target.value},`unitPrice`),"data-testid":`deal-currency`,children:Array.from(new Set([e,...I])).map(e=>(0,P.jsx)(`option`,{children:e},e))})]}),(0,P.jsx)(x,{id:`deal-price-error`,message:B(`unitPrice`)})]}),(0,P.jsxs)(`label`,{className:`form-field`,children:[(0,P.jsx)(`span`,{children:c(`dealForm.expectedClose`)}),(0,P.jsx)(`input`,{className:`input`,type:`date`,value:C.expectedClose,onChange:e=>z({expectedClose:e.target.value},`expectedClose`)}),(0,P.jsx)(x,{id:`deal-close-error`,message:B(`expectedClose`)})]})]}),(0,P.jsxs)(`div`,{className:`amount-preview`,"data-testid":`amount-preview`,"data-minor":V===null?``:V.toString(),children:[(0,P.jsx)(`span`,{className:`dim`,children:c(`dealForm.amount`)}),` `,(0,P.jsx)(`strong`,{children:V===null?`—`:a({minor:Number(V),currency:C.currency},d)})]}),D.form&&(0,P.jsx)(`div`,{className:`error-message`,role:`alert`,children:D.form}),(0,P.jsxs)(`div`,{className:`form-actions`,children:[(0,P.jsx)(`button`,{type:`button`,className:`btn`,onClick:i,children:c(`form.cancel`)}),(0,P.jsx)(`button`,{type:`submit`,className:`btn primary`,disabled:re,"data-testid":`deal-submit`,children:c(`dealForm.submit`)})]})]})})}function R(e,t){switch(e){case`dealForm.err.customer`:case`dealForm.err.dealer`:case`dealForm.err.productLine`:case`dealForm.err.priceEmpty`:return!0;case`dealForm.err.quantity`:return t.quantity.trim()===``;default:return!1}}function z({deal:e,onClose:t,onDone:r}){let{t:i,locale:s}=n(),c=E(),[u,d]=(0,O.useState)(``),[f,p]=(0,O.useState)(null),[m,h]=(0,O.useState)(!1);return(0,P.jsx)(y,{title:i(`deals.rejectTitle`),onClose:t,testId:`reject-dialog`,children:(0,P.jsxs)(`form`,{className:`form`,onSubmit:async t=>{if(t.preventDefault(),!u.trim())p({field:!0,text:i(`deals.rejectReasonRequired`)});else{h(!0);try{await l(M,{id:e.id,reason:u.trim()}),r()}catch(e){let t=e instanceof o&&e.field===`input.reason`;p({field:t,text:c(e)}),h(!1)}}},noValidate:!0,children:[(0,P.jsxs)(`p`,{className:`dim`,children:[e.customer.name,` · `,e.channel.dealer?.name??i(`channel.DIRECT`),` · `,a(e.amount,s)]}),(0,P.jsxs)(`label`,{className:`form-field`,children:[(0,P.jsx)(`span`,{children:i(`deals.rejectReason`)}),(0,P.jsx)(`textarea`,{className:`input area`,rows:3,autoFocus:!0,value:u,onChange:e=>{d(e.target.value),p(null)},"aria-invalid":f?.field||void 0,"aria-describedby":`reject-reason-error`,"data-testid":`reject-reason`}),(0,P.jsx)(x,{id:`reject-reason-error`,message:f?.field?f.text:void 0})]}),f&&!f.field&&(0,P.jsx)(`div`,{className:`error-message`,role:`alert`,children:f.text}),(0,P.jsxs)(`div`,{className:`form-actions`,children:[(0,P.jsx)(`button`,{type:`button`,className:`btn`,onClick:t,children:i(`form.cancel`)}),(0,P.jsx)(`button`,{type:`submit`,className:`btn danger`,disabled:m,"data-testid":`reject-submit`,children:i(`deals.reject`)})]})]})})}var B=[`PENDING_APPROVAL`,`REGISTERED`,`QUOTED`,`WON`,`LOST`,`CANCELLED`],ie=100,V=2026;function ae(){let{t:e,locale:t}=n(),r=E(),o=c(),[,u]=s(),f=o.view===`all`?`all`:`inbox`,{can:p,ownDealer:m}=i(),_=p(`deal.approve`),y=p(`dealers.all`),[x,S]=(0,O.useState)(``),[A,M]=(0,O.useState)(``),[N,F]=(0,O.useState)(null),[I,R]=(0,O.useState)(``),[ae,se]=(0,O.useState)({field:`REGISTERED_AT`,direction:`DESC`}),[ce,le]=(0,O.useState)({field:`REGISTERED_AT`,direction:`ASC`}),H=f===`inbox`?ce:ae,ue=f===`inbox`?le:se,[de,fe]=(0,O.useState)(-1),[U,pe]=(0,O.useState)(new Map),[W,G]=(0,O.useState)(null),[me,K]=(0,O.useState)(!1),[q,J]=(0,O.useState)(null),[Y,he]=(0,O.useState)(null),X=g(re,{year:V}),ge=X.status===`ok`?X.data.productLines:[],_e=(0,O.useMemo)(()=>{if(f===`inbox`)return{stages:[`PENDING_APPROVAL`]};let e={};return x&&(e.stages=[x]),A&&(e.channelKind=A),N&&(e.dealerId=N.id),I&&(e.productLineId=I),e},[f,x,A,N,I]),ve=JSON.stringify([_e,{field:H.field,direction:H.direction}]),ye=(0,O.useCallback)(async(e,t)=>{let[n,r]=JSON.parse(e),i=(await l(k,{first:ie,after:t,filter:n,orderBy:r})).deals;return{nodes:i.edges.map(e=>e.node),totalCount:i.totalCount,hasNextPage:i.pageInfo.hasNextPage,endCursor:i.pageInfo.endCursor}},[]),{paging:Z,onRangeEnd:be,retry:xe,reload:Se}=te(ve,ye),Q=(0,O.useMemo)(()=>f===`inbox`?Z.items.filter(e=>!U.has(e.id)):Z.items,[f,Z.items,U]),$=Z.totalCount===null?null:f===`inbox`?Math.max(0,Z.totalCount-oe(U,Z.items)):Z.totalCount,Ce=(e,t)=>pe(n=>new Map(n).set(e,t)),we=async t=>{he(t.id);try{await l(j,{id:t.id}),Ce(t.id,`approved`),J({text:e(`deals.approved`,{customer:t.customer.name})})}catch(e){J({text:r(e),error:!0})}finally{he(null)}},Te=(0,O.useCallback)(e=>u(`/customers/${encodeURIComponent(e.customer.id)}`),[u]);ne({count:Q.length,setSelected:fe,onEnter:()=>{let e=Q[de];e&&Te(e)},enabled:!W&&!me});let Ee=(0,O.useMemo)(()=>{let n=[{id:`registered`,header:e(`deals.col.registered`),width:`96px`,min:96,sortField:`REGISTERED_AT`,render:e=>T(e.registeredAt,t),title:e=>e.registeredAt},{id:`customer`,header:e(`deals.col.customer`),width:`minmax(160px, 2.2fr)`,min:160,title:e=>e.customer.name,render:e=>(0,P.jsx)(`span`,{className:`cell-name`,lang:w(e.customer.country),children:e.customer.name})},{id:`channel`,header:e(`deals.col.channel`),width:`minmax(120px, 1.6fr)`,min:120,render:e=>(0,P.jsx)(b,{owner:{kind:e.channel.kind,dealer:e.channel.dealer}})},{id:`line`,header:e(`deals.col.productLine`),width:`minmax(100px, 1.2fr)`,min:100,title:e=>e.productLine.name,render:e=>e.productLine.name},{id:`qty`,header:e(`deals.col.quantity`),width:`56px`,min:56,align:`end`,render:e=>e.quantity},{id:`unit`,header:e(`deals.col.unitPrice`),width:`104px`,min:104,align:`end`,render:e=>a(e.unitPrice,t)},{id:`amount`,header:e(`deals.col.amount`),width:`116px`,min:116,align:`end`,sortField:`AMOUNT`,render:e=>(0,P.jsx)(`span`,{className:`num`,children:a(e.amount,t)})}];return f===`all`?n.push({id:`stage`,header:e(`deals.col.stage`),width:`118px`,min:118,render:t=>(0,P.jsx)(`span`,{className:`stage stage-${t.stage.toLowerCase()}`,children:e(`stage.${t.stage}`)}),title:e=>e.closeReason||void 0},{id:`close`,header:e(`deals.col.expectedClose`),width:`96px`,min:96,sortField:`EXPECTED_CLOSE`,render:e=>T(e.expectedClose,t)}):_?n.push({id:`actions`,header:e(`deals.col.decision`),width:`170px`,min:170,render:t=>(0,P.jsxs)(`span`,{className:`row-actions`,children:[(0,P.jsx)(`button`,{type:`button`,className:`btn small primary`,disabled:Y===t.id,onClick:e=>{e.stopPropagation(),we(t)},"data-testid":`approve`,children:e(`deals.approve`)}),(0,P.jsx)(`button`,{type:`button`,className:`btn small`,disabled:Y===t.id,onClick:e=>{e.stopPropagation(),G(t)},"data-testid":`reject`,children:e(`deals.reject`)})]})}):n.push({id:`awaiting`,header:e(`deals.col.stage`),width:`150px`,min:150,render:()=>(0,P.jsx)(`span`,{className:`stage stage-pending_approval`,children:e(`access.awaiting`)})}),n},[e,t,f,Y,_]),De=f===`all`&&!!(x||A||N||I),Oe;return Oe=Z.error&&Z.items.length===0?(0,P.jsx)(C,{title:e(`deals.error`),error:Z.error,action:(0,P.jsx)(`button`,{type:`button`,className:`btn`,onClick:xe,children:e(`customers.retry`)})}):$===0&&!Z.loading?f===`inbox`?(0,P.jsx)(d,{title:e(`deals.inboxEmpty`),icon:`✓`,children:(0,P.jsx)(`p`,{children:e(`deals.inboxEmptyBody`)})}):(0,P.jsx)(d,{title:e(`deals.empty`),children:De&&(0,P.jsx)(`p`,{children:e(`customers.empty.body`)})}):(0,P.jsx)(ee,{label:e(f===`inbox`?`deals.inbox`:`deals.all`),columns:Ee,rows:Q,rowKey:e=>e.id,pendingRows:D(Z),selectedIndex:de,onSelect:fe,onOpen:()=>{},onRangeEnd:be,sort:H,onSort:ue,sortLabel:t=>e(`customers.sortBy`,{column:t}),resetKey:ve}),(0,P.jsxs)(`div`,{className:`screen`,"data-testid":`deals-${f}`,children:[(0,P.jsxs)(`div`,{className:`toolbar`,children:[(0,P.jsx)(`h1`,{className:`screen-title`,children:e(`deals.title`)}),(0,P.jsxs)(`div`,{className:`tabs`,role:`tablist`,children:[(0,P.jsx)(h,{href:`/deals/inbox`,role:`tab`,"aria-selected":f===`inbox`,className:`tab${f===`inbox`?` active`:``}`,children:e(`deals.inbox`)}),(0,P.jsx)(h,{href:`/deals/all`,role:`tab`,"aria-selected":f===`all`,className:`tab${f===`all`?` active`:``}`,children:e(`deals.all`)})]}),f===`all`&&(0,P.jsxs)(P.Fragment,{children:[(0,P.jsxs)(`label`,{className:`field`,children:[(0,P.jsx)(`span`,{children:e(`deals.filter.stage`)}),(0,P.jsxs)(`select`,{className:`input`,value:x,onChange:e=>S(e.target.value),"data-testid":`stage-filter`,children:[(0,P.jsx)(`option`,{value:``,children:e(`deals.filter.any`)}),B.map(t=>(0,P.jsx)(`option`,{value:t,children:e(`stage.${t}`)},t))]})]}),y&&(0,P.jsxs)(`label`,{className:`field`,children:[(0,P.jsx)(`span`,{children:e(`deals.filter.channel`)}),(0,P.jsxs)(`select`,{className:`input`,value:A,onChange:e=>M(e.target.value),"data-testid":`channel-filter`,children:[(0,P.jsx)(`option`,{value:``,children:e(`deals.filter.any`)}),(0,P.jsx)(`option`,{value:`DEALER`,children:e(`channel.DEALER`)}),(0,P.jsx)(`option`,{value:`DIRECT`,children:e(`channel.DIRECT`)})]})]}),y&&(0,P.jsx)(v,{value:N,onChange:F}),(0,P.jsxs)(`label`,{className:`field`,children:[(0,P.jsx)(`span`,{children:e(`deals.filter.productLine`)}),(0,P.jsxs)(`select`,{className:`input`,value:I,onChange:e=>R(e.target.value),"data-testid":`line-filter`,children:[(0,P.jsx)(`option`,{value:``,children:e(`deals.filter.any`)}),ge.map(e=>(0,P.jsx)(`option`,{value:e.id,children:e.name},e.id))]})]}),De&&(0,P.jsx)(`button`,{type:`button`,className:`btn link`,onClick:()=>{S(``),M(``),F(null),R(``)},children:e(`customers.filter.clear`)})]}),(0,P.jsx)(`span`,{className:`spacer`}),p(`deal.register`)&&(0,P.jsx)(`button`,{type:`button`,className:`btn primary`,onClick:()=>K(!0),"data-testid":`register-deal`,children:e(`deals.register`)})]}),(0,P.jsxs)(`div`,{className:`list-pane`,children:[Oe,(0,P.jsxs)(`div`,{className:`statusbar`,"aria-live":`polite`,children:[(0,P.jsx)(`span`,{"data-testid":`total-count`,children:$===null?`\xA0`:e(`deals.count`,{n:$})}),q&&(0,P.jsx)(`span`,{className:q.error?`error-message`:`notice`,"data-testid":`notice`,children:q.text}),Z.error&&Z.items.length>0&&(0,P.jsxs)(`span`,{className:`error-message`,children:[r(Z.error),` `,(0,P.jsx)(`button`,{type:`button`,className:`btn link`,onClick:xe,children:e(`customers.retry`)})]}),(0,P.jsx)(`span`,{className:`spacer`}),(0,P.jsx)(`span`,{className:`dim`,children:e(`deals.keys`)})]})]}),W&&(0,P.jsx)(z,{deal:W,onClose:()=>G(null),onDone:()=>{Ce(W.id,`rejected`),J({text:e(`deals.rejected`,{customer:W.customer.name})}),G(null)}}),me&&(0,P.jsx)(L,{currency:X.status===`ok`?X.data.policy?.currency??`EUR`:`EUR`,productLines:ge,fixedDealer:p(`deal.registerDirect`)?null:m,onClose:()=>K(!1),onDone:(t,n)=>{K(!1),pe(new Map),J({text:e(t===`PENDING_APPROVAL`?`deals.registeredPending`:`deals.registeredOk`,{customer:n})}),Se()}})]})}function oe(e,t){let n=0;for(let r of t)e.has(r.id)&&n++;return n}export{ae as DealsScreen};