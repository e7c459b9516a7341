import{a as e}from"./rolldown-runtime-BWaJ3C7D.js";import{a as t,i as n,y as r}from"./i18n-BHKzeXiD.js";import{S as i,_ as a,a as o,c as s,d as c,f as l,h as u,i as d,l as f,n as p,p as m,r as h,s as g,t as _,x as v}from"./gql-0dk0-ODP.js";import{_ as y,a as b,c as x,d as ee,f as S,g as te,h as C,l as ne,o as w,p as T,s as E}from"./index-CC60MFqO.js";import{n as D,r as O,t as re}from"./usePaged-C9Y0Igdi.js";var k=e(r(),1),A=_(`
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
`),j=_(`
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
`),M=_(`
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
`),N=_(`
  mutation ApproveDeal($id: ID!) {
    approveDeal(input: { id: $id }) {
      deal {
        id
        stage
      }
    }
  }
`),P=_(`
  mutation RejectDeal($id: ID!, $reason: String!) {
    rejectDeal(input: { id: $id, reason: $reason }) {
      deal {
        id
        stage
        closeReason
      }
    }
  }
`),F=_(`
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
`),I=t();function L({value:e,onChange:t,invalid:r,describedBy:i}){let{t:a}=n(),o=d(),[c,l]=(0,k.useState)(e?.name??``),[u,f]=(0,k.useState)(!1),[p,h]=(0,k.useState)(0),g=y(c.trim(),200),_=(0,k.useId)(),v=m(M,{search:g===e?.name?``:g},{skip:!u}),b=v.status===`ok`?v.data.customers.edges.map(e=>e.node):[],x=e=>{t({id:e.id,name:e.name}),l(e.name),f(!1)};return(0,I.jsxs)(`div`,{className:`combo wide`,children:[(0,I.jsx)(`input`,{type:`search`,className:`input`,role:`combobox`,"aria-expanded":u,"aria-controls":_,"aria-autocomplete":`list`,"aria-label":a(`dealForm.customer`),"aria-invalid":r||void 0,"aria-describedby":i,placeholder:a(`dealForm.customerSearch`),value:c,onChange:n=>{l(n.target.value),f(!0),h(0),e&&t(null)},onBlur:()=>f(!1),onKeyDown:e=>{if(e.key===`ArrowDown`&&!u)f(!0);else if(e.key===`ArrowDown`)h(e=>Math.min(e+1,b.length-1));else if(e.key===`ArrowUp`)h(e=>Math.max(e-1,0));else if(e.key===`Enter`&&u&&b[p])x(b[p]);else if(e.key===`Escape`&&u)f(!1);else return;e.preventDefault(),e.stopPropagation()},"data-testid":`customer-picker`}),u&&(0,I.jsxs)(`ul`,{className:`combo-list`,id:_,role:`listbox`,children:[v.status===`error`&&(0,I.jsx)(`li`,{className:`combo-empty error-message`,children:o(v.error)}),v.status===`ok`&&b.length===0&&(0,I.jsx)(`li`,{className:`combo-empty`,children:a(`dealForm.customerNone`)}),b.map((e,t)=>(0,I.jsxs)(`li`,{role:`option`,"aria-selected":t===p,className:t===p?`active`:void 0,onMouseDown:t=>{t.preventDefault(),x(e)},children:[(0,I.jsx)(`span`,{lang:s(e.country),children:e.name}),` `,(0,I.jsx)(C,{owner:e.owner})]},e.id))]})]})}var R=[`EUR`,`BGN`,`RON`,`CNY`,`USD`];function z({currency:e,fixedDealer:t,productLines:r,onClose:i,onDone:a}){let{t:o,locale:s}=n(),u=d(),[p,m]=(0,k.useState)(null),[h,_]=(0,k.useState)(t??null),[v,y]=(0,k.useState)({customerId:``,channel:`DEALER`,dealerId:``,productLineId:``,quantity:`1`,unitPrice:``,currency:e,expectedClose:``}),[b]=(0,k.useState)(T),[x,ne]=(0,k.useState)(!1),[D,O]=(0,k.useState)({}),[re,A]=(0,k.useState)(!1),j={...v,customerId:p?.id??``,dealerId:h?.id??``},M=f(v.currency),N=(0,k.useMemo)(()=>ee(j,M,b),[JSON.stringify(j),M,b]),P=(e,t)=>{y(t=>({...t,...e})),O(e=>({...e,[t]:void 0,form:void 0}))},z=e=>{if(D[e])return D[e];let t=N.errors[e];return t&&(x||!B(t,j))?o(t):void 0},ie=async e=>{if(e.preventDefault(),ne(!0),N.input){A(!0);try{a((await l(F,{input:N.input})).registerDeal.deal.stage,p?.name??``)}catch(e){let t=u(e),n=e instanceof c&&e.code===`BAD_USER_INPUT`?S(e.field):`form`;O({[n]:t}),A(!1)}}},V=N.amountMinor;return(0,I.jsx)(w,{title:o(`dealForm.title`),onClose:i,wide:!0,testId:`register-dialog`,children:(0,I.jsxs)(`form`,{className:`form`,onSubmit:ie,noValidate:!0,children:[(0,I.jsxs)(`div`,{className:`form-field`,children:[(0,I.jsx)(`span`,{children:o(`dealForm.customer`)}),(0,I.jsx)(L,{value:p,onChange:e=>{m(e),O(e=>({...e,customer:void 0}))},invalid:!!z(`customer`),describedBy:`deal-customer-error`}),(0,I.jsx)(E,{id:`deal-customer-error`,message:z(`customer`)})]}),(0,I.jsxs)(`fieldset`,{className:`form-field`,children:[(0,I.jsx)(`legend`,{children:o(`dealForm.channel`)}),t?(0,I.jsx)(`div`,{className:`radio-row`,"data-testid":`deal-fixed-dealer`,children:(0,I.jsx)(C,{owner:{kind:`DEALER`,dealer:t}})}):(0,I.jsxs)(`div`,{className:`radio-row`,children:[[`DEALER`,`DIRECT`].map(e=>(0,I.jsxs)(`label`,{className:`radio`,children:[(0,I.jsx)(`input`,{type:`radio`,name:`channel`,value:e,checked:v.channel===e,onChange:()=>P({channel:e},`dealer`),"data-testid":`channel-${e}`}),o(`channel.${e}`)]},e)),v.channel===`DEALER`&&(0,I.jsx)(te,{value:h,onChange:e=>{_(e),O(e=>({...e,dealer:void 0}))}})]}),(0,I.jsx)(E,{id:`deal-dealer-error`,message:z(`dealer`)})]}),(0,I.jsxs)(`label`,{className:`form-field`,children:[(0,I.jsx)(`span`,{children:o(`dealForm.productLine`)}),(0,I.jsxs)(`select`,{className:`input`,value:v.productLineId,onChange:e=>P({productLineId:e.target.value},`productLine`),"aria-invalid":!!z(`productLine`)||void 0,"data-testid":`deal-line`,children:[(0,I.jsx)(`option`,{value:``,children:o(`dealForm.choose`)}),r.map(e=>(0,I.jsx)(`option`,{value:e.id,children:e.name},e.id))]}),(0,I.jsx)(E,{id:`deal-line-error`,message:z(`productLine`)})]}),(0,I.jsxs)(`div`,{className:`form-row`,children:[(0,I.jsxs)(`label`,{className:`form-field`,children:[(0,I.jsx)(`span`,{children:o(`dealForm.quantity`)}),(0,I.jsx)(`input`,{className:`input num-input`,inputMode:`numeric`,value:v.quantity,onChange:e=>P({quantity:e.target.value},`quantity`),"aria-invalid":!!z(`quantity`)||void 0,"aria-describedby":`deal-quantity-error`,"data-testid":`deal-quantity`}),(0,I.jsx)(E,{id:`deal-quantity-error`,message:z(`quantity`)})]}),(0,I.jsxs)(`label`,{className:`form-field`,children:[(0,I.jsx)(`span`,{children:o(`dealForm.unitPrice`)}),(0,I.jsxs)(`span`,{className:`money-input`,children:[(0,I.jsx)(`input`,{className:`input num-input`,inputMode:`decimal`,value:v.unitPrice,placeholder:M?`0.00`:`0`,onChange:e=>P({unitPrice:e.target.value},`unitPrice`),"aria-invalid":!!z(`unitPrice`)||void 0,"aria-describedby":`deal-price-error`,"data-testid":`deal-price`}),(0,I.jsx)(`select`,{className:`input`,"aria-label":o(`dealForm.currency`),value:v.currency,onChange:e=>P({currency:e.target.value},`unitPrice`),"data-testid":`deal-currency`,children:Array.from(new Set([e,...R])).map(e=>(0,I.jsx)(`option`,{children:e},e))})]}),(0,I.jsx)(E,{id:`deal-price-error`,message:z(`unitPrice`)})]}),(0,I.jsxs)(`label`,{className:`form-field`,children:[(0,I.jsx)(`span`,{children:o(`dealForm.expectedClose`)}),(0,I.jsx)(`input`,{className:`input`,type:`date`,value:v.expectedClose,onChange:e=>P({expectedClose:e.target.value},`expectedClose`)}),(0,I.jsx)(E,{id:`deal-close-error`,message:z(`expectedClose`)})]})]}),(0,I.jsxs)(`div`,{className:`amount-preview`,"data-testid":`amount-preview`,"data-minor":V===null?``:V.toString(),children:[(0,I.jsx)(`span`,{className:`dim`,children:o(`dealForm.amount`)}),` `,(0,I.jsx)(`strong`,{children:V===null?`—`:g({minor:Number(V),currency:v.currency},s)})]}),D.form&&(0,I.jsx)(`div`,{className:`error-message`,role:`alert`,children:D.form}),(0,I.jsxs)(`div`,{className:`form-actions`,children:[(0,I.jsx)(`button`,{type:`button`,className:`btn`,onClick:i,children:o(`form.cancel`)}),(0,I.jsx)(`button`,{type:`submit`,className:`btn primary`,disabled:re,"data-testid":`deal-submit`,children:o(`dealForm.submit`)})]})]})})}function B(e,t){switch(e){case`dealForm.err.customer`:case`dealForm.err.dealer`:case`dealForm.err.productLine`:case`dealForm.err.priceEmpty`:return!0;case`dealForm.err.quantity`:return t.quantity.trim()===``;default:return!1}}function ie({deal:e,onClose:t,onDone:r}){let{t:i,locale:a}=n(),o=d(),[s,u]=(0,k.useState)(``),[f,p]=(0,k.useState)(null),[m,h]=(0,k.useState)(!1);return(0,I.jsx)(w,{title:i(`deals.rejectTitle`),onClose:t,testId:`reject-dialog`,children:(0,I.jsxs)(`form`,{className:`form`,onSubmit:async t=>{if(t.preventDefault(),!s.trim())p({field:!0,text:i(`deals.rejectReasonRequired`)});else{h(!0);try{await l(P,{id:e.id,reason:s.trim()}),r()}catch(e){let t=e instanceof c&&e.field===`input.reason`;p({field:t,text:o(e)}),h(!1)}}},noValidate:!0,children:[(0,I.jsxs)(`p`,{className:`dim`,children:[e.customer.name,` · `,e.channel.dealer?.name??i(`channel.DIRECT`),` · `,g(e.amount,a)]}),(0,I.jsxs)(`label`,{className:`form-field`,children:[(0,I.jsx)(`span`,{children:i(`deals.rejectReason`)}),(0,I.jsx)(`textarea`,{className:`input area`,rows:3,autoFocus:!0,value:s,onChange:e=>{u(e.target.value),p(null)},"aria-invalid":f?.field||void 0,"aria-describedby":`reject-reason-error`,"data-testid":`reject-reason`}),(0,I.jsx)(E,{id:`reject-reason-error`,message:f?.field?f.text:void 0})]}),f&&!f.field&&(0,I.jsx)(`div`,{className:`error-message`,role:`alert`,children:f.text}),(0,I.jsxs)(`div`,{className:`form-actions`,children:[(0,I.jsx)(`button`,{type:`button`,className:`btn`,onClick:t,children:i(`form.cancel`)}),(0,I.jsx)(`button`,{type:`submit`,className:`btn danger`,disabled:m,"data-testid":`reject-submit`,children:i(`deals.reject`)})]})]})})}var V=[`PENDING_APPROVAL`,`REGISTERED`,`QUOTED`,`WON`,`LOST`,`CANCELLED`],ae=100,oe=2026;function se(){let{t:e,locale:t}=n(),r=d(),c=i(),[,f]=v(),_=c.view===`all`?`all`:`inbox`,{can:y,ownDealer:ee}=u(),S=y(`deal.approve`),w=y(`dealers.all`),[T,E]=(0,k.useState)(``),[M,P]=(0,k.useState)(``),[F,L]=(0,k.useState)(null),[R,B]=(0,k.useState)(``),[se,le]=(0,k.useState)({field:`REGISTERED_AT`,direction:`DESC`}),[ue,de]=(0,k.useState)({field:`REGISTERED_AT`,direction:`ASC`}),H=_===`inbox`?ue:se,fe=_===`inbox`?de:le,[pe,me]=(0,k.useState)(-1),[U,W]=(0,k.useState)(new Map),[G,K]=(0,k.useState)(null),[he,q]=(0,k.useState)(!1),[ge,_e]=(0,k.useState)(!1),[J,Y]=(0,k.useState)(null),[X,ve]=(0,k.useState)(null),Z=m(j,{year:oe}),ye=Z.status===`ok`?Z.data.productLines:[],be=(0,k.useMemo)(()=>{if(_===`inbox`)return{stages:[`PENDING_APPROVAL`]};let e={};return T&&(e.stages=[T]),M&&(e.channelKind=M),F&&(e.dealerId=F.id),R&&(e.productLineId=R),e},[_,T,M,F,R]),xe=JSON.stringify([be,{field:H.field,direction:H.direction}]),Se=(0,k.useCallback)(async(e,t)=>{let[n,r]=JSON.parse(e),i=(await l(A,{first:ae,after:t,filter:n,orderBy:r})).deals;return{nodes:i.edges.map(e=>e.node),totalCount:i.totalCount,hasNextPage:i.pageInfo.hasNextPage,endCursor:i.pageInfo.endCursor}},[]),{paging:Q,onRangeEnd:Ce,retry:we,reload:Te}=D(xe,Se),$=(0,k.useMemo)(()=>_===`inbox`?Q.items.filter(e=>!U.has(e.id)):Q.items,[_,Q.items,U]),Ee=Q.totalCount===null?null:_===`inbox`?Math.max(0,Q.totalCount-ce(U,Q.items)):Q.totalCount,De=(e,t)=>W(n=>new Map(n).set(e,t)),Oe=async t=>{ve(t.id);try{await l(N,{id:t.id}),De(t.id,`approved`),Y({text:e(`deals.approved`,{customer:t.customer.name})})}catch(e){Y({text:r(e),error:!0})}finally{ve(null)}},ke=(0,k.useCallback)(e=>f(`/customers/${encodeURIComponent(e.customer.id)}`),[f]);O({count:$.length,setSelected:me,onEnter:()=>{let e=$[pe];e&&ke(e)},enabled:!G&&!he});let Ae=(0,k.useMemo)(()=>{let n=[{id:`registered`,header:e(`deals.col.registered`),width:`96px`,min:96,sortField:`REGISTERED_AT`,render:e=>o(e.registeredAt,t),title:e=>e.registeredAt},{id:`customer`,header:e(`deals.col.customer`),width:`minmax(160px, 2.2fr)`,min:160,title:e=>e.customer.name,render:e=>(0,I.jsx)(`span`,{className:`cell-name`,lang:s(e.customer.country),children:e.customer.name})},{id:`channel`,header:e(`deals.col.channel`),width:`minmax(120px, 1.6fr)`,min:120,render:e=>(0,I.jsx)(C,{owner:{kind:e.channel.kind,dealer:e.channel.dealer}})},{id:`line`,header:e(`deals.col.productLine`),width:`minmax(100px, 1.2fr)`,min:100,title:e=>e.productLine.name,render:e=>e.productLine.name},{id:`qty`,header:e(`deals.col.quantity`),width:`56px`,min:56,align:`end`,render:e=>e.quantity},{id:`unit`,header:e(`deals.col.unitPrice`),width:`104px`,min:104,align:`end`,render:e=>g(e.unitPrice,t)},{id:`amount`,header:e(`deals.col.amount`),width:`116px`,min:116,align:`end`,sortField:`AMOUNT`,render:e=>(0,I.jsx)(`span`,{className:`num`,children:g(e.amount,t)})}];return _===`all`?n.push({id:`stage`,header:e(`deals.col.stage`),width:`118px`,min:118,render:t=>(0,I.jsx)(`span`,{className:`stage stage-${t.stage.toLowerCase()}`,children:e(`stage.${t.stage}`)}),title:e=>e.closeReason||void 0},{id:`close`,header:e(`deals.col.expectedClose`),width:`96px`,min:96,sortField:`EXPECTED_CLOSE`,render:e=>o(e.expectedClose,t)}):S?n.push({id:`actions`,header:e(`deals.col.decision`),width:`170px`,min:170,render:t=>(0,I.jsxs)(`span`,{className:`row-actions`,children:[(0,I.jsx)(`button`,{type:`button`,className:`btn small primary`,disabled:X===t.id,onClick:e=>{e.stopPropagation(),Oe(t)},"data-testid":`approve`,children:e(`deals.approve`)}),(0,I.jsx)(`button`,{type:`button`,className:`btn small`,disabled:X===t.id,onClick:e=>{e.stopPropagation(),K(t)},"data-testid":`reject`,children:e(`deals.reject`)})]})}):n.push({id:`awaiting`,header:e(`deals.col.stage`),width:`150px`,min:150,render:()=>(0,I.jsx)(`span`,{className:`stage stage-pending_approval`,children:e(`access.awaiting`)})}),n},[e,t,_,X,S]),je=_===`all`&&!!(T||M||F||R),Me;return Me=Q.error&&Q.items.length===0?(0,I.jsx)(h,{title:e(`deals.error`),error:Q.error,action:(0,I.jsx)(`button`,{type:`button`,className:`btn`,onClick:we,children:e(`customers.retry`)})}):Ee===0&&!Q.loading?_===`inbox`?(0,I.jsx)(p,{title:e(`deals.inboxEmpty`),icon:`✓`,children:(0,I.jsx)(`p`,{children:e(`deals.inboxEmptyBody`)})}):(0,I.jsx)(p,{title:e(`deals.empty`),children:je&&(0,I.jsx)(`p`,{children:e(`customers.empty.body`)})}):(0,I.jsx)(ne,{label:e(_===`inbox`?`deals.inbox`:`deals.all`),columns:Ae,rows:$,rowKey:e=>e.id,pendingRows:re(Q),selectedIndex:pe,onSelect:me,onOpen:()=>{},onRangeEnd:Ce,sort:H,onSort:fe,sortLabel:t=>e(`customers.sortBy`,{column:t}),resetKey:xe}),(0,I.jsxs)(`div`,{className:`screen`,"data-testid":`deals-${_}`,children:[(0,I.jsxs)(`div`,{className:`toolbar`,children:[(0,I.jsx)(`h1`,{className:`screen-title`,children:e(`deals.title`)}),(0,I.jsxs)(`div`,{className:`tabs`,role:`tablist`,children:[(0,I.jsx)(a,{href:`/deals/inbox`,role:`tab`,"aria-selected":_===`inbox`,className:`tab${_===`inbox`?` active`:``}`,children:e(`deals.inbox`)}),(0,I.jsx)(a,{href:`/deals/all`,role:`tab`,"aria-selected":_===`all`,className:`tab${_===`all`?` active`:``}`,children:e(`deals.all`)})]}),_===`all`&&(0,I.jsxs)(I.Fragment,{children:[(0,I.jsxs)(`label`,{className:`field`,children:[(0,I.jsx)(`span`,{children:e(`deals.filter.stage`)}),(0,I.jsxs)(`select`,{className:`input`,value:T,onChange:e=>E(e.target.value),"data-testid":`stage-filter`,children:[(0,I.jsx)(`option`,{value:``,children:e(`deals.filter.any`)}),V.map(t=>(0,I.jsx)(`option`,{value:t,children:e(`stage.${t}`)},t))]})]}),w&&(0,I.jsxs)(`label`,{className:`field`,children:[(0,I.jsx)(`span`,{children:e(`deals.filter.channel`)}),(0,I.jsxs)(`select`,{className:`input`,value:M,onChange:e=>P(e.target.value),"data-testid":`channel-filter`,children:[(0,I.jsx)(`option`,{value:``,children:e(`deals.filter.any`)}),(0,I.jsx)(`option`,{value:`DEALER`,children:e(`channel.DEALER`)}),(0,I.jsx)(`option`,{value:`DIRECT`,children:e(`channel.DIRECT`)})]})]}),w&&(0,I.jsx)(te,{value:F,onChange:L}),(0,I.jsxs)(`label`,{className:`field`,children:[(0,I.jsx)(`span`,{children:e(`deals.filter.productLine`)}),(0,I.jsxs)(`select`,{className:`input`,value:R,onChange:e=>B(e.target.value),"data-testid":`line-filter`,children:[(0,I.jsx)(`option`,{value:``,children:e(`deals.filter.any`)}),ye.map(e=>(0,I.jsx)(`option`,{value:e.id,children:e.name},e.id))]})]}),je&&(0,I.jsx)(`button`,{type:`button`,className:`btn link`,onClick:()=>{E(``),P(``),L(null),B(``)},children:e(`customers.filter.clear`)})]}),(0,I.jsx)(`span`,{className:`spacer`}),(0,I.jsx)(x,{kind:`deals`,filter:be}),y(`data.import`)&&(0,I.jsx)(`button`,{type:`button`,className:`btn`,onClick:()=>_e(!0),"data-testid":`import-csv`,children:e(`import.action`)}),y(`deal.register`)&&(0,I.jsx)(`button`,{type:`button`,className:`btn primary`,onClick:()=>q(!0),"data-testid":`register-deal`,children:e(`deals.register`)})]}),(0,I.jsxs)(`div`,{className:`list-pane`,children:[Me,(0,I.jsxs)(`div`,{className:`statusbar`,"aria-live":`polite`,children:[(0,I.jsx)(`span`,{"data-testid":`total-count`,children:Ee===null?`\xA0`:e(`deals.count`,{n:Ee})}),J&&(0,I.jsx)(`span`,{className:J.error?`error-message`:`notice`,"data-testid":`notice`,children:J.text}),Q.error&&Q.items.length>0&&(0,I.jsxs)(`span`,{className:`error-message`,children:[r(Q.error),` `,(0,I.jsx)(`button`,{type:`button`,className:`btn link`,onClick:we,children:e(`customers.retry`)})]}),(0,I.jsx)(`span`,{className:`spacer`}),(0,I.jsx)(`span`,{className:`dim`,children:e(`deals.keys`)})]})]}),G&&(0,I.jsx)(ie,{deal:G,onClose:()=>K(null),onDone:()=>{De(G.id,`rejected`),Y({text:e(`deals.rejected`,{customer:G.customer.name})}),K(null)}}),ge&&(0,I.jsx)(b,{kind:`deals`,onClose:()=>_e(!1),onImported:t=>{W(new Map),Y({text:e(`import.notice`,{n:t.imported})}),Te()}}),he&&(0,I.jsx)(z,{currency:Z.status===`ok`?Z.data.policy?.currency??`EUR`:`EUR`,productLines:ye,fixedDealer:y(`deal.registerDirect`)?null:ee,onClose:()=>q(!1),onDone:(t,n)=>{q(!1),W(new Map),Y({text:e(t===`PENDING_APPROVAL`?`deals.registeredPending`:`deals.registeredOk`,{customer:n})}),Te()}})]})}function ce(e,t){let n=0;for(let r of t)e.has(r.id)&&n++;return n}export{se as DealsScreen};