import{a as e}from"./rolldown-runtime-BWaJ3C7D.js";import{a as t,i as n,t as r}from"./jsx-runtime-BqxWIu6Q.js";import{A as i,C as a,D as o,M as s,O as c,T as l,_ as u,d,g as f,h as p,j as m,k as h,l as g,m as _,n as v,p as y,r as b,s as x,u as S,v as ee,w as C,x as w,y as T}from"./index-DxQZN-QP.js";import{n as te,r as E,t as D}from"./usePaged-CpPlU3sh.js";var O=e(t(),1),k=p(`
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
`),A=p(`
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
`),j=p(`
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
`),M=p(`
  mutation ApproveDeal($id: ID!) {
    approveDeal(input: { id: $id }) {
      deal {
        id
        stage
      }
    }
  }
`),N=p(`
  mutation RejectDeal($id: ID!, $reason: String!) {
    rejectDeal(input: { id: $id, reason: $reason }) {
      deal {
        id
        stage
        closeReason
      }
    }
  }
`),ne=p(`
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
`),P=r();function re({value:e,onChange:t,invalid:r,describedBy:i}){let{t:a}=n(),o=T(),[s,c]=(0,O.useState)(e?.name??``),[l,u]=(0,O.useState)(!1),[d,p]=(0,O.useState)(0),m=f(s.trim(),200),g=(0,O.useId)(),_=h(j,{search:m===e?.name?``:m},{skip:!l}),v=_.status===`ok`?_.data.customers.edges.map(e=>e.node):[],b=e=>{t({id:e.id,name:e.name}),c(e.name),u(!1)};return(0,P.jsxs)(`div`,{className:`combo wide`,children:[(0,P.jsx)(`input`,{type:`search`,className:`input`,role:`combobox`,"aria-expanded":l,"aria-controls":g,"aria-autocomplete":`list`,"aria-label":a(`dealForm.customer`),"aria-invalid":r||void 0,"aria-describedby":i,placeholder:a(`dealForm.customerSearch`),value:s,onChange:n=>{c(n.target.value),u(!0),p(0),e&&t(null)},onBlur:()=>u(!1),onKeyDown:e=>{if(e.key===`ArrowDown`&&!l)u(!0);else if(e.key===`ArrowDown`)p(e=>Math.min(e+1,v.length-1));else if(e.key===`ArrowUp`)p(e=>Math.max(e-1,0));else if(e.key===`Enter`&&l&&v[d])b(v[d]);else if(e.key===`Escape`&&l)u(!1);else return;e.preventDefault(),e.stopPropagation()},"data-testid":`customer-picker`}),l&&(0,P.jsxs)(`ul`,{className:`combo-list`,id:g,role:`listbox`,children:[_.status===`error`&&(0,P.jsx)(`li`,{className:`combo-empty error-message`,children:o(_.error)}),_.status===`ok`&&v.length===0&&(0,P.jsx)(`li`,{className:`combo-empty`,children:a(`dealForm.customerNone`)}),v.map((e,t)=>(0,P.jsxs)(`li`,{role:`option`,"aria-selected":t===d,className:t===d?`active`:void 0,onMouseDown:t=>{t.preventDefault(),b(e)},children:[(0,P.jsx)(`span`,{lang:C(e.country),children:e.name}),` `,(0,P.jsx)(y,{owner:e.owner})]},e.id))]})]})}var F=[`EUR`,`BGN`,`RON`,`CNY`,`USD`];function I({currency:e,productLines:t,onClose:r,onDone:i}){let{t:s,locale:u}=n(),f=T(),[p,m]=(0,O.useState)(null),[h,y]=(0,O.useState)(null),[x,ee]=(0,O.useState)({customerId:``,channel:`DEALER`,dealerId:``,productLineId:``,quantity:`1`,unitPrice:``,currency:e,expectedClose:``}),[C]=(0,O.useState)(d),[w,te]=(0,O.useState)(!1),[E,D]=(0,O.useState)({}),[k,A]=(0,O.useState)(!1),j={...x,customerId:p?.id??``,dealerId:h?.id??``},M=l(x.currency),N=(0,O.useMemo)(()=>g(j,M,C),[JSON.stringify(j),M,C]),I=(e,t)=>{ee(t=>({...t,...e})),D(e=>({...e,[t]:void 0,form:void 0}))},L=e=>{if(E[e])return E[e];let t=N.errors[e];return t&&(w||!ie(t,j))?s(t):void 0},R=async e=>{if(e.preventDefault(),te(!0),N.input){A(!0);try{i((await c(ne,{input:N.input})).registerDeal.deal.stage,p?.name??``)}catch(e){let t=f(e),n=e instanceof o&&e.code===`BAD_USER_INPUT`?S(e.field):`form`;D({[n]:t}),A(!1)}}},z=N.amountMinor;return(0,P.jsx)(v,{title:s(`dealForm.title`),onClose:r,wide:!0,testId:`register-dialog`,children:(0,P.jsxs)(`form`,{className:`form`,onSubmit:R,noValidate:!0,children:[(0,P.jsxs)(`div`,{className:`form-field`,children:[(0,P.jsx)(`span`,{children:s(`dealForm.customer`)}),(0,P.jsx)(re,{value:p,onChange:e=>{m(e),D(e=>({...e,customer:void 0}))},invalid:!!L(`customer`),describedBy:`deal-customer-error`}),(0,P.jsx)(b,{id:`deal-customer-error`,message:L(`customer`)})]}),(0,P.jsxs)(`fieldset`,{className:`form-field`,children:[(0,P.jsx)(`legend`,{children:s(`dealForm.channel`)}),(0,P.jsxs)(`div`,{className:`radio-row`,children:[[`DEALER`,`DIRECT`].map(e=>(0,P.jsxs)(`label`,{className:`radio`,children:[(0,P.jsx)(`input`,{type:`radio`,name:`channel`,value:e,checked:x.channel===e,onChange:()=>I({channel:e},`dealer`),"data-testid":`channel-${e}`}),s(`channel.${e}`)]},e)),x.channel===`DEALER`&&(0,P.jsx)(_,{value:h,onChange:e=>{y(e),D(e=>({...e,dealer:void 0}))}})]}),(0,P.jsx)(b,{id:`deal-dealer-error`,message:L(`dealer`)})]}),(0,P.jsxs)(`label`,{className:`form-field`,children:[(0,P.jsx)(`span`,{children:s(`dealForm.productLine`)}),(0,P.jsxs)(`select`,{className:`input`,value:x.productLineId,onChange:e=>I({productLineId:e.target.value},`productLine`),"aria-invalid":!!L(`productLine`)||void 0,"data-testid":`deal-line`,children:[(0,P.jsx)(`option`,{value:``,children:s(`dealForm.choose`)}),t.map(e=>(0,P.jsx)(`option`,{value:e.id,children:e.name},e.id))]}),(0,P.jsx)(b,{id:`deal-line-error`,message:L(`productLine`)})]}),(0,P.jsxs)(`div`,{className:`form-row`,children:[(0,P.jsxs)(`label`,{className:`form-field`,children:[(0,P.jsx)(`span`,{children:s(`dealForm.quantity`)}),(0,P.jsx)(`input`,{className:`input num-input`,inputMode:`numeric`,value:x.quantity,onChange:e=>I({quantity:e.target.value},`quantity`),"aria-invalid":!!L(`quantity`)||void 0,"aria-describedby":`deal-quantity-error`,"data-testid":`deal-quantity`}),(0,P.jsx)(b,{id:`deal-quantity-error`,message:L(`quantity`)})]}),(0,P.jsxs)(`label`,{className:`form-field`,children:[(0,P.jsx)(`span`,{children:s(`dealForm.unitPrice`)}),(0,P.jsxs)(`span`,{className:`money-input`,children:[(0,P.jsx)(`input`,{className:`input num-input`,inputMode:`decimal`,value:x.unitPrice,placeholder:M?`0.00`:`0`,onChange:e=>I({unitPrice:e.target.value},`unitPrice`),"aria-invalid":!!L(`unitPrice`)||void 0,"aria-describedby":`deal-price-error`,"data-testid":`deal-price`}),(0,P.jsx)(`select`,{className:`input`,"aria-label":s(`dealForm.currency`),value:x.currency,onChange:e=>I({currency:e.target.value},`unitPrice`),"data-testid":`deal-currency`,children:Array.from(new Set([e,...F])).map(e=>(0,P.jsx)(`option`,{children:e},e))})]}),(0,P.jsx)(b,{id:`deal-price-error`,message:L(`unitPrice`)})]}),(0,P.jsxs)(`label`,{className:`form-field`,children:[(0,P.jsx)(`span`,{children:s(`dealForm.expectedClose`)}),(0,P.jsx)(`input`,{className:`input`,type:`date`,value:x.expectedClose,onChange:e=>I({expectedClose:e.target.value},`expectedClose`)}),(0,P.jsx)(b,{id:`deal-close-error`,message:L(`expectedClose`)})]})]}),(0,P.jsxs)(`div`,{className:`amount-preview`,"data-testid":`amount-preview`,"data-minor":z===null?``:z.toString(),children:[(0,P.jsx)(`span`,{className:`dim`,children:s(`dealForm.amount`)}),` `,(0,P.jsx)(`strong`,{children:z===null?`—`:a({minor:Number(z),currency:x.currency},u)})]}),E.form&&(0,P.jsx)(`div`,{className:`error-message`,role:`alert`,children:E.form}),(0,P.jsxs)(`div`,{className:`form-actions`,children:[(0,P.jsx)(`button`,{type:`button`,className:`btn`,onClick:r,children:s(`form.cancel`)}),(0,P.jsx)(`button`,{type:`submit`,className:`btn primary`,disabled:k,"data-testid":`deal-submit`,children:s(`dealForm.submit`)})]})]})})}function ie(e,t){switch(e){case`dealForm.err.customer`:case`dealForm.err.dealer`:case`dealForm.err.productLine`:case`dealForm.err.priceEmpty`:return!0;case`dealForm.err.quantity`:return t.quantity.trim()===``;default:return!1}}function L({deal:e,onClose:t,onDone:r}){let{t:i,locale:s}=n(),l=T(),[u,d]=(0,O.useState)(``),[f,p]=(0,O.useState)(null),[m,h]=(0,O.useState)(!1);return(0,P.jsx)(v,{title:i(`deals.rejectTitle`),onClose:t,testId:`reject-dialog`,children:(0,P.jsxs)(`form`,{className:`form`,onSubmit:async t=>{if(t.preventDefault(),!u.trim())p({field:!0,text:i(`deals.rejectReasonRequired`)});else{h(!0);try{await c(N,{id:e.id,reason:u.trim()}),r()}catch(e){let t=e instanceof o&&e.field===`input.reason`;p({field:t,text:l(e)}),h(!1)}}},noValidate:!0,children:[(0,P.jsxs)(`p`,{className:`dim`,children:[e.customer.name,` · `,e.channel.dealer?.name??i(`channel.DIRECT`),` · `,a(e.amount,s)]}),(0,P.jsxs)(`label`,{className:`form-field`,children:[(0,P.jsx)(`span`,{children:i(`deals.rejectReason`)}),(0,P.jsx)(`textarea`,{className:`input area`,rows:3,autoFocus:!0,value:u,onChange:e=>{d(e.target.value),p(null)},"aria-invalid":f?.field||void 0,"aria-describedby":`reject-reason-error`,"data-testid":`reject-reason`}),(0,P.jsx)(b,{id:`reject-reason-error`,message:f?.field?f.text:void 0})]}),f&&!f.field&&(0,P.jsx)(`div`,{className:`error-message`,role:`alert`,children:f.text}),(0,P.jsxs)(`div`,{className:`form-actions`,children:[(0,P.jsx)(`button`,{type:`button`,className:`btn`,onClick:t,children:i(`form.cancel`)}),(0,P.jsx)(`button`,{type:`submit`,className:`btn danger`,disabled:m,"data-testid":`reject-submit`,children:i(`deals.reject`)})]})]})})}var R=[`PENDING_APPROVAL`,`REGISTERED`,`QUOTED`,`WON`,`LOST`,`CANCELLED`],z=100,ae=2026;function B(){let{t:e,locale:t}=n(),r=T(),o=s(),[,l]=m(),d=o.view===`all`?`all`:`inbox`,[f,p]=(0,O.useState)(``),[g,v]=(0,O.useState)(``),[b,S]=(0,O.useState)(null),[j,N]=(0,O.useState)(``),[ne,re]=(0,O.useState)({field:`REGISTERED_AT`,direction:`DESC`}),[F,ie]=(0,O.useState)({field:`REGISTERED_AT`,direction:`ASC`}),B=d===`inbox`?F:ne,se=d===`inbox`?ie:re,[ce,V]=(0,O.useState)(-1),[H,U]=(0,O.useState)(new Map),[W,G]=(0,O.useState)(null),[le,K]=(0,O.useState)(!1),[q,J]=(0,O.useState)(null),[Y,ue]=(0,O.useState)(null),X=h(A,{year:ae}),de=X.status===`ok`?X.data.productLines:[],fe=(0,O.useMemo)(()=>{if(d===`inbox`)return{stages:[`PENDING_APPROVAL`]};let e={};return f&&(e.stages=[f]),g&&(e.channelKind=g),b&&(e.dealerId=b.id),j&&(e.productLineId=j),e},[d,f,g,b,j]),pe=JSON.stringify([fe,{field:B.field,direction:B.direction}]),me=(0,O.useCallback)(async(e,t)=>{let[n,r]=JSON.parse(e),i=(await c(k,{first:z,after:t,filter:n,orderBy:r})).deals;return{nodes:i.edges.map(e=>e.node),totalCount:i.totalCount,hasNextPage:i.pageInfo.hasNextPage,endCursor:i.pageInfo.endCursor}},[]),{paging:Z,onRangeEnd:he,retry:ge,reload:_e}=te(pe,me),Q=(0,O.useMemo)(()=>d===`inbox`?Z.items.filter(e=>!H.has(e.id)):Z.items,[d,Z.items,H]),$=Z.totalCount===null?null:d===`inbox`?Math.max(0,Z.totalCount-oe(H,Z.items)):Z.totalCount,ve=(e,t)=>U(n=>new Map(n).set(e,t)),ye=async t=>{ue(t.id);try{await c(M,{id:t.id}),ve(t.id,`approved`),J({text:e(`deals.approved`,{customer:t.customer.name})})}catch(e){J({text:r(e),error:!0})}finally{ue(null)}},be=(0,O.useCallback)(e=>l(`/customers/${encodeURIComponent(e.customer.id)}`),[l]);E({count:Q.length,setSelected:V,onEnter:()=>{let e=Q[ce];e&&be(e)},enabled:!W&&!le});let xe=(0,O.useMemo)(()=>{let n=[{id:`registered`,header:e(`deals.col.registered`),width:`96px`,min:96,sortField:`REGISTERED_AT`,render:e=>w(e.registeredAt,t),title:e=>e.registeredAt},{id:`customer`,header:e(`deals.col.customer`),width:`minmax(160px, 2.2fr)`,min:160,title:e=>e.customer.name,render:e=>(0,P.jsx)(`span`,{className:`cell-name`,lang:C(e.customer.country),children:e.customer.name})},{id:`channel`,header:e(`deals.col.channel`),width:`minmax(120px, 1.6fr)`,min:120,render:e=>(0,P.jsx)(y,{owner:{kind:e.channel.kind,dealer:e.channel.dealer}})},{id:`line`,header:e(`deals.col.productLine`),width:`minmax(100px, 1.2fr)`,min:100,title:e=>e.productLine.name,render:e=>e.productLine.name},{id:`qty`,header:e(`deals.col.quantity`),width:`56px`,min:56,align:`end`,render:e=>e.quantity},{id:`unit`,header:e(`deals.col.unitPrice`),width:`104px`,min:104,align:`end`,render:e=>a(e.unitPrice,t)},{id:`amount`,header:e(`deals.col.amount`),width:`116px`,min:116,align:`end`,sortField:`AMOUNT`,render:e=>(0,P.jsx)(`span`,{className:`num`,children:a(e.amount,t)})}];return d===`all`?n.push({id:`stage`,header:e(`deals.col.stage`),width:`118px`,min:118,render:t=>(0,P.jsx)(`span`,{className:`stage stage-${t.stage.toLowerCase()}`,children:e(`stage.${t.stage}`)}),title:e=>e.closeReason||void 0},{id:`close`,header:e(`deals.col.expectedClose`),width:`96px`,min:96,sortField:`EXPECTED_CLOSE`,render:e=>w(e.expectedClose,t)}):n.push({id:`actions`,header:e(`deals.col.decision`),width:`170px`,min:170,render:t=>(0,P.jsxs)(`span`,{className:`row-actions`,children:[(0,P.jsx)(`button`,{type:`button`,className:`btn small primary`,disabled:Y===t.id,onClick:e=>{e.stopPropagation(),ye(t)},"data-testid":`approve`,children:e(`deals.approve`)}),(0,P.jsx)(`button`,{type:`button`,className:`btn small`,disabled:Y===t.id,onClick:e=>{e.stopPropagation(),G(t)},"data-testid":`reject`,children:e(`deals.reject`)})]})}),n},[e,t,d,Y]),Se=d===`all`&&!!(f||g||b||j),Ce;return Ce=Z.error&&Z.items.length===0?(0,P.jsx)(ee,{title:e(`deals.error`),error:Z.error,action:(0,P.jsx)(`button`,{type:`button`,className:`btn`,onClick:ge,children:e(`customers.retry`)})}):$===0&&!Z.loading?d===`inbox`?(0,P.jsx)(u,{title:e(`deals.inboxEmpty`),icon:`✓`,children:(0,P.jsx)(`p`,{children:e(`deals.inboxEmptyBody`)})}):(0,P.jsx)(u,{title:e(`deals.empty`),children:Se&&(0,P.jsx)(`p`,{children:e(`customers.empty.body`)})}):(0,P.jsx)(x,{label:e(d===`inbox`?`deals.inbox`:`deals.all`),columns:xe,rows:Q,rowKey:e=>e.id,pendingRows:D(Z),selectedIndex:ce,onSelect:V,onOpen:()=>{},onRangeEnd:he,sort:B,onSort:se,sortLabel:t=>e(`customers.sortBy`,{column:t}),resetKey:pe}),(0,P.jsxs)(`div`,{className:`screen`,"data-testid":`deals-${d}`,children:[(0,P.jsxs)(`div`,{className:`toolbar`,children:[(0,P.jsx)(`h1`,{className:`screen-title`,children:e(`deals.title`)}),(0,P.jsxs)(`div`,{className:`tabs`,role:`tablist`,children:[(0,P.jsx)(i,{href:`/deals/inbox`,role:`tab`,"aria-selected":d===`inbox`,className:`tab${d===`inbox`?` active`:``}`,children:e(`deals.inbox`)}),(0,P.jsx)(i,{href:`/deals/all`,role:`tab`,"aria-selected":d===`all`,className:`tab${d===`all`?` active`:``}`,children:e(`deals.all`)})]}),d===`all`&&(0,P.jsxs)(P.Fragment,{children:[(0,P.jsxs)(`label`,{className:`field`,children:[(0,P.jsx)(`span`,{children:e(`deals.filter.stage`)}),(0,P.jsxs)(`select`,{className:`input`,value:f,onChange:e=>p(e.target.value),"data-testid":`stage-filter`,children:[(0,P.jsx)(`option`,{value:``,children:e(`deals.filter.any`)}),R.map(t=>(0,P.jsx)(`option`,{value:t,children:e(`stage.${t}`)},t))]})]}),(0,P.jsxs)(`label`,{className:`field`,children:[(0,P.jsx)(`span`,{children:e(`deals.filter.channel`)}),(0,P.jsxs)(`select`,{className:`input`,value:g,onChange:e=>v(e.target.value),"data-testid":`channel-filter`,children:[(0,P.jsx)(`option`,{value:``,children:e(`deals.filter.any`)}),(0,P.jsx)(`option`,{value:`DEALER`,children:e(`channel.DEALER`)}),(0,P.jsx)(`option`,{value:`DIRECT`,children:e(`channel.DIRECT`)})]})]}),(0,P.jsx)(_,{value:b,onChange:S}),(0,P.jsxs)(`label`,{className:`field`,children:[(0,P.jsx)(`span`,{children:e(`deals.filter.productLine`)}),(0,P.jsxs)(`select`,{className:`input`,value:j,onChange:e=>N(e.target.value),"data-testid":`line-filter`,children:[(0,P.jsx)(`option`,{value:``,children:e(`deals.filter.any`)}),de.map(e=>(0,P.jsx)(`option`,{value:e.id,children:e.name},e.id))]})]}),Se&&(0,P.jsx)(`button`,{type:`button`,className:`btn link`,onClick:()=>{p(``),v(``),S(null),N(``)},children:e(`customers.filter.clear`)})]}),(0,P.jsx)(`span`,{className:`spacer`}),(0,P.jsx)(`button`,{type:`button`,className:`btn primary`,onClick:()=>K(!0),"data-testid":`register-deal`,children:e(`deals.register`)})]}),(0,P.jsxs)(`div`,{className:`list-pane`,children:[Ce,(0,P.jsxs)(`div`,{className:`statusbar`,"aria-live":`polite`,children:[(0,P.jsx)(`span`,{"data-testid":`total-count`,children:$===null?`\xA0`:e(`deals.count`,{n:$})}),q&&(0,P.jsx)(`span`,{className:q.error?`error-message`:`notice`,"data-testid":`notice`,children:q.text}),Z.error&&Z.items.length>0&&(0,P.jsxs)(`span`,{className:`error-message`,children:[r(Z.error),` `,(0,P.jsx)(`button`,{type:`button`,className:`btn link`,onClick:ge,children:e(`customers.retry`)})]}),(0,P.jsx)(`span`,{className:`spacer`}),(0,P.jsx)(`span`,{className:`dim`,children:e(`deals.keys`)})]})]}),W&&(0,P.jsx)(L,{deal:W,onClose:()=>G(null),onDone:()=>{ve(W.id,`rejected`),J({text:e(`deals.rejected`,{customer:W.customer.name})}),G(null)}}),le&&(0,P.jsx)(I,{currency:X.status===`ok`?X.data.policy?.currency??`EUR`:`EUR`,productLines:de,onClose:()=>K(!1),onDone:(t,n)=>{K(!1),U(new Map),J({text:e(t===`PENDING_APPROVAL`?`deals.registeredPending`:`deals.registeredOk`,{customer:n})}),_e()}})]})}function oe(e,t){let n=0;for(let r of t)e.has(r.id)&&n++;return n}export{B as DealsScreen};