var e=Object.create,t=Object.defineProperty,n=Object.getOwnPropertyDescriptor,r=Object.getOwnPropertyNames,i=Object.getPrototypeOf,a=Object.prototype.hasOwnProperty,o=(e,t)=>()=>(t||(e((t={exports:{}}).exports,t,t.exports),e=null),t.exports),s=(e,n)=>{let r={};for(var i in e)t(r,i,{get:e[i],enumerable:!0});return n||t(r,Symbol.toStringTag,{value:`Module`}),r},c=(e,i,o,s)=>{if(i&&typeof i==`object`||typeof i==`function`)for(var c=r(i),l=0,u=c.length,d;l<u;l++)d=c[l],!a.call(e,d)&&d!==o&&t(e,d,{get:(e=>i[e]).bind(null,d),enumerable:!(s=n(i,d))||s.enumerable});return e},l=(n,r,o)=>(o=n==null?{}:e(i(n)),c(r||!n||!n.__esModule||!a.call(n,`default`)?t(o,`default`,{value:n,enumerable:!0}):o,n)),u=o((e=>{var t=Symbol.for(`react.transitional.element`),n=Symbol.for(`react.portal`),r=Symbol.for(`react.fragment`),i=Symbol.for(`react.strict_mode`),a=Symbol.for(`react.profiler`),o=Symbol.for(`react.consumer`),s=Symbol.for(`react.context`),c=Symbol.for(`react.forward_ref`),l=Symbol.for(`react.suspense`),u=Symbol.for(`react.memo`),d=Symbol.for(`react.lazy`),f=Symbol.for(`react.activity`),ee=Symbol.for(`react.view_transition`),p=Symbol.iterator;function m(e){return typeof e!=`object`||!e?null:(e=p&&e[p]||e[`@@iterator`],typeof e==`function`?e:null)}var h={isMounted:function(){return!1},enqueueForceUpdate:function(){},enqueueReplaceState:function(){},enqueueSetState:function(){}},g=Object.assign,_={};function v(e,t,n){this.props=e,this.context=t,this.refs=_,this.updater=n||h}v.prototype.isReactComponent={},v.prototype.setState=function(e,t){if(typeof e!=`object`&&typeof e!=`function`&&e!=null)throw Error(`takes an object of state variables to update or a function which returns an object of state variables.`);this.updater.enqueueSetState(this,e,t,`setState`)},v.prototype.forceUpdate=function(e){this.updater.enqueueForceUpdate(this,e,`forceUpdate`)};function y(){}y.prototype=v.prototype;function b(e,t,n){this.props=e,this.context=t,this.refs=_,this.updater=n||h}var x=b.prototype=new y;x.constructor=b,g(x,v.prototype),x.isPureReactComponent=!0;var S=Array.isArray;function C(){}var w={H:null,A:null,T:null,S:null},T=Object.prototype.hasOwnProperty;function E(e,n,r){var i=r.ref;return{$$typeof:t,type:e,key:n,ref:i===void 0?null:i,props:r}}function D(e,t){return E(e.type,t,e.props)}function O(e){return typeof e==`object`&&!!e&&e.$$typeof===t}function k(e){var t={"=":`=0`,":":`=2`};return`$`+e.replace(/[=:]/g,function(e){return t[e]})}var A=/\/+/g;function j(e,t){return typeof e==`object`&&e&&e.key!=null?k(``+e.key):t.toString(36)}function M(e){switch(e.status){case`fulfilled`:return e.value;case`rejected`:throw e.reason;default:switch(typeof e.status==`string`?e.then(C,C):(e.status=`pending`,e.then(function(t){e.status===`pending`&&(e.status=`fulfilled`,e.value=t)},function(t){e.status===`pending`&&(e.status=`rejected`,e.reason=t)})),e.status){case`fulfilled`:return e.value;case`rejected`:throw e.reason}}throw e}function N(e,r,i,a,o){var s=typeof e;(s===`undefined`||s===`boolean`)&&(e=null);var c=!1;if(e===null)c=!0;else switch(s){case`bigint`:case`string`:case`number`:c=!0;break;case`object`:switch(e.$$typeof){case t:case n:c=!0;break;case d:return c=e._init,N(c(e._payload),r,i,a,o)}}if(c)return o=o(e),c=a===``?`.`+j(e,0):a,S(o)?(i=``,c!=null&&(i=c.replace(A,`$&/`)+`/`),N(o,r,i,``,function(e){return e})):o!=null&&(O(o)&&(o=D(o,i+(o.key==null||e&&e.key===o.key?``:(``+o.key).replace(A,`$&/`)+`/`)+c)),r.push(o)),1;c=0;var l=a===``?`.`:a+`:`;if(S(e))for(var u=0;u<e.length;u++)a=e[u],s=l+j(a,u),c+=N(a,r,i,s,o);else if(u=m(e),typeof u==`function`)for(e=u.call(e),u=0;!(a=e.next()).done;)a=a.value,s=l+j(a,u++),c+=N(a,r,i,s,o);else if(s===`object`){if(typeof e.then==`function`)return N(M(e),r,i,a,o);throw r=String(e),Error(`Objects are not valid as a React child (found: `+(r===`[object Object]`?`object with keys {`+Object.keys(e).join(`, `)+`}`:r)+`). If you meant to render a collection of children, use an array instead.`)}return c}function P(e,t,n){if(e==null)return e;var r=[],i=0;return N(e,r,``,``,function(e){return t.call(n,e,i++)}),r}function F(e){if(e._status===-1){var t=e._result,n=t();n.then(function(t){(e._status===0||e._status===-1)&&(e._status=1,e._result=t,n.status===void 0&&(n.status=`fulfilled`,n.value=t))},function(t){(e._status===0||e._status===-1)&&(e._status=2,e._result=t,n.status===void 0&&(n.status=`rejected`,n.reason=t))}),e._status===-1&&(e._status=0,e._result=n)}if(e._status===1)return e._result.default;throw e._result}var I=typeof reportError==`function`?reportError:function(e){if(typeof window==`object`&&typeof window.ErrorEvent==`function`){var t=new window.ErrorEvent(`error`,{bubbles:!0,cancelable:!0,message:typeof e==`object`&&e&&typeof e.message==`string`?String(e.message):String(e),error:e});if(!window.dispatchEvent(t))return}else if(typeof process==`object`&&typeof process.emit==`function`){process.emit(`uncaughtException`,e);return}console.error(e)};function L(e){var t=w.T,n={};n.types=t===null?null:t.types,w.T=n;try{var r=e(),i=w.S;i!==null&&i(n,r),typeof r==`object`&&r&&typeof r.then==`function`&&r.then(C,I)}catch(e){I(e)}finally{t!==null&&n.types!==null&&(t.types=n.types),w.T=t}}function R(e){var t=w.T;if(t!==null){var n=t.types;n===null?t.types=[e]:n.indexOf(e)===-1&&n.push(e)}else L(R.bind(null,e))}var z={map:P,forEach:function(e,t,n){P(e,function(){t.apply(this,arguments)},n)},count:function(e){var t=0;return P(e,function(){t++}),t},toArray:function(e){return P(e,function(e){return e})||[]},only:function(e){if(!O(e))throw Error(`React.Children.only expected to receive a single React element child.`);return e}};e.Activity=f,e.Children=z,e.Component=v,e.Fragment=r,e.Profiler=a,e.PureComponent=b,e.StrictMode=i,e.Suspense=l,e.ViewTransition=ee,e.__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE=w,e.__COMPILER_RUNTIME={__proto__:null,c:function(e){return w.H.useMemoCache(e)}},e.addTransitionType=R,e.cache=function(e){return function(){return e.apply(null,arguments)}},e.cacheSignal=function(){return null},e.cloneElement=function(e,t,n){if(e==null)throw Error(`The argument must be a React element, but you passed `+e+`.`);var r=g({},e.props),i=e.key;if(t!=null)for(a in t.key!==void 0&&(i=``+t.key),t)!T.call(t,a)||a===`key`||a===`__self`||a===`__source`||a===`ref`&&t.ref===void 0||(r[a]=t[a]);var a=arguments.length-2;if(a===1)r.children=n;else if(1<a){for(var o=Array(a),s=0;s<a;s++)o[s]=arguments[s+2];r.children=o}return E(e.type,i,r)},e.createContext=function(e){return e={$$typeof:s,_currentValue:e,_currentValue2:e,_threadCount:0,Provider:null,Consumer:null},e.Provider=e,e.Consumer={$$typeof:o,_context:e},e},e.createElement=function(e,t,n){var r,i={},a=null;if(t!=null)for(r in t.key!==void 0&&(a=``+t.key),t)T.call(t,r)&&r!==`key`&&r!==`__self`&&r!==`__source`&&(i[r]=t[r]);var o=arguments.length-2;if(o===1)i.children=n;else if(1<o){for(var s=Array(o),c=0;c<o;c++)s[c]=arguments[c+2];i.children=s}if(e&&e.defaultProps)for(r in o=e.defaultProps,o)i[r]===void 0&&(i[r]=o[r]);return E(e,a,i)},e.createRef=function(){return{current:null}},e.forwardRef=function(e){return{$$typeof:c,render:e}},e.isValidElement=O,e.lazy=function(e){return{$$typeof:d,_payload:{_status:-1,_result:e},_init:F}},e.memo=function(e,t){return{$$typeof:u,type:e,compare:t===void 0?null:t}},e.startTransition=L,e.unstable_useCacheRefresh=function(){return w.H.useCacheRefresh()},e.use=function(e){return w.H.use(e)},e.useActionState=function(e,t,n){return w.H.useActionState(e,t,n)},e.useCallback=function(e,t){return w.H.useCallback(e,t)},e.useContext=function(e){return w.H.useContext(e)},e.useDebugValue=function(){},e.useDeferredValue=function(e,t){return w.H.useDeferredValue(e,t)},e.useEffect=function(e,t){return w.H.useEffect(e,t)},e.useEffectEvent=function(e){return w.H.useEffectEvent(e)},e.useId=function(){return w.H.useId()},e.useImperativeHandle=function(e,t,n){return w.H.useImperativeHandle(e,t,n)},e.useInsertionEffect=function(e,t){return w.H.useInsertionEffect(e,t)},e.useLayoutEffect=function(e,t){return w.H.useLayoutEffect(e,t)},e.useMemo=function(e,t){return w.H.useMemo(e,t)},e.useOptimistic=function(e,t){return w.H.useOptimistic(e,t)},e.useReducer=function(e,t,n){return w.H.useReducer(e,t,n)},e.useRef=function(e){return w.H.useRef(e)},e.useState=function(e){return w.H.useState(e)},e.useSyncExternalStore=function(e,t,n){return w.H.useSyncExternalStore(e,t,n)},e.useTransition=function(){return w.H.useTransition()},e.version=`19.3.1`})),d=o(((e,t)=>{t.exports=u()}));function f(e,t){if(e instanceof RegExp)return{keys:!1,pattern:e};var n,r,i,a,o=[],s=``,c=e.split(`/`);for(c[0]||c.shift();i=c.shift();)n=i[0],n===`*`?(o.push(n),s+=i[1]===`?`?`(?:/(.*))?`:`/(.*)`):n===`:`?(r=i.indexOf(`?`,1),a=i.indexOf(`.`,1),o.push(i.substring(1,~r?r:~a?a:i.length)),s+=~r&&!~a?`(?:/([^/]+?))?`:`/([^/]+?)`,~a&&(s+=(~r?`?`:``)+`\\`+i.substring(a))):s+=`/`+i;return{keys:o,pattern:RegExp(`^`+s+(t?`(?=$|/)`:`/?$`),`i`)}}var ee=o((e=>{var t=d();function n(e,t){return e===t&&(e!==0||1/e==1/t)||e!==e&&t!==t}var r=typeof Object.is==`function`?Object.is:n,i=t.useState,a=t.useEffect,o=t.useLayoutEffect,s=t.useDebugValue;function c(e,t){var n=t(),r=i({inst:{value:n,getSnapshot:t}}),c=r[0].inst,u=r[1];return o(function(){c.value=n,c.getSnapshot=t,l(c)&&u({inst:c})},[e,n,t]),a(function(){return l(c)&&u({inst:c}),e(function(){l(c)&&u({inst:c})})},[e]),s(n),n}function l(e){var t=e.getSnapshot;e=e.value;try{var n=t();return!r(e,n)}catch{return!0}}function u(e,t){return t()}var f=typeof window>`u`||window.document===void 0||window.document.createElement===void 0?u:c;e.useSyncExternalStore=t.useSyncExternalStore===void 0?f:t.useSyncExternalStore})),p=o(((e,t)=>{t.exports=ee()})),m=l(d(),1),h=p(),g=m.useInsertionEffect,_=typeof window<`u`&&window.document!==void 0&&window.document.createElement!==void 0?m.useLayoutEffect:m.useEffect,v=g||_,y=e=>{let t=m.useRef([e,(...e)=>t[0](...e)]).current;return v(()=>{t[0]=e}),t[1]},b=[`popstate`,`pushState`,`replaceState`,`hashchange`],x=[],S=()=>x.forEach(e=>e()),C=e=>(x.push(e)===1&&b.forEach(e=>addEventListener(e,S)),()=>{x=x.filter(t=>t!==e),x.length||b.forEach(e=>removeEventListener(e,S))}),w=(e,t)=>(0,h.useSyncExternalStore)(C,e,t),T=()=>location.search,E=({ssrSearch:e}={})=>w(T,e==null?T:()=>e),D=()=>location.pathname,O=({ssrPath:e}={})=>w(D,e==null?D:()=>e),k=(e,{replace:t=!1,state:n=null}={})=>history[t?`replaceState`:`pushState`](n,``,e),A=e=>[O(e),k],j=Symbol.for(`wouter_v3`);if(typeof history<`u`&&window[j]===void 0){for(let e of[`pushState`,`replaceState`]){let t=history[e];history[e]=function(){let n=t.apply(this,arguments),r=new Event(e);return r.arguments=arguments,dispatchEvent(r),n}}Object.defineProperty(window,j,{value:!0})}var M=(e=``)=>e===`/`?``:e,N=(e,t)=>e[0]===`~`?e.slice(1):M(t)+e,P=(e,t)=>(e=F(M(e)),t=F(t),!e||(t.toLowerCase()+`/`).startsWith(e.toLowerCase()+`/`)?t.slice(e.length)||`/`:`~`+t),F=e=>{try{return e.includes(`%`)?decodeURI(e):e}catch{return e}},I={hook:A,searchHook:E,parser:f,base:``,ssrPath:void 0,ssrSearch:void 0,ssrContext:void 0,hrefs:e=>e,aroundNav:(e,t,n)=>e(t,n)},L=(0,m.createContext)(I),R=()=>(0,m.useContext)(L),z={},te=(0,m.createContext)(z),ne=()=>(0,m.useContext)(te),re=(e,t=e.base)=>P(t,e.hook(e)[0]),B=e=>{let[t,n]=e.hook(e);return[P(e.base,t),y((t,r)=>e.aroundNav(n,N(t,e.base),r))]},ie=()=>B(R()),V=(e,t,n,r)=>{let{pattern:i,keys:a}=t instanceof RegExp?{pattern:t}:e(t||`*`,r),o=i.exec(n);if(!o)return[!1,null];let s={};for(let e=1;e<o.length;e++)s[e-1]=o[e];if(a)for(let e=0;e<a.length;e++)s[a[e]]=o[e+1];else Object.assign(s,o.groups);return r?[!0,s,o[0]]:[!0,s]},ae=({children:e,...t})=>{let n=R(),r=t.hook?I:n,i=r;if(t.ssrPath){let[e,n=t.ssrSearch??``]=t.ssrPath.split(`?`);e&&(t.ssrSearch=n,t.ssrPath=e)}t.hrefs=t.hrefs??t.hook?.hrefs,t.searchHook=t.searchHook??t.hook?.searchHook;let a=(0,m.useRef)(r),o=a.current,s=o;for(let e in r){let n=e===`base`?r[e]+(t[e]??``):t[e]??r[e];n!==s[e]&&(o===s&&(a.current=s={...s}),s[e]=n),(n!==r[e]||n!==i[e])&&(i=s)}return(0,m.createElement)(L.Provider,{value:i},e)},oe=({children:e,component:t},n)=>t?(0,m.createElement)(t,{params:n}):typeof e==`function`?e(n):e,se=e=>{let t=(0,m.useRef)(z),n=t.current,r=Object.keys(e);return t.current=r.length!==Object.keys(n).length||r.some(t=>e[t]!==n[t])?e:n},ce=({path:e,nest:t,match:n,...r})=>{let i=R(),a=re(i),[o,s,c]=n??V(i.parser,e,a,t),l=se({...ne(),...s});if(!o)return null;let u=oe(r,l);return(0,m.createElement)(te.Provider,{value:l},c?(0,m.createElement)(ae,{base:c},u):u)},le=(0,m.forwardRef)((e,t)=>{let n=R(),[r,i]=B(n),{to:a=``,href:o=a,onClick:s,asChild:c,children:l,className:u,replace:d,state:f,transition:ee,...p}=e;return p.onClick=y(t=>{t.ctrlKey||t.metaKey||t.altKey||t.shiftKey||t.button!==0||(s?.(t),t.defaultPrevented||(t.preventDefault(),i(o,e)))}),p.href=n.hrefs(o[0]===`~`?o.slice(1):n.base+o,n),u!==void 0&&(p.className=u?.call?u(r===o):u),t&&(p.ref=t),c&&(0,m.isValidElement)(l)?(0,m.cloneElement)(l,p):(0,m.createElement)(`a`,p,l)}),H=(e,t=[])=>{if(Array.isArray(e))for(let n of e)H(n&&n.type===m.Fragment?n.props.children:n,t);else t.push(e);return t},ue=({children:e,location:t})=>{let n=R(),r=re(n);for(let i of H(e)){let e=0;if((0,m.isValidElement)(i)&&(e=V(n.parser,i.props.path,t||r,i.props.nest))[0])return(0,m.cloneElement)(i,{match:e})}return null},de=e=>{let{to:t,href:n=t}=e,r=R(),[,i]=B(r),a=y(()=>i(t||n,e)),{ssrContext:o}=r;return _(()=>{a()},[]),o&&(o.redirectTo=t),null};function U(e,t){return{en:e,ru:t}}var W=U({"board.title":`Conflict board`,"board.col.OPEN":`Open`,"board.col.ACKNOWLEDGED":`Acknowledged`,"board.col.CLOSED":`Recently closed`,"board.filter.kind":`Kind`,"board.filter.severity":`Severity`,"board.filter.age":`Detected`,"board.age.any":`Any time`,"board.age.day":`Last 24 hours`,"board.age.week":`Last 7 days`,"board.age.month":`Last 30 days`,"board.liveOfKind":`Open and acknowledged conflicts of this kind; click to filter`,"board.empty":`No conflicts`,"board.emptyFiltered":`No conflicts match the filters`,"board.emptyBody":`New conflicts appear here as soon as the rules find them.`,"board.error":`Could not load the board`,"board.detailError":`Could not load the conflict`,"board.notFound":`This conflict does not exist.`,"board.more":{one:`{n} more; narrow the filters to see it`,other:`{n} more; narrow the filters to see them`},"board.closedRecent":`the latest {n} of {total}`,"board.toastNew":`New conflict: {kind} — {customer}`,"board.toastNewMany":{one:`{n} new conflict`,other:`{n} new conflicts`},"board.caughtUp":{one:`Reconnected; caught up on {n} event.`,other:`Reconnected; caught up on {n} events.`},"board.mode.connecting":`Connecting…`,"board.mode.live":`Live`,"board.mode.reconnecting":`Reconnecting…`,"board.mode.polling":`Refreshing every 5 s`,"board.mode.connectingHint":`Opening the live connection to the server.`,"board.mode.liveHint":`Changes arrive as they happen.`,"board.mode.reconnectingHint":`The connection dropped; the board resumes from the last event it saw.`,"board.mode.pollingHint":`The server offers no live feed here; the board asks for changes every 5 seconds.`,"board.parties":`Parties`,"board.alsoCustomer":`Possible duplicate:`,"board.suggested":`Rule suggests`,"board.atStake":`At stake`,"board.detected":`Detected`,"board.acknowledgedBy":`acknowledged by {who}, {at}`,"board.resolution":`Resolution`,"board.deals":`The deals side by side`,"board.prepaid":`Prepaid`,"board.protectedUntil":`Protected until`,"board.share":`Credit share`,"board.compensations":`Compensation`,"board.events":`Events`,"board.decide":`Decide`,"board.acknowledge":`Acknowledge`,"board.resolve":`Resolve`,"board.toDirect":`Transfer to direct sales`,"board.dealer":`Dealer`,"board.compensatedDealer":`Dealer compensated`,"board.suggestedOption":`Suggested: {name}`,"board.defaultOption":`The rule’s choice`,"board.otherDealer":`Another dealer…`,"board.basis":`Compensation as`,"board.compensation":`Amount ({currency})`,"board.policyDefault":`policy default`,"board.note":`Note`,"board.noteRequired":`Reason (required)`,"resolve.err.note":`Say why the conflict is dismissed.`,"resolve.err.dealer":`Choose the new owner.`,"resolve.err.amount":`Enter an amount such as 1250.00.`,"resolve.err.splitSum":`The shares must add up to 100 %.`,"resolve.err.splitTwo":`Give a share to at least two deals.`,"resolve.err.share":`Enter each share as a percentage such as 50.`,"kind.DUPLICATE_REGISTRATION":`Duplicate registration`,"kind.DIRECT_BYPASS":`Direct bypass`,"kind.SMALL_DIRECT_ORDER":`Small direct order`,"kind.OWNERSHIP_CLAIM":`Ownership claim`,"kind.OUT_OF_TERRITORY":`Out of territory`,"kind.PRICE_BELOW_FLOOR":`Price below floor`,"kind.PRICE_MISMATCH":`Price mismatch`,"kind.DUPLICATE_CUSTOMER":`Duplicate customer`,"severity.LOW":`Low`,"severity.MEDIUM":`Medium`,"severity.HIGH":`High`,"severity.CRITICAL":`Critical`,"status.OPEN":`Open`,"status.ACKNOWLEDGED":`Acknowledged`,"status.RESOLVED":`Resolved`,"status.DISMISSED":`Dismissed`,"resolution.AWARD_DEALER":`Award the dealer`,"resolution.AWARD_DIRECT":`Award direct sales`,"resolution.SPLIT":`Split the credit`,"resolution.ROUTE_TO_DEALER":`Route to a dealer`,"resolution.TRANSFER_CUSTOMER":`Transfer the customer`,"resolution.DISMISS":`Dismiss`,"resolution.AUTO":`Closed by the rules`,"resolutionHint.AWARD_DEALER":`The dealer’s deal keeps the business; the competing open deals are cancelled.`,"resolutionHint.AWARD_DIRECT":`The direct deal keeps it; the dealer’s competing deals are cancelled and the dealer is compensated.`,"resolutionHint.SPLIT":`The credit is shared between the deals; the deals stay.`,"resolutionHint.ROUTE_TO_DEALER":`The direct order is cancelled and the dealer gets the same order.`,"resolutionHint.TRANSFER_CUSTOMER":`The customer changes owner; the change goes into its ownership history.`,"resolutionHint.DISMISS":`Nothing changes; the reason is recorded.`,"basis.AGENT_COMMISSION":`Agent commission`,"basis.DISCOUNT_ON_GOODS":`Discount on goods`,"basis.CASH":`Cash`,"event.OPENED":`Opened`,"event.UPDATED":`Updated`,"event.RESOLVED":`Closed`,"event.REOPENED":`Reopened`},{"board.title":`Доска конфликтов`,"board.col.OPEN":`Открытые`,"board.col.ACKNOWLEDGED":`Принятые к сведению`,"board.col.CLOSED":`Недавно закрытые`,"board.filter.kind":`Тип`,"board.filter.severity":`Важность`,"board.filter.age":`Обнаружен`,"board.age.any":`Когда угодно`,"board.age.day":`За 24 часа`,"board.age.week":`За 7 дней`,"board.age.month":`За 30 дней`,"board.liveOfKind":`Открытые и принятые конфликты этого типа; нажмите, чтобы отфильтровать`,"board.empty":`Конфликтов нет`,"board.emptyFiltered":`Нет конфликтов по этим фильтрам`,"board.emptyBody":`Новые конфликты появятся здесь, как только их найдут правила.`,"board.error":`Не удалось загрузить доску`,"board.detailError":`Не удалось загрузить конфликт`,"board.notFound":`Такого конфликта нет.`,"board.more":{one:`ещё {n}; уточните фильтры`,few:`ещё {n}; уточните фильтры`,many:`ещё {n}; уточните фильтры`,other:`ещё {n}; уточните фильтры`},"board.closedRecent":`последние {n} из {total}`,"board.toastNew":`Новый конфликт: {kind} — {customer}`,"board.toastNewMany":{one:`{n} новый конфликт`,few:`{n} новых конфликта`,many:`{n} новых конфликтов`,other:`{n} нового конфликта`},"board.caughtUp":{one:`Связь восстановлена; получено {n} пропущенное событие.`,few:`Связь восстановлена; получено {n} пропущенных события.`,many:`Связь восстановлена; получено {n} пропущенных событий.`,other:`Связь восстановлена; получено {n} пропущенного события.`},"board.mode.connecting":`Подключение…`,"board.mode.live":`В реальном времени`,"board.mode.reconnecting":`Переподключение…`,"board.mode.polling":`Обновление каждые 5 с`,"board.mode.connectingHint":`Открывается постоянное соединение с сервером.`,"board.mode.liveHint":`Изменения приходят сразу.`,"board.mode.reconnectingHint":`Связь прервалась; доска продолжит с последнего полученного события.`,"board.mode.pollingHint":`Сервер здесь не передаёт события; доска запрашивает изменения каждые 5 секунд.`,"board.parties":`Стороны`,"board.alsoCustomer":`Возможный дубликат:`,"board.suggested":`Правило предлагает`,"board.atStake":`На кону`,"board.detected":`Обнаружен`,"board.acknowledgedBy":`принят к сведению: {who}, {at}`,"board.resolution":`Решение`,"board.deals":`Сделки рядом`,"board.prepaid":`Предоплата`,"board.protectedUntil":`Защищена до`,"board.share":`Доля`,"board.compensations":`Компенсация`,"board.events":`События`,"board.decide":`Решение`,"board.acknowledge":`Принять к сведению`,"board.resolve":`Решить`,"board.toDirect":`Передать прямым продажам`,"board.dealer":`Дилер`,"board.compensatedDealer":`Кому компенсация`,"board.suggestedOption":`Предложен: {name}`,"board.defaultOption":`Выбор правила`,"board.otherDealer":`Другой дилер…`,"board.basis":`Форма компенсации`,"board.compensation":`Сумма ({currency})`,"board.policyDefault":`по политике`,"board.note":`Комментарий`,"board.noteRequired":`Причина (обязательно)`,"resolve.err.note":`Укажите, почему конфликт отклонён.`,"resolve.err.dealer":`Выберите нового владельца.`,"resolve.err.amount":`Введите сумму, например 1250,00.`,"resolve.err.splitSum":`Доли должны в сумме давать 100 %.`,"resolve.err.splitTwo":`Укажите доли хотя бы для двух сделок.`,"resolve.err.share":`Укажите каждую долю в процентах, например 50.`,"kind.DUPLICATE_REGISTRATION":`Двойная регистрация`,"kind.DIRECT_BYPASS":`Обход дилера`,"kind.SMALL_DIRECT_ORDER":`Малый прямой заказ`,"kind.OWNERSHIP_CLAIM":`Чужой клиент`,"kind.OUT_OF_TERRITORY":`Вне территории`,"kind.PRICE_BELOW_FLOOR":`Цена ниже минимума`,"kind.PRICE_MISMATCH":`Расхождение цен`,"kind.DUPLICATE_CUSTOMER":`Дубликат клиента`,"severity.LOW":`Низкая`,"severity.MEDIUM":`Средняя`,"severity.HIGH":`Высокая`,"severity.CRITICAL":`Критическая`,"status.OPEN":`Открыт`,"status.ACKNOWLEDGED":`Принят к сведению`,"status.RESOLVED":`Решён`,"status.DISMISSED":`Отклонён`,"resolution.AWARD_DEALER":`В пользу дилера`,"resolution.AWARD_DIRECT":`В пользу прямых продаж`,"resolution.SPLIT":`Разделить`,"resolution.ROUTE_TO_DEALER":`Передать дилеру`,"resolution.TRANSFER_CUSTOMER":`Сменить владельца`,"resolution.DISMISS":`Отклонить`,"resolution.AUTO":`Закрыт правилами`,"resolutionHint.AWARD_DEALER":`Сделка дилера остаётся; конкурирующие открытые сделки отменяются.`,"resolutionHint.AWARD_DIRECT":`Прямая сделка остаётся; конкурирующие сделки дилера отменяются, дилер получает компенсацию.`,"resolutionHint.SPLIT":`Зачёт делится между сделками; сделки остаются.`,"resolutionHint.ROUTE_TO_DEALER":`Прямой заказ отменяется, дилер получает такой же заказ.`,"resolutionHint.TRANSFER_CUSTOMER":`Клиент меняет владельца; смена попадает в историю владения.`,"resolutionHint.DISMISS":`Ничего не меняется; причина сохраняется.`,"basis.AGENT_COMMISSION":`Агентское вознаграждение`,"basis.DISCOUNT_ON_GOODS":`Скидка на товар`,"basis.CASH":`Деньги`,"event.OPENED":`Открыт`,"event.UPDATED":`Обновлён`,"event.RESOLVED":`Закрыт`,"event.REOPENED":`Открыт заново`}),G=U({"dealers.title":`Dealers`,"dealers.count":{one:`{n} dealer`,other:`{n} dealers`},"dealers.search":`Search code or name`,"dealers.col.code":`Code`,"dealers.col.name":`Name`,"dealers.col.kind":`Kind`,"dealers.col.status":`Status`,"dealers.col.tier":`Tier`,"dealers.col.customers":`Customers`,"dealers.col.plan":`Plan {year}`,"dealers.col.actual":`Actual`,"dealers.col.attainment":`Attainment`,"dealers.col.credit":`Credit limit`,"dealers.col.conflicts":`Conflicts`,"dealers.noPlan":`no plan`,"dealers.empty":`No dealers match`,"dealers.error":`Could not load dealers`,"dealers.detailError":`Could not load the dealer`,"dealers.notFound":`This dealer does not exist.`,"dealers.tierN":`tier {n}`,"dealers.homeRegion":`Home region`,"dealers.contract":`Contract`,"dealers.openEnded":`open-ended`,"dealers.contact":`Contact`,"dealers.parent":`Buys through`,"dealers.subDealers":`Sub-dealers`,"dealers.openConflicts":{one:`{n} open conflict`,other:`{n} open conflicts`},"dealers.planTitle":`Plan and actual {year}`,"dealers.noPlanYear":`No plan is set for {year}.`,"dealers.prevYear":`{year}: plan {plan}, actual {actual} ({pct} %).`,"dealers.chartLabel":`Won volume to date by month against the plan’s even pace`,"dealers.territories":`Territories`,"dealers.noTerritories":`No territory assignments.`,"dealerKind.DISTRIBUTOR":`Distributor`,"dealerKind.DEALER":`Dealer`,"dealerKind.SUBDEALER":`Sub-dealer`,"dealerStatus.ACTIVE":`Active`,"dealerStatus.SUSPENDED":`Suspended`,"dealerStatus.TERMINATED":`Terminated`},{"dealers.title":`Дилеры`,"dealers.count":{one:`{n} дилер`,few:`{n} дилера`,many:`{n} дилеров`,other:`{n} дилера`},"dealers.search":`Поиск по коду или названию`,"dealers.col.code":`Код`,"dealers.col.name":`Название`,"dealers.col.kind":`Тип`,"dealers.col.status":`Статус`,"dealers.col.tier":`Уровень`,"dealers.col.customers":`Клиенты`,"dealers.col.plan":`План {year}`,"dealers.col.actual":`Факт`,"dealers.col.attainment":`Выполнение`,"dealers.col.credit":`Кредитный лимит`,"dealers.col.conflicts":`Конфликты`,"dealers.noPlan":`нет плана`,"dealers.empty":`Нет подходящих дилеров`,"dealers.error":`Не удалось загрузить дилеров`,"dealers.detailError":`Не удалось загрузить дилера`,"dealers.notFound":`Такого дилера нет.`,"dealers.tierN":`уровень {n}`,"dealers.homeRegion":`Домашний регион`,"dealers.contract":`Договор`,"dealers.openEnded":`бессрочно`,"dealers.contact":`Контакт`,"dealers.parent":`Закупает через`,"dealers.subDealers":`Субдилеры`,"dealers.openConflicts":{one:`{n} открытый конфликт`,few:`{n} открытых конфликта`,many:`{n} открытых конфликтов`,other:`{n} открытого конфликта`},"dealers.planTitle":`План и факт {year}`,"dealers.noPlanYear":`План на {year} не задан.`,"dealers.prevYear":`{year}: план {plan}, факт {actual} ({pct} %).`,"dealers.chartLabel":`Выигранный объём нарастающим итогом по месяцам против равномерного темпа плана`,"dealers.territories":`Территории`,"dealers.noTerritories":`Территории не назначены.`,"dealerKind.DISTRIBUTOR":`Дистрибьютор`,"dealerKind.DEALER":`Дилер`,"dealerKind.SUBDEALER":`Субдилер`,"dealerStatus.ACTIVE":`Активен`,"dealerStatus.SUSPENDED":`Приостановлен`,"dealerStatus.TERMINATED":`Расторгнут`}),K=U({"form.cancel":`Cancel`,"deals.title":`Deals`,"deals.inbox":`Registration inbox`,"deals.all":`All deals`,"deals.count":{one:`{n} deal`,other:`{n} deals`},"deals.col.registered":`Registered`,"deals.col.customer":`Customer`,"deals.col.channel":`Channel`,"deals.col.productLine":`Product line`,"deals.col.quantity":`Qty`,"deals.col.unitPrice":`Unit price`,"deals.col.amount":`Amount`,"deals.col.stage":`Stage`,"deals.col.expectedClose":`Expected close`,"deals.col.decision":`Decision`,"deals.filter.stage":`Stage`,"deals.filter.channel":`Channel`,"deals.filter.productLine":`Product line`,"deals.filter.any":`Any`,"deals.approve":`Approve`,"deals.reject":`Reject`,"deals.approved":`Approved the registration for {customer}.`,"deals.rejected":`Rejected the registration for {customer}.`,"deals.rejectTitle":`Reject the registration`,"deals.rejectReason":`Reason (the dealer sees it)`,"deals.rejectReasonRequired":`Say why the registration is rejected.`,"deals.inboxEmpty":`The inbox is empty`,"deals.inboxEmptyBody":`Every registration has been decided.`,"deals.empty":`No deals match`,"deals.error":`Could not load deals`,"deals.register":`Register a deal`,"deals.registeredPending":`Registered a deal for {customer}; it waits for approval in the inbox.`,"deals.registeredOk":`Registered a deal for {customer}.`,"deals.keys":`j/k or ↑/↓ move · Enter opens the customer`,"dealForm.title":`Register a deal`,"dealForm.customer":`Customer`,"dealForm.customerSearch":`Find a customer by name or tax id`,"dealForm.customerNone":`No customer matches`,"dealForm.channel":`Channel`,"dealForm.productLine":`Product line`,"dealForm.choose":`Choose…`,"dealForm.quantity":`Quantity`,"dealForm.unitPrice":`Unit price`,"dealForm.currency":`Currency`,"dealForm.expectedClose":`Expected close`,"dealForm.amount":`Amount`,"dealForm.submit":`Register`,"dealForm.err.customer":`Choose the customer.`,"dealForm.err.dealer":`Choose the dealer.`,"dealForm.err.productLine":`Choose the product line.`,"dealForm.err.quantity":`Enter a whole number of units.`,"dealForm.err.priceEmpty":`Enter the unit price.`,"dealForm.err.priceFormat":`Enter a price such as 1234.50.`,"dealForm.err.pricePrecision":`Too many decimals for this currency.`,"dealForm.err.priceNegative":`A price cannot be negative.`,"dealForm.err.tooLarge":`The amount is too large.`},{"form.cancel":`Отмена`,"deals.title":`Сделки`,"deals.inbox":`Входящие регистрации`,"deals.all":`Все сделки`,"deals.count":{one:`{n} сделка`,few:`{n} сделки`,many:`{n} сделок`,other:`{n} сделки`},"deals.col.registered":`Зарегистрирована`,"deals.col.customer":`Клиент`,"deals.col.channel":`Канал`,"deals.col.productLine":`Линейка`,"deals.col.quantity":`Кол-во`,"deals.col.unitPrice":`Цена за ед.`,"deals.col.amount":`Сумма`,"deals.col.stage":`Стадия`,"deals.col.expectedClose":`Ожид. закрытие`,"deals.col.decision":`Решение`,"deals.filter.stage":`Стадия`,"deals.filter.channel":`Канал`,"deals.filter.productLine":`Линейка`,"deals.filter.any":`Любой`,"deals.approve":`Одобрить`,"deals.reject":`Отклонить`,"deals.approved":`Регистрация для «{customer}» одобрена.`,"deals.rejected":`Регистрация для «{customer}» отклонена.`,"deals.rejectTitle":`Отклонить регистрацию`,"deals.rejectReason":`Причина (её увидит дилер)`,"deals.rejectReasonRequired":`Укажите причину отказа.`,"deals.inboxEmpty":`Входящих нет`,"deals.inboxEmptyBody":`По всем регистрациям принято решение.`,"deals.empty":`Нет подходящих сделок`,"deals.error":`Не удалось загрузить сделки`,"deals.register":`Зарегистрировать сделку`,"deals.registeredPending":`Сделка для «{customer}» зарегистрирована и ждёт одобрения во входящих.`,"deals.registeredOk":`Сделка для «{customer}» зарегистрирована.`,"deals.keys":`j/k или ↑/↓ — выбор · Enter — открыть клиента`,"dealForm.title":`Регистрация сделки`,"dealForm.customer":`Клиент`,"dealForm.customerSearch":`Найти клиента по названию или ИНН`,"dealForm.customerNone":`Клиент не найден`,"dealForm.channel":`Канал`,"dealForm.productLine":`Линейка`,"dealForm.choose":`Выберите…`,"dealForm.quantity":`Количество`,"dealForm.unitPrice":`Цена за единицу`,"dealForm.currency":`Валюта`,"dealForm.expectedClose":`Ожидаемое закрытие`,"dealForm.amount":`Сумма`,"dealForm.submit":`Зарегистрировать`,"dealForm.err.customer":`Выберите клиента.`,"dealForm.err.dealer":`Выберите дилера.`,"dealForm.err.productLine":`Выберите линейку.`,"dealForm.err.quantity":`Введите целое число единиц.`,"dealForm.err.priceEmpty":`Введите цену за единицу.`,"dealForm.err.priceFormat":`Введите цену, например 1234,50.`,"dealForm.err.pricePrecision":`Слишком много знаков после запятой для этой валюты.`,"dealForm.err.priceNegative":`Цена не может быть отрицательной.`,"dealForm.err.tooLarge":`Слишком большая сумма.`}),q=U({"palette.title":`Go to`,"palette.hint":`Ctrl+K to jump anywhere`,"palette.placeholder":`Customer, dealer or conflict…`,"palette.screens":`Screens`,"palette.customers":`Customers`,"palette.conflicts":`Live conflicts`,"palette.dealers":`Dealers`,"palette.none":`Nothing matches`,"palette.searching":`Searching…`,"palette.keys":`↑/↓ choose · Enter go · Esc close`},{"palette.title":`Перейти`,"palette.hint":`Ctrl+K — быстрый переход`,"palette.placeholder":`Клиент, дилер или конфликт…`,"palette.screens":`Разделы`,"palette.customers":`Клиенты`,"palette.conflicts":`Активные конфликты`,"palette.dealers":`Дилеры`,"palette.none":`Ничего не найдено`,"palette.searching":`Поиск…`,"palette.keys":`↑/↓ — выбор · Enter — перейти · Esc — закрыть`}),fe=U({"policy.title":`Commercial policy`,"policy.updated":`updated {at}`,"policy.edit":`Edit`,"policy.save":`Save policy`,"policy.saved":`The {year} policy is saved.`,"policy.error":`Could not load the policy`,"policy.none":`No policy is set for {year}`,"policy.threshold":`Direct-sale threshold`,"policy.protectionDays":`Registration protection`,"policy.days":{one:`{n} day`,other:`{n} days`},"policy.daysUnit":`days`,"policy.approval":`Registrations need approval`,"policy.yes":`Yes`,"policy.no":`No`,"policy.tolerance":`Price mismatch tolerance`,"policy.marketing":`Marketing budget (of planned volume)`,"policy.manufacturerShare":`Manufacturer’s share of marketing`,"policy.compensation":`Default compensation`,"policy.deviation":`Plan deviation margin`,"policy.floors":`Price floors (minimum unit price)`,"policy.noFloor":`no floor`,"policy.tiers":`Bonus tiers`,"policy.tierFrom":`From attainment`,"policy.tierBonus":`Bonus of actual volume`,"policy.addTier":`Add a tier`,"policy.removeTier":`Remove`,"policy.err.money":`Enter an amount such as 10000.00.`,"policy.err.pct":`Enter a percentage such as 1.5.`,"policy.err.days":`Enter a whole number of days.`,"policy.err.order":`Each tier needs more attainment than the one before.`},{"policy.title":`Коммерческая политика`,"policy.updated":`обновлена {at}`,"policy.edit":`Изменить`,"policy.save":`Сохранить политику`,"policy.saved":`Политика на {year} год сохранена.`,"policy.error":`Не удалось загрузить политику`,"policy.none":`Политика на {year} год не задана`,"policy.threshold":`Порог прямой продажи`,"policy.protectionDays":`Защита регистрации`,"policy.days":{one:`{n} день`,few:`{n} дня`,many:`{n} дней`,other:`{n} дня`},"policy.daysUnit":`дн.`,"policy.approval":`Регистрации требуют одобрения`,"policy.yes":`Да`,"policy.no":`Нет`,"policy.tolerance":`Допустимое расхождение цен`,"policy.marketing":`Маркетинговый бюджет (от плана)`,"policy.manufacturerShare":`Доля производителя в маркетинге`,"policy.compensation":`Компенсация по умолчанию`,"policy.deviation":`Допустимое отставание от плана`,"policy.floors":`Минимальные цены (за единицу)`,"policy.noFloor":`нет минимума`,"policy.tiers":`Бонусные уровни`,"policy.tierFrom":`От выполнения`,"policy.tierBonus":`Бонус от факта`,"policy.addTier":`Добавить уровень`,"policy.removeTier":`Удалить`,"policy.err.money":`Введите сумму, например 10000,00.`,"policy.err.pct":`Введите процент, например 1,5.`,"policy.err.days":`Введите целое число дней.`,"policy.err.order":`Каждый уровень должен требовать большего выполнения, чем предыдущий.`}),pe=U({"territories.title":`Territories`,"territories.region":`Region`,"territories.coveredBy":`Assigned here`,"territories.state":`Coverage`,"territories.scope":`Segments · product lines`,"territories.valid":`Valid`,"territories.from":`Assigned on`,"territories.here":`this region`,"territories.exclusive":`exclusive`,"territories.allSegments":`All segments`,"territories.allLines":`All product lines`,"territories.problemsOnly":`Only gaps and overlaps`,"territories.gaps":{one:`{n} gap`,other:`{n} gaps`},"territories.overlaps":{one:`{n} exclusive overlap`,other:`{n} exclusive overlaps`},"territories.inherited":{one:`+{n} from above`,other:`+{n} from above`},"territories.state.covered":`Covered`,"territories.state.partial":`Below only`,"territories.state.gap":`Gap`,"territories.state.overlap":`Overlap`,"territories.overlapText":`{a} and {b} both hold an exclusive assignment here for the same segments and product lines.`,"territories.gapText":`No active assignment covers this region for the chosen scope: its customers belong to no dealer’s territory.`,"territories.partialText":`Nobody is assigned to the region as a whole; some regions below it are covered.`,"territories.noProblems":`No gaps and no overlapping exclusive assignments`,"territories.noRegions":`There are no regions yet.`,"territories.error":`Could not load the territories`},{"territories.title":`Территории`,"territories.region":`Регион`,"territories.coveredBy":`Назначены здесь`,"territories.state":`Покрытие`,"territories.scope":`Сегменты · линейки`,"territories.valid":`Действует`,"territories.from":`Назначено на`,"territories.here":`этот регион`,"territories.exclusive":`эксклюзив`,"territories.allSegments":`Все сегменты`,"territories.allLines":`Все линейки`,"territories.problemsOnly":`Только пробелы и пересечения`,"territories.gaps":{one:`{n} пробел`,few:`{n} пробела`,many:`{n} пробелов`,other:`{n} пробела`},"territories.overlaps":{one:`{n} пересечение эксклюзивов`,few:`{n} пересечения эксклюзивов`,many:`{n} пересечений эксклюзивов`,other:`{n} пересечения эксклюзивов`},"territories.inherited":{one:`+{n} сверху`,other:`+{n} сверху`},"territories.state.covered":`Покрыт`,"territories.state.partial":`Только ниже`,"territories.state.gap":`Пробел`,"territories.state.overlap":`Пересечение`,"territories.overlapText":`У {a} и {b} здесь эксклюзивные назначения на одни и те же сегменты и линейки.`,"territories.gapText":`Ни одно действующее назначение не покрывает этот регион в выбранном срезе: его клиенты не входят ни в чью территорию.`,"territories.partialText":`На регион целиком никто не назначен; часть регионов ниже покрыта.`,"territories.noProblems":`Нет ни пробелов, ни пересечений эксклюзивов`,"territories.noRegions":`Регионов пока нет.`,"territories.error":`Не удалось загрузить территории`}),me=[q,W,K,G,pe,fe],he={en:{...q.en,...W.en,...K.en,...G.en,...pe.en,...fe.en},ru:Object.assign({},...me.map(e=>e.ru))},J=[`en`,`ru`],Y={"app.name":`Channelboard`,"app.tagline":`Who owns each customer`,"nav.board":`Board`,"nav.customers":`Customers`,"nav.territories":`Territories`,"nav.dealers":`Dealers`,"nav.deals":`Deals`,"nav.policy":`Policy`,"nav.console":`Console`,"nav.label":`Main navigation`,"theme.toLight":`Switch to light theme`,"theme.toDark":`Switch to dark theme`,"lang.label":`Language`,"soon.title":`{screen} is coming soon`,"soon.body":`This screen is part of the next release. The Customers screen works today.`,"soon.open":`Open Customers`,"notFound.title":`Nothing here`,"notFound.body":`The address {path} does not match any screen.`,"customers.title":`Customers`,"customers.count":{one:`{n} customer`,other:`{n} customers`},"customers.loadedOf":`{loaded} of {total} loaded`,"customers.search":`Search name or tax id`,"customers.searchHint":`Press / to search`,"customers.filter.owner":`Owner`,"customers.filter.ownerAll":`All owners`,"customers.filter.ownerAnyDealer":`Any dealer`,"customers.filter.ownerDirect":`Direct sales`,"customers.filter.ownerUnassigned":`Unassigned`,"customers.filter.ownerDealer":`A dealer…`,"customers.filter.dealer":`Dealer`,"customers.filter.dealerSearch":`Find a dealer`,"customers.filter.dealerNone":`No dealer matches`,"customers.filter.region":`Region`,"customers.filter.regionAll":`All regions`,"customers.filter.clear":`Clear filters`,"customers.col.name":`Name`,"customers.col.taxId":`Tax id`,"customers.col.owner":`Owner`,"customers.col.ownerSince":`Owner since`,"customers.col.region":`Region`,"customers.col.segment":`Segment`,"customers.col.size":`Size`,"customers.col.keyAccount":`Key`,"customers.col.deals":`Deals`,"customers.col.created":`Created`,"customers.sortBy":`Sort by {column}`,"customers.keyAccount":`Key account`,"customers.keyAccountNoReason":`Key account (no reason given)`,"customers.empty.title":`No customers match`,"customers.empty.body":`Try a shorter search or clear the filters.`,"customers.empty.none":`There are no customers yet.`,"customers.error.title":`Could not load customers`,"customers.retry":`Try again`,"customers.keys":`j/k or ↑/↓ move · Enter opens · Esc closes`,"detail.close":`Close`,"detail.taxId":`Tax id`,"detail.region":`Region`,"detail.segment":`Segment`,"detail.size":`Size`,"detail.owner":`Owner`,"detail.since":`since {date}`,"detail.keyAccount":`Key account`,"detail.notKeyAccount":`Not a key account`,"detail.history":`Ownership history`,"detail.historyEmpty":`No ownership changes recorded.`,"detail.decidedBy":`decided by {who}`,"detail.deals":`Deals`,"detail.dealsShown":`{shown} of {total}`,"detail.dealsEmpty":`No deals for this customer.`,"detail.deal.stage":`Stage`,"detail.deal.productLine":`Product line`,"detail.deal.amount":`Amount`,"detail.deal.channel":`Channel`,"detail.deal.registered":`Registered`,"detail.notFound":`This customer does not exist or was removed.`,"detail.error":`Could not load the customer`,"detail.none":`—`,"owner.direct":`Direct sales`,"owner.unassigned":`Unassigned`,"owner.unknownDealer":`Unknown dealer`,"how.INITIAL":`Initial owner`,"how.TRANSFER":`Transfer`,"how.CONFLICT_RESOLUTION":`Conflict resolution`,"segment.INDUSTRIAL":`Industrial`,"segment.CONSTRUCTION":`Construction`,"segment.AGRICULTURE":`Agriculture`,"segment.UTILITIES":`Utilities`,"segment.RETAIL":`Retail`,"segment.PUBLIC":`Public`,"size.SMALL":`Small`,"size.MEDIUM":`Medium`,"size.LARGE":`Large`,"size.ENTERPRISE":`Enterprise`,"stage.PENDING_APPROVAL":`Pending approval`,"stage.REGISTERED":`Registered`,"stage.QUOTED":`Quoted`,"stage.WON":`Won`,"stage.LOST":`Lost`,"stage.CANCELLED":`Cancelled`,"channel.DEALER":`Dealer`,"channel.DIRECT":`Direct`,"error.network":`The server did not answer: {message}`,"error.http":`The server answered {status}`,...he.en};Object.keys(Y);var ge={en:Y,ru:{"app.tagline":`Кто владеет каждым клиентом`,"nav.board":`Конфликты`,"nav.customers":`Клиенты`,"nav.territories":`Территории`,"nav.dealers":`Дилеры`,"nav.deals":`Сделки`,"nav.policy":`Политика`,"nav.console":`Консоль`,"nav.label":`Главное меню`,"theme.toLight":`Светлая тема`,"theme.toDark":`Тёмная тема`,"lang.label":`Язык`,"soon.title":`Раздел «{screen}» скоро появится`,"soon.body":`Этот раздел войдёт в следующий выпуск. Раздел «Клиенты» уже работает.`,"soon.open":`Открыть клиентов`,"notFound.title":`Здесь ничего нет`,"notFound.body":`Адрес {path} не соответствует ни одному разделу.`,"customers.title":`Клиенты`,"customers.count":{one:`{n} клиент`,few:`{n} клиента`,many:`{n} клиентов`,other:`{n} клиента`},"customers.loadedOf":`загружено {loaded} из {total}`,"customers.search":`Поиск по названию или ИНН`,"customers.searchHint":`Нажмите / для поиска`,"customers.filter.owner":`Владелец`,"customers.filter.ownerAll":`Все владельцы`,"customers.filter.ownerAnyDealer":`Любой дилер`,"customers.filter.ownerDirect":`Прямые продажи`,"customers.filter.ownerUnassigned":`Не назначен`,"customers.filter.ownerDealer":`Дилер…`,"customers.filter.dealer":`Дилер`,"customers.filter.dealerSearch":`Найти дилера`,"customers.filter.dealerNone":`Дилер не найден`,"customers.filter.region":`Регион`,"customers.filter.regionAll":`Все регионы`,"customers.filter.clear":`Сбросить фильтры`,"customers.col.name":`Название`,"customers.col.taxId":`ИНН`,"customers.col.owner":`Владелец`,"customers.col.ownerSince":`Владеет с`,"customers.col.region":`Регион`,"customers.col.segment":`Сегмент`,"customers.col.size":`Размер`,"customers.col.keyAccount":`Ключ.`,"customers.col.deals":`Сделки`,"customers.col.created":`Создан`,"customers.sortBy":`Сортировать по столбцу «{column}»`,"customers.keyAccount":`Ключевой клиент`,"customers.keyAccountNoReason":`Ключевой клиент (причина не указана)`,"customers.empty.title":`Нет подходящих клиентов`,"customers.empty.body":`Сократите запрос или сбросьте фильтры.`,"customers.empty.none":`Клиентов пока нет.`,"customers.error.title":`Не удалось загрузить клиентов`,"customers.retry":`Повторить`,"customers.keys":`j/k или ↑/↓ — выбор · Enter — открыть · Esc — закрыть`,"detail.close":`Закрыть`,"detail.taxId":`ИНН`,"detail.region":`Регион`,"detail.segment":`Сегмент`,"detail.size":`Размер`,"detail.owner":`Владелец`,"detail.since":`с {date}`,"detail.keyAccount":`Ключевой клиент`,"detail.notKeyAccount":`Не ключевой клиент`,"detail.history":`История владения`,"detail.historyEmpty":`Смен владельца не было.`,"detail.decidedBy":`решение: {who}`,"detail.deals":`Сделки`,"detail.dealsShown":`{shown} из {total}`,"detail.dealsEmpty":`У клиента нет сделок.`,"detail.deal.stage":`Стадия`,"detail.deal.productLine":`Линейка`,"detail.deal.amount":`Сумма`,"detail.deal.channel":`Канал`,"detail.deal.registered":`Зарегистрирована`,"detail.notFound":`Такого клиента нет или он удалён.`,"detail.error":`Не удалось загрузить клиента`,"detail.none":`—`,"owner.direct":`Прямые продажи`,"owner.unassigned":`Не назначен`,"owner.unknownDealer":`Неизвестный дилер`,"how.INITIAL":`Первый владелец`,"how.TRANSFER":`Передача`,"how.CONFLICT_RESOLUTION":`Решение конфликта`,"segment.INDUSTRIAL":`Промышленность`,"segment.CONSTRUCTION":`Строительство`,"segment.AGRICULTURE":`Сельское хозяйство`,"segment.UTILITIES":`ЖКХ и энергетика`,"segment.RETAIL":`Розница`,"segment.PUBLIC":`Госсектор`,"size.SMALL":`Малый`,"size.MEDIUM":`Средний`,"size.LARGE":`Крупный`,"size.ENTERPRISE":`Корпорация`,"stage.PENDING_APPROVAL":`На согласовании`,"stage.REGISTERED":`Зарегистрирована`,"stage.QUOTED":`Предложение`,"stage.WON":`Выиграна`,"stage.LOST":`Проиграна`,"stage.CANCELLED":`Отменена`,"channel.DEALER":`Дилер`,"channel.DIRECT":`Напрямую`,"error.network":`Сервер не ответил: {message}`,"error.http":`Сервер ответил {status}`,...he.ru}};function _e(e,t,n={}){let r=ge[e][t]??Y[t];if(typeof r!=`string`){let t=Number(n.n??0),i=new Intl.PluralRules(e).select(t);r=r[i]??r.other}return r.replace(/\{(\w+)\}/g,(t,r)=>r in n?ve(e,n[r]):t)}function ve(e,t){return typeof t==`number`?new Intl.NumberFormat(e).format(t):t}function ye(e){for(let t of e){let e=t.toLowerCase().split(`-`)[0];if(J.includes(e))return e}return`en`}var be=`channelboard.locale`;function xe(){if(typeof window>`u`)return`en`;let e=window.localStorage.getItem(be);return e&&J.includes(e)?e:ye(navigator.languages??[navigator.language])}var Se=(0,m.createContext)({locale:`en`,t:(e,t)=>_e(`en`,e,t),setLocale:()=>{}});function Ce({children:e}){let[t,n]=(0,m.useState)(xe),r=(0,m.useCallback)(e=>{window.localStorage.setItem(be,e),n(e)},[]),i=(0,m.useMemo)(()=>(document.documentElement.lang=t,{locale:t,setLocale:r,t:(e,n)=>_e(t,e,n)}),[t,r]);return(0,m.createElement)(Se.Provider,{value:i},e)}function we(){return(0,m.useContext)(Se)}var Te=`/graphql`,X=class extends Error{code;field;status;constructor(e,t,n,r){super(e),this.name=`GraphQLRequestError`,this.code=t,this.field=n,this.status=r}};async function Z(e,t,n){let r;try{r=await fetch(Te,{method:`POST`,headers:{"content-type":`application/json`,accept:`application/json`},body:JSON.stringify({query:e.toString(),variables:t}),signal:n})}catch(e){throw n?.aborted?e:new X(String(e.message??e),`NETWORK`)}let i;try{i=await r.json()}catch{i=void 0}let a=i?.errors?.[0];if(a)throw new X(a.message,a.extensions?.code??`INTERNAL`,a.extensions?.field);if(!r.ok||!i?.data)throw new X(`HTTP ${r.status}`,`HTTP`,void 0,r.status);return i.data}function Ee(e,t,n={}){let r=JSON.stringify(t),[i,a]=(0,m.useState)({status:`loading`}),[o,s]=(0,m.useState)(0),c=(0,m.useRef)(t);return c.current=t,(0,m.useEffect)(()=>{if(n.skip)return;let t=new AbortController;return a({status:`loading`}),Z(e,c.current,t.signal).then(e=>a({status:`ok`,data:e}),e=>{t.signal.aborted||a({status:`error`,error:e})}),()=>t.abort()},[e,r,o,n.skip]),{...i,reload:()=>s(e=>e+1)}}var De=new Map;function Oe(e){let t=De.get(e);if(t===void 0){try{t=new Intl.NumberFormat(`en`,{style:`currency`,currency:e}).resolvedOptions().maximumFractionDigits??2}catch{t=2}De.set(e,t)}return t}function ke(e,t){let n=BigInt(e),r=n<0n,i=(r?-n:n).toString().padStart(t+1,`0`),a=t?i.slice(0,i.length-t):i,o=t?`.`+i.slice(i.length-t):``;return(r?`-`:``)+a+o}function Ae(e,t){let n=Oe(e.currency),r=ke(e.minor,n);return new Intl.NumberFormat(t,{style:`currency`,currency:e.currency,minimumFractionDigits:n,maximumFractionDigits:n}).format(r)}function je(e,t){if(!e)return``;let n=new Date(e.length===10?e+`T00:00:00Z`:e);return Number.isNaN(n.getTime())?e:new Intl.DateTimeFormat(t,{year:`numeric`,month:`2-digit`,day:`2-digit`,timeZone:e.length===10?`UTC`:void 0}).format(n)}function Me(e,t){if(!e)return``;let n=new Date(e);return Number.isNaN(n.getTime())?e:new Intl.DateTimeFormat(t,{dateStyle:`medium`,timeStyle:`short`}).format(n)}function Ne(e){switch(e?.toUpperCase()){case`BG`:return`bg`;case`RO`:return`ro`;case`RU`:return`ru`;case`CN`:return`zh-Hans`;default:return}}var Pe=o((e=>{var t=Symbol.for(`react.transitional.element`),n=Symbol.for(`react.fragment`);function r(e,n,r){var i=null;if(r!==void 0&&(i=``+r),n.key!==void 0&&(i=``+n.key),`key`in n)for(var a in r={},n)a!==`key`&&(r[a]=n[a]);else r=n;return n=r.ref,{$$typeof:t,type:e,key:i,ref:n===void 0?null:n,props:r}}e.Fragment=n,e.jsx=r,e.jsxs=r})),Fe=o(((e,t)=>{t.exports=Pe()})),Q=Fe();function Ie({title:e,children:t,icon:n=`∅`}){return(0,Q.jsxs)(`div`,{className:`state`,role:`status`,children:[(0,Q.jsx)(`div`,{className:`state-icon`,"aria-hidden":`true`,children:n}),(0,Q.jsx)(`div`,{className:`state-title`,children:e}),t&&(0,Q.jsx)(`div`,{className:`state-body`,children:t})]})}function Le(){let{t:e}=we();return t=>{if(t instanceof X){if(t.code===`HTTP`)return e(`error.http`,{status:String(t.status??``)});if(t.code===`NETWORK`)return e(`error.network`,{message:t.message})}return t.message}}function Re({title:e,error:t,action:n}){let r=Le();return(0,Q.jsxs)(`div`,{className:`state state-error`,role:`alert`,children:[(0,Q.jsx)(`div`,{className:`state-icon`,"aria-hidden":`true`,children:`!`}),(0,Q.jsx)(`div`,{className:`state-title`,children:e}),(0,Q.jsx)(`div`,{className:`state-body error-message`,children:r(t)}),n]})}var $=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}},ze={"\n  fragment ConflictCard on Conflict {\n    id\n    kind\n    status\n    severity\n    detectedAt\n    updatedAt\n    resolution\n    atStake {\n      minor\n      currency\n    }\n    customer {\n      id\n      name\n      country\n    }\n    parties {\n      direct\n      dealers {\n        id\n        name\n        code\n      }\n    }\n  }\n":new $(`
    fragment ConflictCard on Conflict {
  id
  kind
  status
  severity
  detectedAt
  updatedAt
  resolution
  atStake {
    minor
    currency
  }
  customer {
    id
    name
    country
  }
  parties {
    direct
    dealers {
      id
      name
      code
    }
  }
}
    `,{fragmentName:`ConflictCard`}),"\n  query Board($open: ConflictFilter!, $ack: ConflictFilter!, $closed: ConflictFilter!, $live: ConflictFilter!) {\n    open: conflicts(first: 100, filter: $open, orderBy: { field: DETECTED_AT, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          ...ConflictCard\n        }\n      }\n    }\n    ack: conflicts(first: 100, filter: $ack, orderBy: { field: DETECTED_AT, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          ...ConflictCard\n        }\n      }\n    }\n    closed: conflicts(first: 20, filter: $closed, orderBy: { field: UPDATED_AT, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          ...ConflictCard\n        }\n      }\n    }\n    byKind: conflictStats(groupBy: [KIND], filter: $live) {\n      kind\n      count\n    }\n  }\n":new $(`
    query Board($open: ConflictFilter!, $ack: ConflictFilter!, $closed: ConflictFilter!, $live: ConflictFilter!) {
  open: conflicts(
    first: 100
    filter: $open
    orderBy: {field: DETECTED_AT, direction: DESC}
  ) {
    totalCount
    edges {
      node {
        ...ConflictCard
      }
    }
  }
  ack: conflicts(
    first: 100
    filter: $ack
    orderBy: {field: DETECTED_AT, direction: DESC}
  ) {
    totalCount
    edges {
      node {
        ...ConflictCard
      }
    }
  }
  closed: conflicts(
    first: 20
    filter: $closed
    orderBy: {field: UPDATED_AT, direction: DESC}
  ) {
    totalCount
    edges {
      node {
        ...ConflictCard
      }
    }
  }
  byKind: conflictStats(groupBy: [KIND], filter: $live) {
    kind
    count
  }
}
    fragment ConflictCard on Conflict {
  id
  kind
  status
  severity
  detectedAt
  updatedAt
  resolution
  atStake {
    minor
    currency
  }
  customer {
    id
    name
    country
  }
  parties {
    direct
    dealers {
      id
      name
      code
    }
  }
}`),"\n  query BoardOptions {\n    regions {\n      id\n      name\n      depth\n    }\n  }\n":new $(`
    query BoardOptions {
  regions {
    id
    name
    depth
  }
}
    `),"\n  query ConflictDetail($id: ID!, $lang: String!) {\n    conflict(id: $id) {\n      ...ConflictCard\n      acknowledgedAt\n      acknowledgedBy\n      closedAt\n      closedBy\n      resolutionNote\n      suggestedDealer {\n        id\n        name\n      }\n      explanation {\n        text(lang: $lang)\n        until\n      }\n      customers {\n        id\n        name\n      }\n      customer {\n        id\n        name\n        keyAccount\n        owner {\n          kind\n          since\n          dealer {\n            id\n            name\n          }\n        }\n        ownershipHistory {\n          id\n          fromKind\n          fromDealer {\n            id\n            name\n          }\n          toKind\n          toDealer {\n            id\n            name\n          }\n          how\n          reason\n          decidedBy\n          at\n        }\n      }\n      deals {\n        id\n        stage\n        quantity\n        registeredAt\n        protectedUntil\n        unitPrice {\n          minor\n          currency\n        }\n        amount {\n          minor\n          currency\n        }\n        prepaid {\n          minor\n          currency\n        }\n        productLine {\n          id\n          name\n        }\n        channel {\n          kind\n          dealer {\n            id\n            name\n          }\n        }\n      }\n      compensations {\n        basis\n        amount {\n          minor\n          currency\n        }\n        dealer {\n          id\n          name\n        }\n      }\n      splits {\n        sharePct\n        deal {\n          id\n        }\n      }\n      events {\n        cursor\n        type\n        at\n        reason\n      }\n    }\n  }\n":new $(`
    query ConflictDetail($id: ID!, $lang: String!) {
  conflict(id: $id) {
    ...ConflictCard
    acknowledgedAt
    acknowledgedBy
    closedAt
    closedBy
    resolutionNote
    suggestedDealer {
      id
      name
    }
    explanation {
      text(lang: $lang)
      until
    }
    customers {
      id
      name
    }
    customer {
      id
      name
      keyAccount
      owner {
        kind
        since
        dealer {
          id
          name
        }
      }
      ownershipHistory {
        id
        fromKind
        fromDealer {
          id
          name
        }
        toKind
        toDealer {
          id
          name
        }
        how
        reason
        decidedBy
        at
      }
    }
    deals {
      id
      stage
      quantity
      registeredAt
      protectedUntil
      unitPrice {
        minor
        currency
      }
      amount {
        minor
        currency
      }
      prepaid {
        minor
        currency
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
        }
      }
    }
    compensations {
      basis
      amount {
        minor
        currency
      }
      dealer {
        id
        name
      }
    }
    splits {
      sharePct
      deal {
        id
      }
    }
    events {
      cursor
      type
      at
      reason
    }
  }
}
    fragment ConflictCard on Conflict {
  id
  kind
  status
  severity
  detectedAt
  updatedAt
  resolution
  atStake {
    minor
    currency
  }
  customer {
    id
    name
    country
  }
  parties {
    direct
    dealers {
      id
      name
      code
    }
  }
}`),"\n  mutation AcknowledgeConflict($id: ID!) {\n    acknowledgeConflict(input: { id: $id }) {\n      conflict {\n        id\n        status\n        updatedAt\n      }\n    }\n  }\n":new $(`
    mutation AcknowledgeConflict($id: ID!) {
  acknowledgeConflict(input: {id: $id}) {
    conflict {
      id
      status
      updatedAt
    }
  }
}
    `),"\n  mutation ResolveConflict($input: ResolveConflictInput!) {\n    resolveConflict(input: $input) {\n      conflict {\n        id\n        status\n        resolution\n        updatedAt\n      }\n      cancelledDeals {\n        id\n      }\n    }\n  }\n":new $(`
    mutation ResolveConflict($input: ResolveConflictInput!) {
  resolveConflict(input: $input) {
    conflict {
      id
      status
      resolution
      updatedAt
    }
    cancelledDeals {
      id
    }
  }
}
    `),"\n  subscription ConflictEvents($after: String) {\n    conflictEvents(after: $after) {\n      cursor\n      type\n      conflict {\n        id\n      }\n    }\n  }\n":new $(`
    subscription ConflictEvents($after: String) {
  conflictEvents(after: $after) {
    cursor
    type
    conflict {
      id
    }
  }
}
    `),"\n  query Customers($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {\n    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          taxId\n          country\n          segment\n          size\n          keyAccount\n          keyAccountReason\n          dealCount\n          createdAt\n          region {\n            id\n            name\n            path\n          }\n          owner {\n            kind\n            since\n            dealer {\n              id\n              name\n              code\n            }\n          }\n        }\n      }\n    }\n  }\n":new $(`
    query Customers($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {
  customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        name
        taxId
        country
        segment
        size
        keyAccount
        keyAccountReason
        dealCount
        createdAt
        region {
          id
          name
          path
        }
        owner {
          kind
          since
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
    `),"\n  query CustomerFilterOptions {\n    regions {\n      id\n      name\n      path\n      depth\n      country\n    }\n  }\n":new $(`
    query CustomerFilterOptions {
  regions {
    id
    name
    path
    depth
    country
  }
}
    `),"\n  query DealerSearch($search: String) {\n    dealers(first: 20, filter: { search: $search }, orderBy: { field: NAME }) {\n      totalCount\n      edges {\n        node {\n          id\n          code\n          name\n          kind\n        }\n      }\n    }\n  }\n":new $(`
    query DealerSearch($search: String) {
  dealers(first: 20, filter: {search: $search}, orderBy: {field: NAME}) {
    totalCount
    edges {
      node {
        id
        code
        name
        kind
      }
    }
  }
}
    `),"\n  query CustomerDetail($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      taxId\n      country\n      segment\n      size\n      keyAccount\n      keyAccountReason\n      dealCount\n      openDealCount\n      region {\n        id\n        name\n        path\n      }\n      owner {\n        kind\n        since\n        dealer {\n          id\n          name\n          code\n        }\n      }\n      ownershipHistory {\n        id\n        fromKind\n        fromDealer {\n          id\n          name\n        }\n        toKind\n        toDealer {\n          id\n          name\n        }\n        how\n        reason\n        decidedBy\n        at\n      }\n      deals(first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            stage\n            registeredAt\n            productLine {\n              id\n              name\n            }\n            amount {\n              minor\n              currency\n            }\n            channel {\n              kind\n              dealer {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n":new $(`
    query CustomerDetail($id: ID!) {
  customer(id: $id) {
    id
    name
    taxId
    country
    segment
    size
    keyAccount
    keyAccountReason
    dealCount
    openDealCount
    region {
      id
      name
      path
    }
    owner {
      kind
      since
      dealer {
        id
        name
        code
      }
    }
    ownershipHistory {
      id
      fromKind
      fromDealer {
        id
        name
      }
      toKind
      toDealer {
        id
        name
      }
      how
      reason
      decidedBy
      at
    }
    deals(first: 20) {
      totalCount
      edges {
        node {
          id
          stage
          registeredAt
          productLine {
            id
            name
          }
          amount {
            minor
            currency
          }
          channel {
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
}
    `),"\n  query Dealers($first: Int!, $after: String, $filter: DealerFilter, $orderBy: DealerOrder, $year: Int!) {\n    dealers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          code\n          name\n          kind\n          status\n          tier\n          customerCount\n          openConflictCount\n          homeRegion {\n            id\n            name\n            country\n          }\n          creditLimit {\n            minor\n            currency\n          }\n          plan(year: $year) {\n            attainmentPct\n            plannedVolume {\n              minor\n              currency\n            }\n            actual {\n              minor\n              currency\n            }\n          }\n        }\n      }\n    }\n  }\n":new $(`
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
    `),"\n  query DealerDetail($id: ID!, $year: Int!, $prevYear: Int!) {\n    dealer(id: $id) {\n      id\n      code\n      name\n      kind\n      status\n      tier\n      contractStart\n      contractEnd\n      customerCount\n      openConflictCount\n      homeRegion {\n        id\n        name\n        path\n        country\n      }\n      creditLimit {\n        minor\n        currency\n      }\n      contact {\n        name\n        email\n        phone\n      }\n      parent {\n        id\n        code\n        name\n      }\n      subDealers {\n        id\n        code\n        name\n        status\n      }\n      territories {\n        id\n        exclusive\n        active\n        validFrom\n        validTo\n        segments\n        region {\n          id\n          name\n          path\n        }\n        productLines {\n          id\n          name\n        }\n      }\n      plan(year: $year) {\n        attainmentPct\n        prepaymentPct\n        plannedVolume {\n          minor\n          currency\n        }\n        actual {\n          minor\n          currency\n        }\n      }\n      prevPlan: plan(year: $prevYear) {\n        attainmentPct\n        plannedVolume {\n          minor\n          currency\n        }\n        actual {\n          minor\n          currency\n        }\n      }\n      won: deals(first: 200, filter: { stages: [WON] }, orderBy: { field: REGISTERED_AT, direction: DESC }) {\n        totalCount\n        edges {\n          node {\n            id\n            closedAt\n            amount {\n              minor\n              currency\n            }\n          }\n        }\n      }\n    }\n  }\n":new $(`
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
    won: deals(
      first: 200
      filter: {stages: [WON]}
      orderBy: {field: REGISTERED_AT, direction: DESC}
    ) {
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
    `),"\n  query Deals($first: Int!, $after: String, $filter: DealFilter, $orderBy: DealOrder) {\n    deals(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          stage\n          quantity\n          registeredAt\n          expectedClose\n          protectedUntil\n          closeReason\n          unitPrice {\n            minor\n            currency\n          }\n          amount {\n            minor\n            currency\n          }\n          customer {\n            id\n            name\n            country\n          }\n          productLine {\n            id\n            name\n          }\n          channel {\n            kind\n            dealer {\n              id\n              name\n              code\n            }\n          }\n        }\n      }\n    }\n  }\n":new $(`
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
    `),"\n  query DealOptions($year: Int!) {\n    productLines {\n      id\n      code\n      name\n    }\n    policy(year: $year) {\n      year\n      currency\n      registrationRequiresApproval\n    }\n  }\n":new $(`
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
    `),"\n  query CustomerPick($search: String) {\n    customers(first: 20, filter: { search: $search }, orderBy: { field: NAME }) {\n      edges {\n        node {\n          id\n          name\n          country\n          taxId\n          owner {\n            kind\n            dealer {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n":new $(`
    query CustomerPick($search: String) {
  customers(first: 20, filter: {search: $search}, orderBy: {field: NAME}) {
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
    `),"\n  mutation ApproveDeal($id: ID!) {\n    approveDeal(input: { id: $id }) {\n      deal {\n        id\n        stage\n      }\n    }\n  }\n":new $(`
    mutation ApproveDeal($id: ID!) {
  approveDeal(input: {id: $id}) {
    deal {
      id
      stage
    }
  }
}
    `),"\n  mutation RejectDeal($id: ID!, $reason: String!) {\n    rejectDeal(input: { id: $id, reason: $reason }) {\n      deal {\n        id\n        stage\n        closeReason\n      }\n    }\n  }\n":new $(`
    mutation RejectDeal($id: ID!, $reason: String!) {
  rejectDeal(input: {id: $id, reason: $reason}) {
    deal {
      id
      stage
      closeReason
    }
  }
}
    `),"\n  mutation RegisterDeal($input: RegisterDealInput!) {\n    registerDeal(input: $input) {\n      deal {\n        id\n        stage\n        amount {\n          minor\n          currency\n        }\n      }\n    }\n  }\n":new $(`
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
    `),"\n  query Policies {\n    policies {\n      id\n      year\n      currency\n      directSaleThreshold {\n        minor\n        currency\n      }\n      registrationProtectionDays\n      registrationRequiresApproval\n      priceMismatchTolerancePct\n      marketingBudgetPct\n      manufacturerSharePct\n      defaultCompensationPct\n      planDeviationMarginPct\n      priceFloors {\n        productLine {\n          id\n          name\n        }\n        minUnitPrice {\n          minor\n          currency\n        }\n      }\n      bonusTiers {\n        minAttainmentPct\n        bonusPct\n      }\n      updatedAt\n    }\n    productLines {\n      id\n      name\n    }\n  }\n":new $(`
    query Policies {
  policies {
    id
    year
    currency
    directSaleThreshold {
      minor
      currency
    }
    registrationProtectionDays
    registrationRequiresApproval
    priceMismatchTolerancePct
    marketingBudgetPct
    manufacturerSharePct
    defaultCompensationPct
    planDeviationMarginPct
    priceFloors {
      productLine {
        id
        name
      }
      minUnitPrice {
        minor
        currency
      }
    }
    bonusTiers {
      minAttainmentPct
      bonusPct
    }
    updatedAt
  }
  productLines {
    id
    name
  }
}
    `),"\n  mutation SetPolicy($input: SetPolicyInput!) {\n    setPolicy(input: $input) {\n      policy {\n        id\n        year\n        updatedAt\n      }\n    }\n  }\n":new $(`
    mutation SetPolicy($input: SetPolicyInput!) {
  setPolicy(input: $input) {
    policy {
      id
      year
      updatedAt
    }
  }
}
    `),"\n  query TerritoryRegions {\n    regions {\n      id\n      path\n      name\n      depth\n      country\n    }\n    productLines {\n      id\n      name\n    }\n  }\n":new $(`
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
    `),"\n  query Assignments($after: String) {\n    territoryAssignments(first: 200, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          exclusive\n          active\n          validFrom\n          validTo\n          segments\n          dealer {\n            id\n            name\n            code\n          }\n          region {\n            id\n            path\n            name\n          }\n          productLines {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n":new $(`
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
    `),"\n  query Palette($search: String!) {\n    customers(first: 6, filter: { search: $search }, orderBy: { field: NAME }) {\n      edges {\n        node {\n          id\n          name\n          country\n          conflicts(statuses: [OPEN, ACKNOWLEDGED]) {\n            id\n            kind\n            severity\n          }\n        }\n      }\n    }\n    dealers(first: 6, filter: { search: $search }, orderBy: { field: NAME }) {\n      edges {\n        node {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n":new $(`
    query Palette($search: String!) {
  customers(first: 6, filter: {search: $search}, orderBy: {field: NAME}) {
    edges {
      node {
        id
        name
        country
        conflicts(statuses: [OPEN, ACKNOWLEDGED]) {
          id
          kind
          severity
        }
      }
    }
  }
  dealers(first: 6, filter: {search: $search}, orderBy: {field: NAME}) {
    edges {
      node {
        id
        code
        name
      }
    }
  }
}
    `)};function Be(e){return ze[e]??{}}export{ne as C,l as D,s as E,ie as S,o as T,we as _,Fe as a,ce as b,Ae as c,ke as d,X as f,J as g,Ce as h,Le as i,Ne as l,Ee as m,Ie as n,je as o,Z as p,Re as r,Me as s,Be as t,Oe as u,le as v,d as w,ue as x,de as y};