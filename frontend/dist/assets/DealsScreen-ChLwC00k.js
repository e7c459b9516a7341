import{C as e,D as t,S as n,_ as r,a as i,c as a,f as o,i as s,l as c,m as l,n as u,o as d,p as f,r as p,t as m,u as h,v as g,w as _}from"./gql-BnZdo-Kx.js";import{c as v,d as y,f as b,l as x,n as S,o as C,p as w,s as T,t as E}from"./index-24ei8O0Z.js";import{n as ee,r as D,t as O}from"./usePaged-BSvUxYR4.js";var k=t(_(),1),A=m(`
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
`),j=m(`
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
`),M=m(`
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
`),N=m(`
  mutation ApproveDeal($id: ID!) {
    approveDeal(input: { id: $id }) {
      deal {
        id
        stage
      }
    }
  }
`),P=m(`
  mutation RejectDeal($id: ID!, $reason: String!) {
    rejectDeal(input: { id: $id, reason: $reason }) {
      deal {
        id
        stage
        closeReason
      }
    }
  }
`),te=m(`
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
`),F=i();function ne({value:e,onChange:t,invalid:n,describedBy:i}){let{t:a}=r(),o=s(),[u,d]=(0,k.useState)(e?.name??``),[f,p]=(0,k.useState)(!1),[m,h]=(0,k.useState)(0),g=w(u.trim(),200),_=(0,k.useId)(),v=l(M,{search:g===e?.name?``:g},{skip:!f}),b=v.status===`ok`?v.data.customers.edges.map(e=>e.node):[],x=e=>{t({id:e.id,name:e.name}),d(e.name),p(!1)};return(0,F.jsxs)(`div`,{className:`combo wide`,children:[(0,F.jsx)(`input`,{type:`search`,className:`input`,role:`combobox`,"aria-expanded":f,"aria-controls":_,"aria-autocomplete":`list`,"aria-label":a(`dealForm.customer`),"aria-invalid":n||void 0,"aria-describedby":i,placeholder:a(`dealForm.customerSearch`),value:u,onChange:n=>{d(n.target.value),p(!0),h(0),e&&t(null)},onBlur:()=>p(!1),onKeyDown:e=>{if(e.key===`ArrowDown`&&!f)p(!0);else if(e.key===`ArrowDown`)h(e=>Math.min(e+1,b.length-1));else if(e.key===`ArrowUp`)h(e=>Math.max(e-1,0));else if(e.key===`Enter`&&f&&b[m])x(b[m]);else if(e.key===`Escape`&&f)p(!1);else return;e.preventDefault(),e.stopPropagation()},"data-testid":`customer-picker`}),f&&(0,F.jsxs)(`ul`,{className:`combo-list`,id:_,role:`listbox`,children:[v.status===`error`&&(0,F.jsx)(`li`,{className:`combo-empty error-message`,children:o(v.error)}),v.status===`ok`&&b.length===0&&(0,F.jsx)(`li`,{className:`combo-empty`,children:a(`dealForm.customerNone`)}),b.map((e,t)=>(0,F.jsxs)(`li`,{role:`option`,"aria-selected":t===m,className:t===m?`active`:void 0,onMouseDown:t=>{t.preventDefault(),x(e)},children:[(0,F.jsx)(`span`,{lang:c(e.country),children:e.name}),` `,(0,F.jsx)(y,{owner:e.owner})]},e.id))]})]})}var re=[`EUR`,`BGN`,`RON`,`CNY`,`USD`];function I({currency:e,productLines:t,onClose:n,onDone:i}){let{t:c,locale:l}=r(),u=s(),[d,p]=(0,k.useState)(null),[m,g]=(0,k.useState)(null),[_,y]=(0,k.useState)({customerId:``,channel:`DEALER`,dealerId:``,productLineId:``,quantity:`1`,unitPrice:``,currency:e,expectedClose:``}),[C]=(0,k.useState)(x),[w,ee]=(0,k.useState)(!1),[D,O]=(0,k.useState)({}),[A,j]=(0,k.useState)(!1),M={..._,customerId:d?.id??``,dealerId:m?.id??``},N=h(_.currency),P=(0,k.useMemo)(()=>T(M,N,C),[JSON.stringify(M),N,C]),I=(e,t)=>{y(t=>({...t,...e})),O(e=>({...e,[t]:void 0,form:void 0}))},R=e=>{if(D[e])return D[e];let t=P.errors[e];return t&&(w||!L(t,M))?c(t):void 0},z=async e=>{if(e.preventDefault(),ee(!0),P.input){j(!0);try{i((await f(te,{input:P.input})).registerDeal.deal.stage,d?.name??``)}catch(e){let t=u(e),n=e instanceof o&&e.code===`BAD_USER_INPUT`?v(e.field):`form`;O({[n]:t}),j(!1)}}},B=P.amountMinor;return(0,F.jsx)(E,{title:c(`dealForm.title`),onClose:n,wide:!0,testId:`register-dialog`,children:(0,F.jsxs)(`form`,{className:`form`,onSubmit:z,noValidate:!0,children:[(0,F.jsxs)(`div`,{className:`form-field`,children:[(0,F.jsx)(`span`,{children:c(`dealForm.customer`)}),(0,F.jsx)(ne,{value:d,onChange:e=>{p(e),O(e=>({...e,customer:void 0}))},invalid:!!R(`customer`),describedBy:`deal-customer-error`}),(0,F.jsx)(S,{id:`deal-customer-error`,message:R(`customer`)})]}),(0,F.jsxs)(`fieldset`,{className:`form-field`,children:[(0,F.jsx)(`legend`,{children:c(`dealForm.channel`)}),(0,F.jsxs)(`div`,{className:`radio-row`,children:[[`DEALER`,`DIRECT`].map(e=>(0,F.jsxs)(`label`,{className:`radio`,children:[(0,F.jsx)(`input`,{type:`radio`,name:`channel`,value:e,checked:_.channel===e,onChange:()=>I({channel:e},`dealer`),"data-testid":`channel-${e}`}),c(`channel.${e}`)]},e)),_.channel===`DEALER`&&(0,F.jsx)(b,{value:m,onChange:e=>{g(e),O(e=>({...e,dealer:void 0}))}})]}),(0,F.jsx)(S,{id:`deal-dealer-error`,message:R(`dealer`)})]}),(0,F.jsxs)(`label`,{className:`form-field`,children:[(0,F.jsx)(`span`,{children:c(`dealForm.productLine`)}),(0,F.jsxs)(`select`,{className:`input`,value:_.productLineId,onChange:e=>I({productLineId:e.target.value},`productLine`),"aria-invalid":!!R(`productLine`)||void 0,"data-testid":`deal-line`,children:[(0,F.jsx)(`option`,{value:``,children:c(`dealForm.choose`)}),t.map(e=>(0,F.jsx)(`option`,{value:e.id,children:e.name},e.id))]}),(0,F.jsx)(S,{id:`deal-line-error`,message:R(`productLine`)})]}),(0,F.jsxs)(`div`,{className:`form-row`,children:[(0,F.jsxs)(`label`,{className:`form-field`,children:[(0,F.jsx)(`span`,{children:c(`dealForm.quantity`)}),(0,F.jsx)(`input`,{className:`input num-input`,inputMode:`numeric`,value:_.quantity,onChange:e=>I({quantity:e.target.value},`quantity`),"aria-invalid":!!R(`quantity`)||void 0,"aria-describedby":`deal-quantity-error`,"data-testid":`deal-quantity`}),(0,F.jsx)(S,{id:`deal-quantity-error`,message:R(`quantity`)})]}),(0,F.jsxs)(`label`,{className:`form-field`,children:[(0,F.jsx)(`span`,{children:c(`dealForm.unitPrice`)}),(0,F.jsxs)(`span`,{className:`money-input`,children:[(0,F.jsx)(`input`,{className:`input num-input`,inputMode:`decimal`,value:_.unitPrice,placeholder:N?`0.00`:`0`,onChange:e=>I({unitPrice:e.target.value},`unitPrice`),"aria-invalid":!!R(`unitPrice`)||void 0,"aria-describedby":`deal-price-error`,"data-testid":`deal-price`}),(0,F.jsx)(`select`,{className:`input`,"aria-label":c(`dealForm.currency`),value:_.currency,onChange:e=>I({currency:e.target.value},`unitPrice`),"data-testid":`deal-currency`,children:Array.from(new Set([e,...re])).map(e=>(0,F.jsx)(`option`,{children:e},e))})]}),(0,F.jsx)(S,{id:`deal-price-error`,message:R(`unitPrice`)})]}),(0,F.jsxs)(`label`,{className:`form-field`,children:[(0,F.jsx)(`span`,{children:c(`dealForm.expectedClose`)}),(0,F.jsx)(`input`,{className:`input`,type:`date`,value:_.expectedClose,onChange:e=>I({expectedClose:e.target.value},`expectedClose`)}),(0,F.jsx)(S,{id:`deal-close-error`,message:R(`expectedClose`)})]})]}),(0,F.jsxs)(`div`,{className:`amount-preview`,"data-testid":`amount-preview`,"data-minor":B===null?``:B.toString(),children:[(0,F.jsx)(`span`,{className:`dim`,children:c(`dealForm.amount`)}),` `,(0,F.jsx)(`strong`,{children:B===null?`—`:a({minor:Number(B),currency:_.currency},l)})]}),D.form&&(0,F.jsx)(`div`,{className:`error-message`,role:`alert`,children:D.form}),(0,F.jsxs)(`div`,{className:`form-actions`,children:[(0,F.jsx)(`button`,{type:`button`,className:`btn`,onClick:n,children:c(`form.cancel`)}),(0,F.jsx)(`button`,{type:`submit`,className:`btn primary`,disabled:A,"data-testid":`deal-submit`,children:c(`dealForm.submit`)})]})]})})}function L(e,t){switch(e){case`dealForm.err.customer`:case`dealForm.err.dealer`:case`dealForm.err.productLine`:case`dealForm.err.priceEmpty`:return!0;case`dealForm.err.quantity`:return t.quantity.trim()===``;default:return!1}}function R({deal:e,onClose:t,onDone:n}){let{t:i,locale:c}=r(),l=s(),[u,d]=(0,k.useState)(``),[p,m]=(0,k.useState)(null),[h,g]=(0,k.useState)(!1);return(0,F.jsx)(E,{title:i(`deals.rejectTitle`),onClose:t,testId:`reject-dialog`,children:(0,F.jsxs)(`form`,{className:`form`,onSubmit:async t=>{if(t.preventDefault(),!u.trim())m({field:!0,text:i(`deals.rejectReasonRequired`)});else{g(!0);try{await f(P,{id:e.id,reason:u.trim()}),n()}catch(e){let t=e instanceof o&&e.field===`input.reason`;m({field:t,text:l(e)}),g(!1)}}},noValidate:!0,children:[(0,F.jsxs)(`p`,{className:`dim`,children:[e.customer.name,` · `,e.channel.dealer?.name??i(`channel.DIRECT`),` · `,a(e.amount,c)]}),(0,F.jsxs)(`label`,{className:`form-field`,children:[(0,F.jsx)(`span`,{children:i(`deals.rejectReason`)}),(0,F.jsx)(`textarea`,{className:`input area`,rows:3,autoFocus:!0,value:u,onChange:e=>{d(e.target.value),m(null)},"aria-invalid":p?.field||void 0,"aria-describedby":`reject-reason-error`,"data-testid":`reject-reason`}),(0,F.jsx)(S,{id:`reject-reason-error`,message:p?.field?p.text:void 0})]}),p&&!p.field&&(0,F.jsx)(`div`,{className:`error-message`,role:`alert`,children:p.text}),(0,F.jsxs)(`div`,{className:`form-actions`,children:[(0,F.jsx)(`button`,{type:`button`,className:`btn`,onClick:t,children:i(`form.cancel`)}),(0,F.jsx)(`button`,{type:`submit`,className:`btn danger`,disabled:h,"data-testid":`reject-submit`,children:i(`deals.reject`)})]})]})})}var z=[`PENDING_APPROVAL`,`REGISTERED`,`QUOTED`,`WON`,`LOST`,`CANCELLED`],B=100,ie=2026;function V(){let{t,locale:i}=r(),o=s(),m=e(),[,h]=n(),_=m.view===`all`?`all`:`inbox`,[v,x]=(0,k.useState)(``),[S,w]=(0,k.useState)(``),[T,E]=(0,k.useState)(null),[M,P]=(0,k.useState)(``),[te,ne]=(0,k.useState)({field:`REGISTERED_AT`,direction:`DESC`}),[re,L]=(0,k.useState)({field:`REGISTERED_AT`,direction:`ASC`}),V=_===`inbox`?re:te,oe=_===`inbox`?L:ne,[se,ce]=(0,k.useState)(-1),[H,U]=(0,k.useState)(new Map),[W,G]=(0,k.useState)(null),[le,K]=(0,k.useState)(!1),[q,J]=(0,k.useState)(null),[Y,ue]=(0,k.useState)(null),X=l(j,{year:ie}),de=X.status===`ok`?X.data.productLines:[],fe=(0,k.useMemo)(()=>{if(_===`inbox`)return{stages:[`PENDING_APPROVAL`]};let e={};return v&&(e.stages=[v]),S&&(e.channelKind=S),T&&(e.dealerId=T.id),M&&(e.productLineId=M),e},[_,v,S,T,M]),pe=JSON.stringify([fe,{field:V.field,direction:V.direction}]),me=(0,k.useCallback)(async(e,t)=>{let[n,r]=JSON.parse(e),i=(await f(A,{first:B,after:t,filter:n,orderBy:r})).deals;return{nodes:i.edges.map(e=>e.node),totalCount:i.totalCount,hasNextPage:i.pageInfo.hasNextPage,endCursor:i.pageInfo.endCursor}},[]),{paging:Z,onRangeEnd:he,retry:ge,reload:_e}=ee(pe,me),Q=(0,k.useMemo)(()=>_===`inbox`?Z.items.filter(e=>!H.has(e.id)):Z.items,[_,Z.items,H]),$=Z.totalCount===null?null:_===`inbox`?Math.max(0,Z.totalCount-ae(H,Z.items)):Z.totalCount,ve=(e,t)=>U(n=>new Map(n).set(e,t)),ye=async e=>{ue(e.id);try{await f(N,{id:e.id}),ve(e.id,`approved`),J({text:t(`deals.approved`,{customer:e.customer.name})})}catch(e){J({text:o(e),error:!0})}finally{ue(null)}},be=(0,k.useCallback)(e=>h(`/customers/${encodeURIComponent(e.customer.id)}`),[h]);D({count:Q.length,setSelected:ce,onEnter:()=>{let e=Q[se];e&&be(e)},enabled:!W&&!le});let xe=(0,k.useMemo)(()=>{let e=[{id:`registered`,header:t(`deals.col.registered`),width:`96px`,min:96,sortField:`REGISTERED_AT`,render:e=>d(e.registeredAt,i),title:e=>e.registeredAt},{id:`customer`,header:t(`deals.col.customer`),width:`minmax(160px, 2.2fr)`,min:160,title:e=>e.customer.name,render:e=>(0,F.jsx)(`span`,{className:`cell-name`,lang:c(e.customer.country),children:e.customer.name})},{id:`channel`,header:t(`deals.col.channel`),width:`minmax(120px, 1.6fr)`,min:120,render:e=>(0,F.jsx)(y,{owner:{kind:e.channel.kind,dealer:e.channel.dealer}})},{id:`line`,header:t(`deals.col.productLine`),width:`minmax(100px, 1.2fr)`,min:100,title:e=>e.productLine.name,render:e=>e.productLine.name},{id:`qty`,header:t(`deals.col.quantity`),width:`56px`,min:56,align:`end`,render:e=>e.quantity},{id:`unit`,header:t(`deals.col.unitPrice`),width:`104px`,min:104,align:`end`,render:e=>a(e.unitPrice,i)},{id:`amount`,header:t(`deals.col.amount`),width:`116px`,min:116,align:`end`,sortField:`AMOUNT`,render:e=>(0,F.jsx)(`span`,{className:`num`,children:a(e.amount,i)})}];return _===`all`?e.push({id:`stage`,header:t(`deals.col.stage`),width:`118px`,min:118,render:e=>(0,F.jsx)(`span`,{className:`stage stage-${e.stage.toLowerCase()}`,children:t(`stage.${e.stage}`)}),title:e=>e.closeReason||void 0},{id:`close`,header:t(`deals.col.expectedClose`),width:`96px`,min:96,sortField:`EXPECTED_CLOSE`,render:e=>d(e.expectedClose,i)}):e.push({id:`actions`,header:t(`deals.col.decision`),width:`170px`,min:170,render:e=>(0,F.jsxs)(`span`,{className:`row-actions`,children:[(0,F.jsx)(`button`,{type:`button`,className:`btn small primary`,disabled:Y===e.id,onClick:t=>{t.stopPropagation(),ye(e)},"data-testid":`approve`,children:t(`deals.approve`)}),(0,F.jsx)(`button`,{type:`button`,className:`btn small`,disabled:Y===e.id,onClick:t=>{t.stopPropagation(),G(e)},"data-testid":`reject`,children:t(`deals.reject`)})]})}),e},[t,i,_,Y]),Se=_===`all`&&!!(v||S||T||M),Ce;return Ce=Z.error&&Z.items.length===0?(0,F.jsx)(p,{title:t(`deals.error`),error:Z.error,action:(0,F.jsx)(`button`,{type:`button`,className:`btn`,onClick:ge,children:t(`customers.retry`)})}):$===0&&!Z.loading?_===`inbox`?(0,F.jsx)(u,{title:t(`deals.inboxEmpty`),icon:`✓`,children:(0,F.jsx)(`p`,{children:t(`deals.inboxEmptyBody`)})}):(0,F.jsx)(u,{title:t(`deals.empty`),children:Se&&(0,F.jsx)(`p`,{children:t(`customers.empty.body`)})}):(0,F.jsx)(C,{label:t(_===`inbox`?`deals.inbox`:`deals.all`),columns:xe,rows:Q,rowKey:e=>e.id,pendingRows:O(Z),selectedIndex:se,onSelect:ce,onOpen:()=>{},onRangeEnd:he,sort:V,onSort:oe,sortLabel:e=>t(`customers.sortBy`,{column:e}),resetKey:pe}),(0,F.jsxs)(`div`,{className:`screen`,"data-testid":`deals-${_}`,children:[(0,F.jsxs)(`div`,{className:`toolbar`,children:[(0,F.jsx)(`h1`,{className:`screen-title`,children:t(`deals.title`)}),(0,F.jsxs)(`div`,{className:`tabs`,role:`tablist`,children:[(0,F.jsx)(g,{href:`/deals/inbox`,role:`tab`,"aria-selected":_===`inbox`,className:`tab${_===`inbox`?` active`:``}`,children:t(`deals.inbox`)}),(0,F.jsx)(g,{href:`/deals/all`,role:`tab`,"aria-selected":_===`all`,className:`tab${_===`all`?` active`:``}`,children:t(`deals.all`)})]}),_===`all`&&(0,F.jsxs)(F.Fragment,{children:[(0,F.jsxs)(`label`,{className:`field`,children:[(0,F.jsx)(`span`,{children:t(`deals.filter.stage`)}),(0,F.jsxs)(`select`,{className:`input`,value:v,onChange:e=>x(e.target.value),"data-testid":`stage-filter`,children:[(0,F.jsx)(`option`,{value:``,children:t(`deals.filter.any`)}),z.map(e=>(0,F.jsx)(`option`,{value:e,children:t(`stage.${e}`)},e))]})]}),(0,F.jsxs)(`label`,{className:`field`,children:[(0,F.jsx)(`span`,{children:t(`deals.filter.channel`)}),(0,F.jsxs)(`select`,{className:`input`,value:S,onChange:e=>w(e.target.value),"data-testid":`channel-filter`,children:[(0,F.jsx)(`option`,{value:``,children:t(`deals.filter.any`)}),(0,F.jsx)(`option`,{value:`DEALER`,children:t(`channel.DEALER`)}),(0,F.jsx)(`option`,{value:`DIRECT`,children:t(`channel.DIRECT`)})]})]}),(0,F.jsx)(b,{value:T,onChange:E}),(0,F.jsxs)(`label`,{className:`field`,children:[(0,F.jsx)(`span`,{children:t(`deals.filter.productLine`)}),(0,F.jsxs)(`select`,{className:`input`,value:M,onChange:e=>P(e.target.value),"data-testid":`line-filter`,children:[(0,F.jsx)(`option`,{value:``,children:t(`deals.filter.any`)}),de.map(e=>(0,F.jsx)(`option`,{value:e.id,children:e.name},e.id))]})]}),Se&&(0,F.jsx)(`button`,{type:`button`,className:`btn link`,onClick:()=>{x(``),w(``),E(null),P(``)},children:t(`customers.filter.clear`)})]}),(0,F.jsx)(`span`,{className:`spacer`}),(0,F.jsx)(`button`,{type:`button`,className:`btn primary`,onClick:()=>K(!0),"data-testid":`register-deal`,children:t(`deals.register`)})]}),(0,F.jsxs)(`div`,{className:`list-pane`,children:[Ce,(0,F.jsxs)(`div`,{className:`statusbar`,"aria-live":`polite`,children:[(0,F.jsx)(`span`,{"data-testid":`total-count`,children:$===null?`\xA0`:t(`deals.count`,{n:$})}),q&&(0,F.jsx)(`span`,{className:q.error?`error-message`:`notice`,"data-testid":`notice`,children:q.text}),Z.error&&Z.items.length>0&&(0,F.jsxs)(`span`,{className:`error-message`,children:[o(Z.error),` `,(0,F.jsx)(`button`,{type:`button`,className:`btn link`,onClick:ge,children:t(`customers.retry`)})]}),(0,F.jsx)(`span`,{className:`spacer`}),(0,F.jsx)(`span`,{className:`dim`,children:t(`deals.keys`)})]})]}),W&&(0,F.jsx)(R,{deal:W,onClose:()=>G(null),onDone:()=>{ve(W.id,`rejected`),J({text:t(`deals.rejected`,{customer:W.customer.name})}),G(null)}}),le&&(0,F.jsx)(I,{currency:X.status===`ok`?X.data.policy?.currency??`EUR`:`EUR`,productLines:de,onClose:()=>K(!1),onDone:(e,n)=>{K(!1),U(new Map),J({text:t(e===`PENDING_APPROVAL`?`deals.registeredPending`:`deals.registeredOk`,{customer:n})}),_e()}})]})}function ae(e,t){let n=0;for(let r of t)e.has(r.id)&&n++;return n}export{V as DealsScreen};